import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { alertSilence, interrupt, team } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { addDays, localDateOf, parseLocalDate, wallClockInstant } from "@/server/domain/time";
import { MAX_SILENCE_DAYS, type saveSilenceInput } from "@/server/schemas/review";
import { recordAudit } from "../../audit";
import { DomainError } from "../../errors";
import { openReviewTeam, reviewsEverything } from "../review-access";
import { activeSilences, auditedSilence, type SilenceView } from "./silence-view";

export type SaveSilenceInput = z.output<typeof saveSilenceInput>;

/** The end of the silence: midnight after its last day, on the caller's wall clock. */
function silenceEnd(lastDay: string, timeZone: string, now: Date): Date {
  const end = wallClockInstant(addDays(parseLocalDate(lastDay), 1), 0, timeZone);
  if (end <= now.getTime()) throw new DomainError("invalid", "Pick today or a later day.", "until");
  if (end > wallClockInstant(addDays(localDateOf(now.getTime(), timeZone), MAX_SILENCE_DAYS + 1), 0, timeZone)) {
    throw new DomainError(
      "invalid",
      `At most ${MAX_SILENCE_DAYS} days ahead: a silence waits for a scheduled fix, not forever.`,
      "until",
    );
  }
  return new Date(end);
}

/** Engineers may silence an alert they were paged for; managers and planners any alert of the team. */
async function assertMaySilence(db: Db, viewer: Viewer, teamId: string, alertName: string): Promise<void> {
  if (reviewsEverything(viewer, teamId)) return;
  const [paged] = await db
    .select({ id: interrupt.id })
    .from(interrupt)
    .where(
      and(
        eq(interrupt.teamId, teamId),
        eq(interrupt.alertName, alertName),
        eq(interrupt.assigneeId, viewer.personId),
        isNull(interrupt.deletedAt),
      ),
    )
    .limit(1);
  if (!paged)
    throw new DomainError(
      "forbidden",
      "Only a manager or planner, or an engineer paged by this alert, may silence it.",
      "alertName",
    );
}

/**
 * Silences the team's alert name until the end of a day: its new pages are still stored and counted, but skip
 * the capture inbox. An alert has at most one active silence: saving again changes its end, fix and reason.
 */
export async function saveSilence(db: Db, viewer: Viewer, input: SaveSilenceInput, now: Date): Promise<SilenceView> {
  await openReviewTeam(db, viewer, input.teamId);
  await assertMaySilence(db, viewer, input.teamId, input.alertName);
  const until = silenceEnd(input.until, viewer.timeZone, now);
  const fields = { until, fixUrl: input.fixUrl, reason: input.reason || null };
  const id = await db.transaction(async (tx) => {
    // Saves of one team queue on its row, so two people cannot both start the alert's active silence.
    await tx.select({ id: team.id }).from(team).where(eq(team.id, input.teamId)).for("update");
    const [existing] = await tx
      .select()
      .from(alertSilence)
      .where(
        and(
          eq(alertSilence.teamId, input.teamId),
          eq(alertSilence.alertName, input.alertName),
          isNull(alertSilence.deletedAt),
          gt(alertSilence.until, now),
        ),
      )
      .for("update");
    const [saved] = existing
      ? await tx.update(alertSilence).set(fields).where(eq(alertSilence.id, existing.id)).returning()
      : await tx
          .insert(alertSilence)
          .values({
            teamId: input.teamId,
            alertName: input.alertName,
            createdById: viewer.personId,
            createdAt: now,
            ...fields,
          })
          .returning();
    if (!saved) throw new Error("the silence was not saved");
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: existing ? "alert-silence.update" : "alert-silence.create",
      entityType: "alert_silence",
      entityId: saved.id,
      before: existing ? auditedSilence(existing) : null,
      after: auditedSilence(saved),
    });
    return saved.id;
  });
  const [view] = await activeSilences(db, input.teamId, now, eq(alertSilence.id, id));
  if (!view) throw new Error("the saved silence is gone");
  return view;
}
