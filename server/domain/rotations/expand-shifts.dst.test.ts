import { describe, expect, test } from "vitest";
import { expandShifts } from "./expand-shifts";
import { lengthInHours, localWindow, wallClock, weeklyRotation } from "../../testing/rotation-spec-fixtures";
import type { RotationSpec } from "./types";

describe("weekly Monday 09:00 hand-offs stay at 09:00 across daylight saving", () => {
  test.each([
    { zone: "Europe/Berlin", week: "2026-03-23", weekAfter: "2026-04-06", hours: 167, note: "spring forward 29 March" },
    { zone: "Europe/Berlin", week: "2026-10-19", weekAfter: "2026-11-02", hours: 169, note: "fall back 25 October" },
    {
      zone: "America/New_York",
      week: "2026-03-02",
      weekAfter: "2026-03-16",
      hours: 167,
      note: "spring forward 8 March",
    },
    { zone: "America/New_York", week: "2026-10-26", weekAfter: "2026-11-09", hours: 169, note: "fall back 1 November" },
    { zone: "Australia/Sydney", week: "2026-03-30", weekAfter: "2026-04-13", hours: 169, note: "fall back 5 April" },
    {
      zone: "Australia/Sydney",
      week: "2026-09-28",
      weekAfter: "2026-10-12",
      hours: 167,
      note: "spring forward 4 October",
    },
  ])("$zone week of $week is $hours h ($note)", ({ zone, week, weekAfter, hours }) => {
    const rotation = weeklyRotation({ timeZone: zone, startsOn: "2026-01-05" });
    const weeks = expandShifts(rotation, [], [], localWindow(`${week}T09:00`, `${weekAfter}T09:00`, zone));

    expect(weeks.map((shift) => lengthInHours(shift))).toEqual([hours, 168]);
    for (const shift of weeks) {
      expect(wallClock(shift.start, zone)).toMatch(/T09:00/);
      expect(wallClock(shift.end, zone)).toMatch(/T09:00/);
    }
  });

  test("the turn after a 167 h week goes to the next participant, on time", () => {
    const shifts = expandShifts(weeklyRotation(), [], [], localWindow("2026-03-23T09:00", "2026-04-06T09:00"));

    expect(shifts.map((s) => [s.personId, wallClock(s.start), wallClock(s.end)])).toEqual([
      ["a", "2026-03-23T09:00+01:00", "2026-03-30T09:00+02:00"],
      ["b", "2026-03-30T09:00+02:00", "2026-04-06T09:00+02:00"],
    ]);
  });
});

describe("hand-offs inside a daylight-saving gap or overlap", () => {
  const daily = (timeZone: string, minute: number, startsOn: string): RotationSpec =>
    weeklyRotation({ timeZone, startsOn, shiftLength: { unit: "days", count: 1 }, handoff: { weekday: 5, minute } });

  test("02:30 on a spring-forward day moves forward to 03:30; the next day is back at 02:30", () => {
    const zone = "America/New_York";
    const shifts = expandShifts(
      daily(zone, 150, "2026-03-06"),
      [],
      [],
      localWindow("2026-03-07T00:00", "2026-03-10T00:00", zone),
    );

    expect(shifts.map((s) => wallClock(s.end, zone))).toEqual([
      "2026-03-07T02:30-05:00",
      "2026-03-08T03:30-04:00",
      "2026-03-09T02:30-04:00",
      "2026-03-10T00:00-04:00",
    ]);
    expect(shifts.slice(1, 3).map(lengthInHours)).toEqual([24, 23]);
  });

  test.each([
    {
      zone: "America/New_York",
      date: "2026-10-30",
      end: "2026-11-03",
      minute: 90,
      repeated: "2026-11-01T01:30-04:00",
      lengths: [24, 25],
    },
    {
      zone: "Europe/Berlin",
      date: "2026-10-23",
      end: "2026-10-27",
      minute: 150,
      repeated: "2026-10-25T02:30+02:00",
      lengths: [24, 25],
    },
    {
      zone: "Australia/Sydney",
      date: "2026-04-03",
      end: "2026-04-07",
      minute: 150,
      repeated: "2026-04-05T02:30+11:00",
      lengths: [24, 25],
    },
  ])(
    "a repeated wall time in $zone hands off at its first occurrence",
    ({ zone, date, end, minute, repeated, lengths }) => {
      const rotation = weeklyRotation({
        timeZone: zone,
        startsOn: date,
        shiftLength: { unit: "days", count: 1 },
        handoff: { weekday: 5, minute },
      });
      const shifts = expandShifts(rotation, [], [], localWindow(`${date}T12:00`, `${end}T12:00`, zone));
      const handoffs = shifts.map((s) => wallClock(s.start, zone));

      expect(handoffs).toContain(repeated);
      const repeatedIndex = handoffs.indexOf(repeated);
      expect(shifts.slice(repeatedIndex - 1, repeatedIndex + 1).map(lengthInHours)).toEqual(lengths);
    },
  );
});

