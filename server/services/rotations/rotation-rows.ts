import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rotation, rotationParticipant } from "@/db/schema";
import type { RotationSpec, TurnAnchor } from "@/server/domain/rotations";
import type { RotationDraft } from "@/server/schemas/rotations";
import { DomainError } from "../errors";

export type RotationRow = typeof rotation.$inferSelect;

/** The id a draft that was never saved expands under. */
export const DRAFT_ROTATION_ID = "draft";

/** A rotation of `teamId`, locked for the rest of the transaction when `forUpdate`; a removed one only when asked. */
export async function findRotation(
  db: Db,
  teamId: string,
  rotationId: string,
  opts: { removed?: boolean; forUpdate?: boolean } = {},
): Promise<RotationRow> {
  const query = db
    .select()
    .from(rotation)
    .where(and(eq(rotation.id, rotationId), eq(rotation.teamId, teamId), opts.removed ? isNotNull(rotation.deletedAt) : isNull(rotation.deletedAt)));
  const [row] = opts.forUpdate ? await query.for("update") : await query;
  if (!row) throw new DomainError("not-found", opts.removed ? "No such removed rotation in this team." : "No such rotation in this team.", "rotationId");
  return row;
}

/** The team's rotations that are not removed, by name. */
export async function activeRotations(db: Db, teamIds: readonly string[]): Promise<RotationRow[]> {
  if (teamIds.length === 0) return [];
  return db
    .select()
    .from(rotation)
    .where(and(inArray(rotation.teamId, [...teamIds]), isNull(rotation.deletedAt)))
    .orderBy(asc(rotation.name), asc(rotation.id));
}

/** Person ids in turn order, per rotation. */
export async function participantsOf(db: Db, rotationIds: readonly string[]): Promise<Map<string, string[]>> {
  const byRotation = new Map<string, string[]>(rotationIds.map((id) => [id, []]));
  if (rotationIds.length === 0) return byRotation;
  const rows = await db
    .select()
    .from(rotationParticipant)
    .where(inArray(rotationParticipant.rotationId, [...rotationIds]))
    .orderBy(asc(rotationParticipant.position));
  for (const row of rows) byRotation.get(row.rotationId)?.push(row.personId);
  return byRotation;
}

/** The columns a draft sets, so create and update write the same fields the same way. */
export function columnsOf(draft: RotationDraft) {
  const restricted = draft.workingHoursOnly;
  return {
    name: draft.name,
    role: draft.role,
    timeZone: draft.timeZone,
    shiftUnit: draft.shiftUnit,
    shiftCount: draft.shiftCount,
    handoffWeekday: draft.handoffWeekday,
    handoffMinute: draft.handoffMinute,
    startsOn: draft.startsOn,
    workingHoursOnly: restricted,
    workingDays: restricted ? [...new Set(draft.workingDays ?? [])].sort((a, b) => a - b) : null,
    workingStartMinute: restricted ? (draft.workingStartMinute ?? null) : null,
    workingEndMinute: restricted ? (draft.workingEndMinute ?? null) : null,
  };
}

type RotationSettings = ReturnType<typeof columnsOf>;

export function specOf(id: string, settings: RotationSettings, participants: readonly string[], anchor: TurnAnchor | null = null): RotationSpec {
  const { workingDays, workingStartMinute, workingEndMinute } = settings;
  const restricted = settings.workingHoursOnly && workingDays !== null && workingStartMinute !== null && workingEndMinute !== null;
  return {
    id,
    role: settings.role,
    timeZone: settings.timeZone,
    shiftLength: { unit: settings.shiftUnit, count: settings.shiftCount },
    handoff: { weekday: settings.handoffWeekday, minute: settings.handoffMinute },
    startsOn: settings.startsOn,
    participants: [...participants],
    workingHoursOnly: restricted ? { days: workingDays, startMinute: workingStartMinute, endMinute: workingEndMinute } : null,
    anchor,
  };
}

/** The saved anchor of a row, or null when it has none. */
export function anchorOfRow(row: Pick<RotationRow, "anchorAt" | "anchorIndex">): TurnAnchor | null {
  return row.anchorAt !== null && row.anchorIndex !== null ? { at: row.anchorAt.getTime(), index: row.anchorIndex } : null;
}

/** The columns that save an anchor (both null to clear it). */
export function anchorColumns(anchor: TurnAnchor | null) {
  return { anchorAt: anchor ? new Date(anchor.at) : null, anchorIndex: anchor ? anchor.index : null };
}

export function specOfRow(row: RotationRow, participants: readonly string[]): RotationSpec {
  return specOf(row.id, row, participants, anchorOfRow(row));
}

export function specOfDraft(id: string, draft: RotationDraft): RotationSpec {
  return specOf(id, columnsOf(draft), draft.participants);
}
