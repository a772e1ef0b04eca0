import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { runningTimer } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import type { startTimerInput } from "@/server/schemas/work-log";
import { recordAudit } from "../../audit";
import { DomainError } from "../../errors";
import { loadReferences } from "../references";
import { teamForOwnWork } from "../team-access";
import { loadTimerView, type TimerView } from "./timer-view";

export type StartTimerInput = z.output<typeof startTimerInput>;

/** One timer per person: starting a second one is a CONFLICT, so time is never counted twice. */
export async function startTimer(db: Db, viewer: Viewer, input: StartTimerInput, now: Date): Promise<TimerView> {
  return db.transaction(async (tx) => {
    const teamId = await teamForOwnWork(tx, viewer, input.teamId);
    const refs = await loadReferences(tx, teamId, input);
    const [row] = await tx
      .insert(runningTimer)
      .values({
        personId: viewer.personId,
        teamId,
        startedAt: now,
        summary: input.summary,
        serviceId: refs.service?.id ?? null,
        templateId: refs.template?.id ?? null,
        interruptId: refs.interrupt?.id ?? null,
      })
      .onConflictDoNothing({ target: runningTimer.personId })
      .returning();
    if (!row) throw new DomainError("conflict", "A timer is already running; stop or discard it first.");
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId,
      action: "timer.start",
      entityType: "running_timer",
      entityId: viewer.personId,
      after: row,
    });
    const view = await loadTimerView(tx, viewer.personId, now);
    if (!view) throw new Error("running_timer vanished inside its own transaction");
    return view;
  });
}
