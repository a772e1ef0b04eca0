import { DateTime } from "luxon";
import { ROLE_LABEL, ROLE_ORDER } from "./roles";
import { weekdayRange } from "./spans";
import type { RotationRole, ScheduleData, ScheduleShift } from "./types";

/** People down the side; weeks (an overview of a quarter) or days (hand-off detail) across. */
export type GridScale = "weeks" | "days";

export const COLUMNS: Record<GridScale, number> = { weeks: 8, days: 14 };

export interface GridColumn {
  key: string;
  start: Date;
  end: Date;
  /** "Mon 30 Nov" for a week, "Mon" for a day. */
  label: string;
  /** "wk 49" for a week, "30 Nov" for a day. */
  sublabel: string;
  /** Read by screen readers with the cell: "week of Mon 30 Nov", "Mon 30 Nov". */
  spoken: string;
  isCurrent: boolean;
  isWeekend: boolean;
}

/** The first column that shows `at`: its Monday (weeks) or its day, on the viewer's wall clock. */
export function firstColumnOf(scale: GridScale, at: Date, zone: string): string {
  const local = DateTime.fromJSDate(at, { zone });
  return (scale === "weeks" ? local.startOf("week") : local.startOf("day")).toISODate() ?? "";
}

/** Columns from the local date `anchor` (yyyy-mm-dd), on the wall clock of `zone`, so DST days stay whole. */
export function gridColumns(scale: GridScale, anchor: string, zone: string, now: Date): GridColumn[] {
  const first = DateTime.fromISO(anchor, { zone }).startOf("day");
  const step = scale === "weeks" ? { weeks: 1 } : { days: 1 };
  return Array.from({ length: COLUMNS[scale] }, (_, index) => {
    const start = first.plus(scale === "weeks" ? { weeks: index } : { days: index });
    const end = start.plus(step);
    const nowMs = now.getTime();
    return {
      key: start.toISODate() ?? String(index),
      start: start.toJSDate(),
      end: end.toJSDate(),
      label: scale === "weeks" ? start.toFormat("ccc d LLL") : start.toFormat("ccc"),
      sublabel: scale === "weeks" ? `wk ${start.weekNumber}` : start.toFormat("d LLL"),
      spoken: scale === "weeks" ? `week of ${start.toFormat("ccc d LLL")}` : start.toFormat("cccc d LLLL"),
      isCurrent: start.toMillis() <= nowMs && nowMs < end.toMillis(),
      isWeekend: scale === "days" && start.weekday >= 6,
    };
  });
}

/** One rotation's duty held by one person inside one column, its pieces joined. */
export interface CellChip {
  rotationId: string;
  rotationName: string;
  role: RotationRole;
  start: Date;
  end: Date;
  /** The held pieces as the schedule lists them (unclipped), for acting on a whole shift. */
  shifts: ScheduleShift[];
  cover: boolean;
  onLeave: boolean;
  past: boolean;
}

export interface GridCell {
  personId: string;
  personName: string;
  column: GridColumn;
  chips: CellChip[];
}

const clipStart = (shift: ScheduleShift, column: GridColumn) =>
  new Date(Math.max(shift.startsAt.getTime(), column.start.getTime()));
const clipEnd = (shift: ScheduleShift, column: GridColumn) =>
  new Date(Math.min(shift.endsAt.getTime(), column.end.getTime()));

