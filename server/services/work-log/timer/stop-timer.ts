import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { runningTimer } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { MAX_ENTRY_MINUTES } from "@/server/domain/accounting";
import { MINUTE_MS } from "@/server/domain/time";
import { recordAudit } from "../../audit";
import { DomainError } from "../../errors";
import type { EntryView } from "../entry-view";
import { insertEntry } from "../insert-entry";

export interface StoppedTimer {
  entry: EntryView;
  /** True when the timer ran past a day and the entry was cut to the 24 h an entry may last. */
  capped: boolean;
}

/** The measured time becomes a toil entry and the timer goes, in one transaction: both or neither. */
export async function stopTimer(db: Db, viewer: Viewer, now: Date): Promise<StoppedTimer> {
  return db.transaction(async (tx) => {
    // A running timer is transient state, not logged work, so it is deleted rather than soft-deleted.
    const [timer] = await tx.delete(runningTimer).where(eq(runningTimer.personId, viewer.personId)).returning();
    if (!timer) throw new DomainError("not-found", "No timer is running.");
    const measured = Math.round((now.getTime() - timer.startedAt.getTime()) / MINUTE_MS);
    const minutes = Math.min(Math.max(1, measured), MAX_ENTRY_MINUTES);
    const entry = await insertEntry(
      tx,
      viewer,
      {
        teamId: timer.teamId,
        summary: timer.summary,
        startsAt: timer.startedAt,
        minutes,
        category: "toil",
        serviceId: timer.serviceId,
        templateId: timer.templateId,
        interruptId: timer.interruptId,
        source: "timer",
      },
      now,
    );
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: timer.teamId,
      action: "timer.stop",
      entityType: "running_timer",
      entityId: viewer.personId,
      before: timer,
      after: { entryId: entry.id, minutes, measured },
    });
    return { entry, capped: measured > MAX_ENTRY_MINUTES };
  });
}
