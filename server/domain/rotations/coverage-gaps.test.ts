import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { totalMs } from "../time";
import { coverageGaps, coverageOf, requiredDuty } from "./coverage-gaps";
import { expandShifts } from "./expand-shifts";
import { localWindow, wallClock, weeklyRotation } from "../../testing/rotation-spec-fixtures";
import type { RotationSpec } from "./types";

const spans = (intervals: ReadonlyArray<{ start: number; end: number }>, zone = "Europe/Berlin") =>
  intervals.map((gap) => `${wallClock(gap.start, zone)} ${wallClock(gap.end, zone)}`);

function gapsOf(rotation: RotationSpec, window: { start: number; end: number }): string[] {
  return spans(coverageGaps(rotation, expandShifts(rotation, [], [], window), window), rotation.timeZone);
}

describe("coverageGaps", () => {
  const cases: Array<[string, Partial<RotationSpec>, [string, string], string[]]> = [
    [
      "weekly from a Thursday with Monday hand-offs: nobody until the Monday",
      { startsOn: "2026-03-05" },
      ["2026-03-05T00:00", "2026-03-23T09:00"],
      ["2026-03-05T09:00+01:00 2026-03-09T09:00+01:00"],
    ],
    ["starting on the hand-off weekday: no gap", {}, ["2026-03-02T00:00", "2026-03-23T09:00"], []],
    [
      "horizon before the first day: nothing is owed yet",
      { startsOn: "2026-03-05" },
      ["2026-02-01T00:00", "2026-03-05T09:00"],
      [],
    ],
    [
      "horizon starting inside the early stretch: the gap starts with it",
      { startsOn: "2026-03-05" },
      ["2026-03-07T12:00", "2026-03-16T09:00"],
      ["2026-03-07T12:00+01:00 2026-03-09T09:00+01:00"],
    ],
    [
      "a shadow rotation owes no cover",
      { startsOn: "2026-03-05", role: "shadow" },
      ["2026-03-05T00:00", "2026-03-23T09:00"],
      [],
    ],
    [
      "working hours only: the early working days only",
      {
        startsOn: "2026-03-05",
        dutyWindows: [{ days: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 17 * 60 }],
      },
      ["2026-03-05T00:00", "2026-03-16T09:00"],
      ["2026-03-05T09:00+01:00 2026-03-05T17:00+01:00", "2026-03-06T09:00+01:00 2026-03-06T17:00+01:00"],
    ],
    [
      "daily from a Saturday at 08:00 with Monday hand-offs of the weekday field ignored for hours",
      {
        startsOn: "2026-03-07",
        shiftLength: { unit: "hours", count: 12 },
        handoff: { weekday: 1, minute: 8 * 60 },
      },
      ["2026-03-07T00:00", "2026-03-10T00:00"],
      [],
    ],
    [
      "across the spring change in New York: Thursday 09:00 EST to Monday 09:00 EDT",
      {
        startsOn: "2026-03-05",
        timeZone: "America/New_York",
      },
      ["2026-03-05T00:00", "2026-03-16T09:00"],
      ["2026-03-05T09:00-05:00 2026-03-09T09:00-04:00"],
    ],
  ];

  test.each(cases)("%s", (_name, changes, [from, to], expected) => {
    const rotation = weeklyRotation(changes);
    expect(gapsOf(rotation, localWindow(from, to, rotation.timeZone))).toEqual(expected);
  });

  test("a rotation with nobody in it is one gap over the whole horizon", () => {
    const window = localWindow("2026-03-02T09:00", "2026-03-16T09:00");
    expect(spans(coverageGaps(weeklyRotation({ participants: [] }), [], window))).toEqual([
      "2026-03-02T09:00+01:00 2026-03-16T09:00+01:00",
    ]);
  });

  test("an open cover over the early days fills the gap, one that replaces someone does not", () => {
    const rotation = weeklyRotation({ startsOn: "2026-03-05" });
    const window = localWindow("2026-03-05T00:00", "2026-03-16T09:00");
    const early = localWindow("2026-03-05T09:00", "2026-03-09T09:00");
    const open = expandShifts(rotation, [{ id: "o1", ...early, personId: "z" }], [], window);
    expect(coverageGaps(rotation, open, window)).toEqual([]);
    expect(open[0]).toMatchObject({ personId: "z", source: "override", ...early });
    const conditional = expandShifts(
      rotation,
      [{ id: "o1", ...early, personId: "z", replacesPersonId: "a" }],
      [],
      window,
    );
    expect(spans(coverageGaps(rotation, conditional, window))).toEqual([
      "2026-03-05T09:00+01:00 2026-03-09T09:00+01:00",
    ]);
  });
});

