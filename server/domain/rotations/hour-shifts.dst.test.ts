import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { expandShifts } from "./expand-shifts";
import { handoffSchedule } from "./handoffs";
import { HOUR_MS, lengthInHours, localWindow, wallClock, weeklyRotation } from "../../testing/rotation-spec-fixtures";
import type { RotationSpec } from "./types";

function hourShifts(timeZone: string, count: number, startsOn: string, minute: number): RotationSpec {
  return weeklyRotation({ timeZone, startsOn, shiftLength: { unit: "hours", count }, handoff: { weekday: 1, minute } });
}

describe("hour shifts hand off on the wall clock across daylight saving", () => {
  test.each([
    {
      note: "Berlin 12 h at 08:00/20:00, spring forward: the night is 11 h",
      zone: "Europe/Berlin",
      count: 12,
      startsOn: "2026-03-20",
      minute: 480,
      from: "2026-03-28T08:00",
      to: "2026-03-30T08:00",
      handoffs: [
        "2026-03-28T08:00+01:00",
        "2026-03-28T20:00+01:00",
        "2026-03-29T08:00+02:00",
        "2026-03-29T20:00+02:00",
      ],
      lengths: [12, 11, 12, 12],
    },
    {
      note: "Berlin 12 h at 08:00/20:00, fall back: the night is 13 h",
      zone: "Europe/Berlin",
      count: 12,
      startsOn: "2026-03-20",
      minute: 480,
      from: "2026-10-24T08:00",
      to: "2026-10-26T08:00",
      handoffs: [
        "2026-10-24T08:00+02:00",
        "2026-10-24T20:00+02:00",
        "2026-10-25T08:00+01:00",
        "2026-10-25T20:00+01:00",
      ],
      lengths: [12, 13, 12, 12],
    },
    {
      note: "Chicago 24 h at 00:30 stays at 00:30 through spring forward",
      zone: "America/Chicago",
      count: 24,
      startsOn: "2026-01-01",
      minute: 30,
      from: "2026-03-07T00:30",
      to: "2026-03-10T00:30",
      handoffs: ["2026-03-07T00:30-06:00", "2026-03-08T00:30-06:00", "2026-03-09T00:30-05:00"],
      lengths: [24, 23, 24],
    },
    {
      note: "Chicago 24 h at 00:30 stays at 00:30 through fall back",
      zone: "America/Chicago",
      count: 24,
      startsOn: "2026-01-01",
      minute: 30,
      from: "2026-10-31T00:30",
      to: "2026-11-03T00:30",
      handoffs: ["2026-10-31T00:30-05:00", "2026-11-01T00:30-05:00", "2026-11-02T00:30-06:00"],
      lengths: [24, 25, 24],
    },
    {
      note: "Lord Howe 1 h: the 02:00 hand-off in the half-hour gap moves to 02:30",
      zone: "Australia/Lord_Howe",
      count: 1,
      startsOn: "2026-01-01",
      minute: 0,
      from: "2026-10-04T00:00",
      to: "2026-10-04T04:00",
      handoffs: [
        "2026-10-04T00:00+10:30",
        "2026-10-04T01:00+10:30",
        "2026-10-04T02:30+11:00",
        "2026-10-04T03:00+11:00",
      ],
      lengths: [1, 1, 0.5, 1],
    },
    {
      note: "Lord Howe 1 h: at fall back the repeated half hour stays with the 01:00 turn",
      zone: "Australia/Lord_Howe",
      count: 1,
      startsOn: "2026-01-01",
      minute: 0,
      from: "2026-04-05T00:00",
      to: "2026-04-05T04:00",
      handoffs: [
        "2026-04-05T00:00+11:00",
        "2026-04-05T01:00+11:00",
        "2026-04-05T02:00+10:30",
        "2026-04-05T03:00+10:30",
      ],
      lengths: [1, 1.5, 1, 1],
    },
    {
      note: "Sydney 8 h at 06:00/14:00/22:00, fall back: the night is 9 h",
      zone: "Australia/Sydney",
      count: 8,
      startsOn: "2026-01-01",
      minute: 360,
      from: "2026-04-04T14:00",
      to: "2026-04-05T22:00",
      handoffs: [
        "2026-04-04T14:00+11:00",
        "2026-04-04T22:00+11:00",
        "2026-04-05T06:00+10:00",
        "2026-04-05T14:00+10:00",
      ],
      lengths: [8, 9, 8, 8],
    },
    {
      note: "Santiago 6 h from midnight: the midnight hand-off in the gap moves to 01:00",
      zone: "America/Santiago",
      count: 6,
      startsOn: "2026-01-01",
      minute: 0,
      from: "2026-09-05T18:00",
      to: "2026-09-06T12:00",
      handoffs: ["2026-09-05T18:00-04:00", "2026-09-06T01:00-03:00", "2026-09-06T06:00-03:00"],
      lengths: [6, 5, 6],
    },
  ])("$note", ({ zone, count, startsOn, minute, from, to, handoffs, lengths }) => {
    const shifts = expandShifts(hourShifts(zone, count, startsOn, minute), [], [], localWindow(from, to, zone));
    expect(shifts.map((shift) => wallClock(shift.start, zone))).toEqual(handoffs);
    expect(shifts.map(lengthInHours)).toEqual(lengths);
  });
});

