import { DateTime } from "luxon";
import { z } from "zod";
import { rotationDraft } from "@/server/schemas/rotations";
import type { FieldErrors } from "@/app/_lib/field-errors";
import { clockTime } from "@/app/_lib/format";
import { DUTY_PRESETS, type DutyPreset, presetOf } from "@/app/_components/rotations/duty-windows";
import type { RotationDetail, RotationDraftInput, RotationRole } from "@/app/_components/rotations/types";

export type ShiftUnit = RotationDraftInput["shiftUnit"];

/** The editor's fields as typed: text for numbers and times, so a half-typed value is not lost. */
export interface RotationForm {
  name: string;
  role: RotationRole;
  timeZone: string;
  shiftUnit: ShiftUnit;
  shiftCount: string;
  handoffWeekday: number;
  handoffTime: string;
  startsOn: string;
  /** "" for no end. */
  endsOn: string;
  dutyPreset: DutyPreset;
  /** The planner's own windows, used when `dutyPreset` is "custom"; times as typed ("20:00"). */
  windows: WindowRow[];
  /** Person ids in turn order. */
  participants: string[];
  /** Who takes the turn in progress and who is next; "" keeps who holds it and follows the list. */
  onDutyNow: string;
  nextUp: string;
}

/** One custom duty window as typed: an end at or before the start is on the next day. */
export interface WindowRow {
  /** Keeps a row's inputs (and focus) with it when a row above is removed; not sent anywhere. */
  key: string;
  days: number[];
  from: string;
  to: string;
}

/** A first custom row: the business-hours window, easy to change. */
export const FIRST_WINDOW_ROW: WindowRow = { key: "window-0", days: [1, 2, 3, 4, 5], from: "09:00", to: "17:00" };

let addedRows = 0;
/** A row added after the first starts with no days, so it never overlaps the others until the planner picks some. */
export function addedWindowRow(): WindowRow {
  addedRows += 1;
  return { key: `added-${addedRows}`, days: [], from: "09:00", to: "17:00" };
}

function rowsOf(windows: RotationDetail["dutyWindows"]): WindowRow[] {
  if (!windows || windows.length === 0) return [FIRST_WINDOW_ROW];
  return windows.map((w, index) => ({
    key: `window-${index}`,
    days: [...w.days],
    from: clockTime(w.startMinute),
    to: clockTime(w.endMinute % 1440),
  }));
}

/** A fresh rotation: weekly pager, Monday 09:00 hand-offs from next Monday, in the planner's zone. */
export function newRotationForm(zone: string, now: Date): RotationForm {
  const nextMonday = DateTime.fromJSDate(now, { zone }).startOf("week").plus({ weeks: 1 });
  return {
    name: "",
    role: "primary",
    timeZone: zone,
    shiftUnit: "weeks",
    shiftCount: "1",
    handoffWeekday: 1,
    handoffTime: "09:00",
    startsOn: nextMonday.toISODate() ?? "",
    endsOn: "",
    dutyPreset: "always",
    windows: [FIRST_WINDOW_ROW],
    participants: [],
    onDutyNow: "",
    nextUp: "",
  };
}

/** What the form reads of a saved rotation, or of a proposed one (a second duty role). */
type RotationSettingsView = Pick<
  RotationDetail,
  | "name"
  | "role"
  | "timeZone"
  | "shiftUnit"
  | "shiftCount"
  | "handoffWeekday"
  | "handoffMinute"
  | "startsOn"
  | "endsOn"
  | "dutyWindows"
  | "participants"
>;

/** A proposed rotation, with who takes its turn in progress. */
export function formOfProposal(draft: RotationSettingsView & { onDutyNow: string | null }): RotationForm {
  return { ...formOfRotation(draft), onDutyNow: draft.onDutyNow ?? "" };
}