const ZONES = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"];

describe("coverageOf", () => {
  test("gaps and covered time are disjoint and together make up the required duty", () => {
    const scenario = fc.record({
      zone: fc.constantFrom(...ZONES),
      startDay: fc.integer({ min: 0, max: 365 }),
      weekday: fc.integer({ min: 1, max: 7 }),
      minute: fc.constantFrom(0, 150, 540, 1380),
      unit: fc.constantFrom("hours" as const, "days" as const, "weeks" as const),
      restricted: fc.boolean(),
      people: fc.integer({ min: 0, max: 3 }),
      offsetDays: fc.integer({ min: -10, max: 40 }),
      lengthDays: fc.integer({ min: 1, max: 60 }),
      covers: fc.array(
        fc.record({
          from: fc.double({ min: 0, max: 1, noNaN: true }),
          length: fc.double({ min: 0, max: 0.3, noNaN: true }),
        }),
        { maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(scenario, (s) => {
        const startsOn = new Date(Date.UTC(2025, 0, 1 + s.startDay)).toISOString().slice(0, 10);
        const rotation = weeklyRotation({
          timeZone: s.zone,
          startsOn,
          handoff: { weekday: s.weekday, minute: s.minute },
          shiftLength: { unit: s.unit, count: s.unit === "hours" ? 12 : 1 },
          participants: ["a", "b", "c"].slice(0, s.people),
          dutyWindows: s.restricted ? [{ days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 }] : null,
        });
        const start = Date.UTC(2025, 0, 1 + s.startDay + s.offsetDays);
        const window = { start, end: start + s.lengthDays * 86_400_000 };
        const span = window.end - window.start;
        const covers = s.covers.map((c, index) => {
          const from = window.start + Math.round(c.from * span);
          return { id: `o${index}`, start: from, end: from + Math.round(c.length * span), personId: "z" };
        });
        const required = requiredDuty(rotation, window);
        const shifts = expandShifts(rotation, covers, [], window);
        const { covered, gaps } = coverageOf(required, shifts);
        expect(totalMs([...covered, ...gaps])).toBe(totalMs(required));
        expect(totalMs(covered) + totalMs(gaps)).toBe(totalMs(required));
        for (const piece of [...covered, ...gaps]) {
          expect(required.some((duty) => duty.start <= piece.start && piece.end <= duty.end)).toBe(true);
        }
        // With people and whole-period turns, only the stretch before the first hand-off can be uncovered (covers
        // inside it may split it in pieces).
        const firstTurn = Math.min(...shifts.filter((shift) => shift.source === "rotation").map((t) => t.start));
        if (s.people > 0 && !s.restricted) for (const gap of gaps) expect(gap.end).toBeLessThanOrEqual(firstTurn);
      }),
      {
        numRuns: 200,
        examples: [
          // A cover of a millisecond inside the stretch before the first hand-off splits its gap in two.
          [
            {
              zone: "Europe/Berlin",
              startDay: 0,
              weekday: 1,
              minute: 0,
              unit: "weeks",
              restricted: false,
              people: 1,
              offsetDays: 0,
              lengthDays: 1,
              covers: [{ from: 5.787037037037037e-9, length: 5.787037037037037e-9 }],
            },
          ],
        ],
      },
    );
  });
});