/** What `personId` holds during `column`, pager roles first. */
export function chipsOf(
  schedule: ScheduleData,
  personId: string,
  column: GridColumn,
  now: Date,
  rotationId?: string,
): CellChip[] {
  const names = new Map(schedule.rotations.map((r) => [r.id, r.name]));
  const byRotation = new Map<string, CellChip>();
  for (const shift of schedule.shifts) {
    if (shift.personId !== personId || (rotationId && shift.rotationId !== rotationId)) continue;
    if (shift.endsAt <= column.start || shift.startsAt >= column.end) continue;
    const start = clipStart(shift, column);
    const end = clipEnd(shift, column);
    const chip = byRotation.get(shift.rotationId);
    if (chip) {
      if (start < chip.start) chip.start = start;
      if (end > chip.end) chip.end = end;
      chip.shifts.push(shift);
      chip.cover ||= shift.source === "override";
      chip.onLeave ||= shift.onLeave;
      chip.past &&= shift.endsAt <= now;
    } else {
      byRotation.set(shift.rotationId, {
        rotationId: shift.rotationId,
        rotationName: names.get(shift.rotationId) ?? "Rotation",
        role: shift.role,
        start,
        end,
        shifts: [shift],
        cover: shift.source === "override",
        onLeave: shift.onLeave,
        past: shift.endsAt <= now,
      });
    }
  }
  return [...byRotation.values()].sort(
    (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.rotationName.localeCompare(b.rotationName),
  );
}

/** When a chip's duty runs inside its cell: short for the eye ("09:00→"), spoken for screen readers ("from 09:00"). */
export function chipWhen(
  chip: CellChip,
  column: GridColumn,
  scale: GridScale,
  zone: string,
): { short: string; spoken: string } {
  const clock = (at: Date) => DateTime.fromJSDate(at, { zone }).toFormat("HH:mm");
  if (scale === "weeks") return weekSpan(chip, zone);
  const fromStart = chip.start.getTime() === column.start.getTime();
  const toEnd = chip.end.getTime() === column.end.getTime();
  if (fromStart && toEnd) return { short: "", spoken: "all day" };
  if (fromStart) return { short: `→${clock(chip.end)}`, spoken: `until ${clock(chip.end)}` };
  if (toEnd) return { short: `${clock(chip.start)}→`, spoken: `from ${clock(chip.start)}` };
  return { short: `${clock(chip.start)}–${clock(chip.end)}`, spoken: `${clock(chip.start)} to ${clock(chip.end)}` };
}

/** Whether two times on one zone's wall clock fall on the same date: luxon's hasSame, without its three conversions. */
function sameDay(a: DateTime, b: DateTime): boolean {
  return a.day === b.day && a.month === b.month && a.year === b.year;
}

/**
 * A week cell names the days, and the hour where duty starts or ends inside a day, so the morning before a
 * 09:00 hand-off reads "Mon →09:00" rather than claiming all of Monday.
 */
function weekSpan(chip: CellChip, zone: string): { short: string; spoken: string } {
  const start = DateTime.fromJSDate(chip.start, { zone });
  const end = DateTime.fromJSDate(chip.end, { zone });
  const startsAtMidnight = start.equals(start.startOf("day"));
  const endsAtMidnight = end.equals(end.startOf("day"));
  const from = startsAtMidnight ? start.toFormat("ccc") : start.toFormat("ccc HH:mm");
  if (endsAtMidnight) {
    const last = end.minus({ days: 1 });
    if (startsAtMidnight) {
      const spoken = sameDay(start, last)
        ? `all ${start.toFormat("cccc")}`
        : `${start.toFormat("cccc")} to ${last.toFormat("cccc")}`;
      return { short: weekdayRange(chip.start, chip.end, zone), spoken };
    }
    return {
      short: `${from}–${last.toFormat("ccc")}`,
      spoken: `${start.toFormat("cccc HH:mm")} to the end of ${last.toFormat("cccc")}`,
    };
  }
  if (sameDay(start, end)) {
    const short = startsAtMidnight ? `${from} →${end.toFormat("HH:mm")}` : `${from}–${end.toFormat("HH:mm")}`;
    return {
      short,
      spoken: `${start.toFormat("cccc")} ${startsAtMidnight ? "until" : `${start.toFormat("HH:mm")} to`} ${end.toFormat("HH:mm")}`,
    };
  }
  return {
    short: `${from}–${end.toFormat("ccc HH:mm")}`,
    spoken: `${start.toFormat("cccc")}${startsAtMidnight ? "" : ` ${start.toFormat("HH:mm")}`} to ${end.toFormat("cccc HH:mm")}`,
  };
}

/**
 * The chip's words: its short time for the eye, and the whole phrase for the cell's accessible name. Worked out
 * once per chip: the time zone arithmetic behind them is most of what a schedule costs to render.
 */
export function chipWords(
  chip: CellChip,
  column: GridColumn,
  scale: GridScale,
  zone: string,
): { short: string; sentence: string } {
  const when = chipWhen(chip, column, scale, zone);
  const extras = [chip.cover ? "cover" : "", chip.onLeave ? "on leave" : ""].filter(Boolean).join(", ");
  return {
    short: when.short,
    sentence: `${ROLE_LABEL[chip.role]} (${chip.rotationName}) ${when.spoken}${extras ? `, ${extras}` : ""}`,
  };
}

/** Past the last column too, so a shift crossing the grid's end is offered whole in swap and cover dialogs. */
const SLACK_WEEKS = 2;

/** The span the grid asks the schedule for: its columns plus the slack. */
export function scheduleRange(scale: GridScale, anchor: string, zone: string): { from: Date; to: Date } {
  const first = DateTime.fromISO(anchor, { zone }).startOf("day");
  const shown = scale === "weeks" ? { weeks: COLUMNS.weeks } : { days: COLUMNS.days };
  return { from: first.toJSDate(), to: first.plus(shown).plus({ weeks: SLACK_WEEKS }).toJSDate() };
}

/** The anchor one screen earlier or later. */
export function shiftAnchor(scale: GridScale, anchor: string, zone: string, screens: number): string {
  const first = DateTime.fromISO(anchor, { zone });
  const moved =
    scale === "weeks" ? first.plus({ weeks: COLUMNS.weeks * screens }) : first.plus({ days: COLUMNS.days * screens });
  return moved.toISODate() ?? anchor;
}