export function formOfRotation(rotation: RotationSettingsView): RotationForm {
  return {
    name: rotation.name,
    role: rotation.role,
    timeZone: rotation.timeZone,
    shiftUnit: rotation.shiftUnit,
    shiftCount: String(rotation.shiftCount),
    handoffWeekday: rotation.handoffWeekday,
    handoffTime: clockTime(rotation.handoffMinute),
    startsOn: rotation.startsOn,
    endsOn: rotation.endsOn ?? "",
    dutyPreset: presetOf(rotation.dutyWindows),
    // A window that ends at midnight may be stored as 1440; it is shown as 00:00.
    windows: rowsOf(rotation.dutyWindows),
    participants: rotation.participants.map((p) => p.personId),
    onDutyNow: "",
    nextUp: "",
  };
}

/** "09:30" as minutes after midnight; NaN when it is not a time, so the schema names the field. */
export function minuteOf(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return Number.NaN;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The windows the chosen preset stands for, or the planner's own rows; null is all the time. */
function windowsOf(form: RotationForm): RotationDraftInput["dutyWindows"] {
  if (form.dutyPreset === "custom") {
    return form.windows.map((row) => ({
      days: [...row.days].sort((a, b) => a - b),
      startMinute: minuteOf(row.from),
      endMinute: minuteOf(row.to),
    }));
  }
  return DUTY_PRESETS.find((p) => p.preset === form.dutyPreset)?.windows ?? null;
}

/** The draft the API reads. */
export function draftOf(form: RotationForm): RotationDraftInput {
  return {
    name: form.name,
    role: form.role,
    timeZone: form.timeZone,
    shiftUnit: form.shiftUnit,
    shiftCount: form.shiftCount.trim() === "" ? Number.NaN : Number(form.shiftCount),
    handoffWeekday: form.handoffWeekday,
    handoffMinute: minuteOf(form.handoffTime),
    startsOn: form.startsOn,
    endsOn: form.endsOn || null,
    dutyWindows: windowsOf(form),
    participants: form.participants,
    onDutyNow: form.onDutyNow || null,
    nextUp: form.nextUp || null,
  };
}

export type DraftCheck = { ok: true; draft: RotationDraftInput } | { ok: false; errors: FieldErrors };

/** The field key of a problem inside one duty window: "dutyWindows.1" (the row) or "dutyWindows.1.days". */
export function windowErrorKey(index: number, field?: "days" | "startMinute" | "endMinute"): string {
  return field ? `dutyWindows.${index}.${field}` : `dutyWindows.${index}`;
}

/** The same schema the API applies, so the form names each problem at its field (and window row) before any request. */
export function checkDraft(form: RotationForm): DraftCheck {
  const draft = draftOf(form);
  const parsed = rotationDraft.safeParse(draft);
  if (parsed.success) return { ok: true, draft };
  const errors: FieldErrors = { ...z.flattenError(parsed.error).fieldErrors };
  for (const issue of parsed.error.issues) {
    const [field, index, inner] = issue.path;
    if (field !== "dutyWindows" || typeof index !== "number") continue;
    const key =
      inner === "days" || inner === "startMinute" || inner === "endMinute"
        ? windowErrorKey(index, inner)
        : windowErrorKey(index);
    errors[key] = [...(errors[key] ?? []), issue.message];
  }
  return { ok: false, errors };
}

export function sameForm(a: RotationForm, b: RotationForm): boolean {
  return JSON.stringify(draftOf(a)) === JSON.stringify(draftOf(b));
}

/** Where the what-if starts: the first day of the rotation, or today once it has begun. */
export function horizonStart(form: RotationForm, now: Date): Date {
  const zone = DateTime.local().setZone(form.timeZone).isValid ? form.timeZone : "UTC";
  const today = DateTime.fromJSDate(now, { zone }).startOf("day");
  const first = DateTime.fromISO(form.startsOn, { zone });
  return (first.isValid && first > today ? first : today).toJSDate();
}
