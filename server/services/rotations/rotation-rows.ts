import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rotation, rotationParticipant } from "@/db/schema";
import type { DutyWindow, RotationSpec, TurnAnchor } from "@/server/domain/rotations";
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
    .where(
      and(
        eq(rotation.id, rotationId),
        eq(rotation.teamId, teamId),
        opts.removed ? isNotNull(rotation.deletedAt) : isNull(rotation.deletedAt),
      ),
    );
  const [row] = opts.forUpdate ? await query.for("update") : await query;
  if (!row)
    throw new DomainError(
      "not-found",
      opts.removed ? "No such removed rotation in this team." : "No such rotation in this team.",
      "rotationId",
    );
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

/** The draft's duty windows: its own, or the one its older "working hours only" fields describe. */
function windowsOfDraft(draft: RotationDraft): DutyWindow[] | null {
  if (draft.dutyWindows) return draft.dutyWindows.map(normalisedWindow);
  const { workingDays, workingStartMinute, workingEndMinute } = draft;
  if (!draft.workingHoursOnly || !workingDays || workingStartMinute === null || workingStartMinute === undefined)
    return null;
  if (workingEndMinute === null || workingEndMinute === undefined) return null;
  return [normalisedWindow({ days: workingDays, startMinute: workingStartMinute, endMinute: workingEndMinute })];
}

function normalisedWindow(window: DutyWindow): DutyWindow {
  return {
    days: [...new Set(window.days)].sort((a, b) => a - b),
    startMinute: window.startMinute,
    endMinute: window.endMinute,
  };
}

/** The columns a draft sets, so create and update write the same fields the same way; windows replace working hours. */
export function columnsOf(draft: RotationDraft) {
  return {
    name: draft.name,
    role: draft.role,
    timeZone: draft.timeZone,
    shiftUnit: draft.shiftUnit,
    shiftCount: draft.shiftCount,
    handoffWeekday: draft.handoffWeekday,
    handoffMinute: draft.handoffMinute,
    startsOn: draft.startsOn,
    endsOn: draft.endsOn ?? null,
    dutyWindows: windowsOfDraft(draft),
    workingHoursOnly: false,
    workingDays: null,
    workingStartMinute: null,
    workingEndMinute: null,
  };
}

type RotationSettings = Omit<
  ReturnType<typeof columnsOf>,
  "workingDays" | "workingHoursOnly" | "workingStartMinute" | "workingEndMinute"
> &
  Pick<RotationRow, "workingDays" | "workingHoursOnly" | "workingStartMinute" | "workingEndMinute">;

/** A row's duty windows; a row not yet backfilled (or written by older tools) still says "working hours only". */
export function dutyWindowsOf(settings: RotationSettings): DutyWindow[] | null {
  if (settings.dutyWindows && settings.dutyWindows.length > 0) return settings.dutyWindows;
  const { workingDays, workingStartMinute, workingEndMinute } = settings;
  const restricted =
    settings.workingHoursOnly &&
    workingDays !== null &&
    workingDays.length > 0 &&
    workingStartMinute !== null &&
    workingEndMinute !== null;
  return restricted ? [{ days: workingDays, startMinute: workingStartMinute, endMinute: workingEndMinute }] : null;
}

export function specOf(
  id: string,
  settings: RotationSettings,
  participants: readonly string[],
  anchor: TurnAnchor | null = null,
): RotationSpec {
  return {
    id,
    role: settings.role,
    timeZone: settings.timeZone,
    shiftLength: { unit: settings.shiftUnit, count: settings.shiftCount },
    handoff: { weekday: settings.handoffWeekday, minute: settings.handoffMinute },
    startsOn: settings.startsOn,
    endsOn: settings.endsOn,
    participants: [...participants],
    dutyWindows: dutyWindowsOf(settings),
    anchor,
  };
}

/** The saved anchor of a row, or null when it has none. */
export function anchorOfRow(row: Pick<RotationRow, "anchorAt" | "anchorIndex">): TurnAnchor | null {
  return row.anchorAt !== null && row.anchorIndex !== null
    ? { at: row.anchorAt.getTime(), index: row.anchorIndex }
    : null;
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
