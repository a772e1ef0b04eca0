import { DateTime } from "luxon";
import { z } from "zod";
import { rotationDraft } from "@/server/schemas/rotations";
import type { FieldErrors } from "@/app/_lib/field-errors";
import { clockTime } from "@/app/_lib/format";
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
  workingHoursOnly: boolean;
  workingDays: number[];
  workingStart: string;
  workingEnd: string;
  /** Person ids in turn order. */
  participants: string[];
  /** Who takes the turn in progress and who is next; "" keeps who holds it and follows the list. */
  onDutyNow: string;
  nextUp: string;
}

const WORKDAYS = [1, 2, 3, 4, 5];

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
    workingHoursOnly: false,
    workingDays: WORKDAYS,
    workingStart: "09:00",
    workingEnd: "17:00",
    participants: [],
    onDutyNow: "",
    nextUp: "",
  };
}

export function formOfRotation(rotation: RotationDetail): RotationForm {
  return {
    name: rotation.name,
    role: rotation.role,
    timeZone: rotation.timeZone,
    shiftUnit: rotation.shiftUnit,
    shiftCount: String(rotation.shiftCount),
    handoffWeekday: rotation.handoffWeekday,
    handoffTime: clockTime(rotation.handoffMinute),
    startsOn: rotation.startsOn,
    workingHoursOnly: rotation.workingHoursOnly,
    workingDays: rotation.workingDays ?? WORKDAYS,
    workingStart: clockTime(rotation.workingStartMinute ?? 9 * 60),
    // A working day that ends at midnight is stored as 1440 and shown as 00:00.
    workingEnd: clockTime((rotation.workingEndMinute ?? 17 * 60) % 1440),
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

/** The draft the API reads. Working hours ending at 00:00 mean the end of the day. */
export function draftOf(form: RotationForm): RotationDraftInput {
  const end = minuteOf(form.workingEnd);
  return {
    name: form.name,
    role: form.role,
    timeZone: form.timeZone,
    shiftUnit: form.shiftUnit,
    shiftCount: form.shiftCount.trim() === "" ? Number.NaN : Number(form.shiftCount),
    handoffWeekday: form.handoffWeekday,
    handoffMinute: minuteOf(form.handoffTime),
    startsOn: form.startsOn,
    workingHoursOnly: form.workingHoursOnly,
    workingDays: form.workingHoursOnly ? [...form.workingDays].sort((a, b) => a - b) : null,
    workingStartMinute: form.workingHoursOnly ? minuteOf(form.workingStart) : null,
    workingEndMinute: form.workingHoursOnly ? (end === 0 ? 1440 : end) : null,
    participants: form.participants,
    onDutyNow: form.onDutyNow || null,
    nextUp: form.nextUp || null,
  };
}

export type DraftCheck = { ok: true; draft: RotationDraftInput } | { ok: false; errors: FieldErrors };

/** The same schema the API applies, so the form names each problem at its field before any request. */
export function checkDraft(form: RotationForm): DraftCheck {
  const draft = draftOf(form);
  const parsed = rotationDraft.safeParse(draft);
  return parsed.success ? { ok: true, draft } : { ok: false, errors: z.flattenError(parsed.error).fieldErrors };
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