describe("shift lengths", () => {
  test("daily 09:00 turns are 23 h over the spring-forward night", () => {
    const rotation = weeklyRotation({
      shiftLength: { unit: "days", count: 1 },
      handoff: { weekday: 6, minute: 540 },
      startsOn: "2026-03-28",
    });
    const shifts = expandShifts(rotation, [], [], localWindow("2026-03-28T09:00", "2026-03-31T09:00"));

    expect(shifts.map((s) => [s.personId, lengthInHours(s)])).toEqual([
      ["a", 23],
      ["b", 24],
      ["c", 24],
    ]);
  });

  test("12-hour shifts keep 08:00 and 20:00 on the wall clock, so the spring-forward night is 11 h", () => {
    const rotation = weeklyRotation({
      shiftLength: { unit: "hours", count: 12 },
      handoff: { weekday: 1, minute: 8 * 60 },
      startsOn: "2026-03-28",
    });
    const shifts = expandShifts(rotation, [], [], localWindow("2026-03-28T08:00", "2026-03-30T09:00"));

    expect(shifts.map((s) => `${s.personId} ${wallClock(s.start)}`)).toEqual([
      "a 2026-03-28T08:00+01:00",
      "b 2026-03-28T20:00+01:00",
      "c 2026-03-29T08:00+02:00",
      "a 2026-03-29T20:00+02:00",
      "b 2026-03-30T08:00+02:00",
    ]);
    expect(shifts.slice(0, 4).map(lengthInHours)).toEqual([12, 11, 12, 12]);
  });

  test("3-day shifts hand off every third day from the first hand-off weekday", () => {
    const rotation = weeklyRotation({ shiftLength: { unit: "days", count: 3 }, participants: ["a", "b"] });
    const shifts = expandShifts(rotation, [], [], localWindow("2026-03-02T00:00", "2026-03-11T09:00"));

    expect(shifts.map((s) => `${s.personId}#${s.turn} ${wallClock(s.start)}`)).toEqual([
      "a#0 2026-03-02T09:00+01:00",
      "b#1 2026-03-05T09:00+01:00",
      "a#2 2026-03-08T09:00+01:00",
    ]);
  });

  test("startsOn mid-week: the first turn starts at the next hand-off weekday, nothing before it", () => {
    const rotation = weeklyRotation({ startsOn: "2026-03-04" });
    const shifts = expandShifts(rotation, [], [], localWindow("2026-03-01T00:00", "2026-03-20T00:00"));

    expect(shifts.map((s) => `${s.personId}#${s.turn} ${wallClock(s.start)}`)).toEqual([
      "a#0 2026-03-09T09:00+01:00",
      "b#1 2026-03-16T09:00+01:00",
    ]);
  });

  test("a daily rotation also waits for its hand-off weekday (only hours shifts ignore it)", () => {
    const rotation = weeklyRotation({ startsOn: "2026-03-04", shiftLength: { unit: "days", count: 1 } });
    const [first] = expandShifts(rotation, [], [], localWindow("2026-03-01T00:00", "2026-03-20T00:00"));

    expect(first && wallClock(first.start)).toBe("2026-03-09T09:00+01:00");
  });
});
