import "server-only";
import type { Db } from "@/db/client";
import type { Viewer } from "@/server/auth/permissions";
import { ownedEntry } from "../owned-entry";
import { requireTeamMember } from "../team-access";
import { traitsOf } from "../traits";
import { insertTemplate } from "./insert-template";

/** "Do this again": a template with the entry's service, duration, category and traits. */
export async function templateFromEntry(db: Db, viewer: Viewer, input: { entryId: string; name: string }) {
  return db.transaction(async (tx) => {
    const entry = await ownedEntry(tx, viewer, input.entryId, { field: "entryId" });
    await requireTeamMember(tx, viewer, entry.teamId);
    return insertTemplate(tx, viewer, {
      teamId: entry.teamId,
      name: input.name,
      serviceId: entry.serviceId,
      defaultMinutes: entry.minutes,
      category: entry.category,
      traits: traitsOf(entry),
    });
  });
}
