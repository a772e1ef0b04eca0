import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { workEntry } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import type { updateEntryInput } from "@/server/schemas/work-log";
import { recordAudit } from "../audit";
import { endAfter, requireEndedBy, startBefore } from "./entry-time";
import { loadEntryView } from "./entry-view";
import { ownedEntry } from "./owned-entry";
import { loadReferences } from "./references";
import { requireTeamMember } from "./team-access";
import { entryTraits, traitsOf } from "./traits";

export type UpdateEntryInput = z.output<typeof updateEntryInput>;

/** `undefined` keeps what the entry has; `null` clears it. */
const keep = <T>(given: T | undefined, current: T): T => (given === undefined ? current : given);

/**
 * Edits the caller's own entry. Fields left out keep their value: the team, the end time (so a new
 * duration moves the start), the service, template, interrupt and link, and the traits of a toil entry.
 */
export async function updateEntry(db: Db, viewer: Viewer, input: UpdateEntryInput, now: Date) {
  return db.transaction(async (tx) => {
    const before = await ownedEntry(tx, viewer, input.id);
    const teamId = input.teamId ?? before.teamId;
    await requireTeamMember(tx, viewer, teamId);
    const refs = await loadReferences(tx, teamId, {
      serviceId: keep(input.serviceId, before.serviceId),
      templateId: keep(input.templateId, before.templateId),
      interruptId: keep(input.interruptId, before.interruptId),
    });
    const endsAt = input.endsAt ?? endAfter(before.startsAt, before.minutes);
    requireEndedBy(endsAt, now, "endsAt");
    const keptTraits = before.category === "toil" ? traitsOf(before) : undefined;
    const [after] = await tx
      .update(workEntry)
      .set({
        teamId,
        startsAt: startBefore(endsAt, input.duration),
        minutes: input.duration,
        category: input.category,
        ...entryTraits(input.category, input.traits ?? keptTraits, refs.template, refs.service),
        serviceId: refs.service?.id ?? null,
        templateId: refs.template?.id ?? null,
        interruptId: refs.interrupt?.id ?? null,
        summary: input.summary,
        link: keep(input.link, before.link),
        updatedAt: now,
      })
      .where(eq(workEntry.id, before.id))
      .returning();
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId,
      action: "work-entry.update",
      entityType: "work_entry",
      entityId: before.id,
      before,
      after,
    });
    return loadEntryView(tx, before.id);
  });
}
