import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { service, workEntry } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import type { confirmCaptureInput } from "@/server/schemas/capture";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { membersAmong } from "../rotations/rotation-facts";
import { loadEntryView, type EntryView } from "../work-log/entry-view";
import { endAfter, requireEndedBy } from "../work-log/entry-time";
import { entryTraits, NO_TRAITS } from "../work-log/traits";
import { capturedNoun, loadCapturedGroup } from "./load-captured-group";
import { decidePages } from "./decide-pages";
import { assertReturned } from "@/server/services/returned-row";

export type ConfirmCaptureInput = z.output<typeof confirmCaptureInput>;

/** Answering a page is manual and tactical (interrupt-driven), as when logging interrupt time by hand. */
const PAGE_TRAITS = { ...NO_TRAITS, manual: true, tactical: true };

export interface ConfirmedCapture {
  entry: EntryView;
  /** The pages confirmed: the incident's captured pages credited to the same engineer. */
  interruptIds: string[];
}

/** Alerts name their service in a label; link the team's service of that name when there is one. */
async function serviceNamed(db: Db, teamId: string, name: string | null): Promise<string | null> {
  if (!name) return null;
  const [row] = await db
    .select({ id: service.id })
    .from(service)
    .where(and(eq(service.teamId, teamId), isNull(service.deletedAt), sql`lower(${service.name}) = lower(${name})`));
  return row?.id ?? null;
}

/**
 * Confirms a captured incident: one toil entry for the credited engineer, starting when its first alert fired and
 * lasting the minutes given, linked to the page; its captured pages become confirmed. One transaction, so a page
 * is never confirmed without its entry nor logged twice. A manager may confirm for the engineer: the entry is
 * still the engineer's, and the audit log names the manager.
 */
export async function confirmCapture(
  db: Db,
  viewer: Viewer,
  input: ConfirmCaptureInput,
  now: Date,
): Promise<ConfirmedCapture> {
  return db.transaction(async (tx) => {
    const { target, pages } = await loadCapturedGroup(tx, viewer, input.interruptId);
    const noun = capturedNoun(target);
    if (target.captureStatus !== "captured")
      throw new DomainError("conflict", `This ${noun} was already ${target.captureStatus}.`, "interruptId");
    const engineerId = target.assigneeId;
    if (!engineerId) {
      const why = noun === "ticket" ? "Nobody is assigned this ticket" : "Nobody was on call when this page fired";
      throw new DomainError("invalid", `${why}: log its time by hand.`, "interruptId");
    }
    if (!(await membersAmong(tx, target.teamId, [engineerId])).has(engineerId)) {
      throw new DomainError(
        "invalid",
        `The engineer credited with this ${noun} is no longer in its team.`,
        "interruptId",
      );
    }
    const captured = pages.filter((page) => page.captureStatus === "captured");
    const startsAt = new Date(Math.min(...captured.map((page) => page.openedAt.getTime())));
    requireEndedBy(endAfter(startsAt, input.minutes), now, "minutes");
    const [row] = await tx
      .insert(workEntry)
      .values({
        personId: engineerId,
        teamId: target.teamId,
        startsAt,
        minutes: input.minutes,
        category: "toil",
        ...entryTraits("toil", input.traits ?? PAGE_TRAITS, null, null),
        serviceId: await serviceNamed(tx, target.teamId, target.service),
        summary: target.summary,
        interruptId: target.id,
        source: "capture",
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    assertReturned(row, "work_entry insert");
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: target.teamId,
      action: "work-entry.create",
      entityType: "work_entry",
      entityId: row.id,
      after: row,
    });
    await decidePages(tx, viewer, captured, "confirmed", now);
    return { entry: await loadEntryView(tx, row.id), interruptIds: captured.map((page) => page.id) };
  });
}
