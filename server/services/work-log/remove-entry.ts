import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { workEntry } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { recordAudit } from "../audit";
import { loadEntryView } from "./entry-view";
import { ownedEntry } from "./owned-entry";

/** Soft delete: the row stays, so undo (`restoreEntry`) brings it back unchanged. */
export async function removeEntry(db: Db, viewer: Viewer, input: { id: string }, now: Date) {
  return db.transaction(async (tx) => {
    const entry = await ownedEntry(tx, viewer, input.id);
    await tx.update(workEntry).set({ deletedAt: now, updatedAt: now }).where(eq(workEntry.id, entry.id));
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: entry.teamId,
      action: "work-entry.remove",
      entityType: "work_entry",
      entityId: entry.id,
      before: { deletedAt: null },
      after: { deletedAt: now },
    });
    return { id: entry.id };
  });
}

/** Undo of a delete. Restoring an entry that is not deleted changes nothing, so a repeated undo is harmless. */
export async function restoreEntry(db: Db, viewer: Viewer, input: { id: string }, now: Date) {
  return db.transaction(async (tx) => {
    const entry = await ownedEntry(tx, viewer, input.id, { includeDeleted: true });
    if (entry.deletedAt) {
      await tx.update(workEntry).set({ deletedAt: null, updatedAt: now }).where(eq(workEntry.id, entry.id));
      await recordAudit(tx, {
        actorPersonId: viewer.personId,
        teamId: entry.teamId,
        action: "work-entry.restore",
        entityType: "work_entry",
        entityId: entry.id,
        before: { deletedAt: entry.deletedAt },
        after: { deletedAt: null },
      });
    }
    return loadEntryView(tx, entry.id);
  });
}