const ZONES = [
  "Europe/Berlin",
  "America/Chicago",
  "Australia/Lord_Howe",
  "Australia/Sydney",
  "America/Santiago",
  "Pacific/Auckland",
  "Asia/Kolkata",
];
const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * An oracle written another way, by search: the first quarter-hour instant whose wall clock (as luxon shows it)
 * reads `wall`; in a gap, the instant luxon gives, which moves the wall time forward by the gap.
 */
function firstInstantShowing(wall: DateTime, zone: string): number {
  const wallAsUtc = wall.setZone("UTC", { keepLocalTime: true }).toMillis();
  for (let instant = wallAsUtc - 15 * HOUR_MS; instant <= wallAsUtc + 15 * HOUR_MS; instant += QUARTER_HOUR_MS) {
    const shown = DateTime.fromMillis(instant, { zone });
    if (shown.setZone("UTC", { keepLocalTime: true }).toMillis() === wallAsUtc) return instant;
  }
  return DateTime.fromObject(wall.toObject(), { zone }).toMillis();
}

describe("property: hour-shift hand-off n is the first hand-off's wall time plus n shift lengths", () => {
  test("in zones with whole, half-hour and no daylight saving changes", () => {
    const arb = fc.record({
      zone: fc.constantFrom(...ZONES),
      count: fc.constantFrom(1, 2, 3, 5, 6, 8, 12, 24, 36),
      quarter: fc.integer({ min: 0, max: 95 }),
      startDay: fc.integer({ min: 0, max: 900 }),
      period: fc.integer({ min: 0, max: 3000 }),
    });
    fc.assert(
      fc.property(arb, ({ zone, count, quarter, startDay, period }) => {
        const startsOn = DateTime.utc(2024, 1, 1).plus({ days: startDay }).toISODate() ?? "";
        const schedule = handoffSchedule(hourShifts(zone, count, startsOn, quarter * 15));
        const wall = DateTime.fromISO(startsOn, { zone: "UTC" }).plus({ minutes: quarter * 15 + period * count * 60 });
        const handoff = schedule.handoffAt(period);
        expect(handoff).toBe(firstInstantShowing(wall, zone));
        expect(schedule.handoffAt(period + 1)).toBeGreaterThanOrEqual(handoff);
        if (schedule.handoffAt(period + 1) > handoff) expect(schedule.periodContaining(handoff)).toBe(period);
      }),
      { numRuns: 300 },
    );
  });
});
