import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { at, HOUR_MS } from "../../testing/time-fixtures";
import { INCIDENTS_PER_SHIFT_LIMIT, incidentsPerShiftWindow } from "./incidents";
import type { Shift, ShiftRole } from "./types";

const BERLIN = "Europe/Berlin";
const b = (local: string) => at(local, BERLIN);
const shift = (role: ShiftRole, from: string, to: string): Shift => ({ role, start: b(from), end: b(to) });

describe("incidentsPerShiftWindow", () => {
  test("a week-long primary shift has fourteen 12-hour windows", () => {
    const loads = incidentsPerShiftWindow([shift("primary", "2026-03-02T09:00", "2026-03-09T09:00")], []);
    expect(loads).toHaveLength(14);
    expect(loads.every((l) => l.window.end - l.window.start === 12 * HOUR_MS)).toBe(true);
    expect(loads[0]?.window.start).toBe(b("2026-03-02T09:00"));
  });

  test("across spring-forward the Monday 09:00 hand-off makes 167 h: windows are elapsed time, the last is 11 h", () => {
    const loads = incidentsPerShiftWindow([shift("secondary", "2026-03-23T09:00", "2026-03-30T09:00")], []);
    expect(loads).toHaveLength(14);
    // 13 x 12 h after Monday 09:00 CET is Sunday 22:00 CEST, not 21:00: the windows count hours awake.
    expect(loads.at(-1)?.window).toEqual({ start: b("2026-03-29T22:00"), end: b("2026-03-30T09:00") });
    expect(((loads.at(-1)?.window.end ?? 0) - (loads.at(-1)?.window.start ?? 0)) / HOUR_MS).toBe(11);
  });

  test.each<[string, string[], number[], boolean[]]>([
    ["no incidents", [], [0, 0], [false, false]],
    ["two in a window is at the limit, not over", ["2026-03-02T10:00", "2026-03-02T20:59"], [2, 0], [false, false]],
    [
      "three in a window is over the limit",
      ["2026-03-02T10:00", "2026-03-02T11:00", "2026-03-02T12:00"],
      [3, 0],
      [true, false],
    ],
    ["an incident at the window end belongs to the next window", ["2026-03-02T21:00"], [0, 1], [false, false]],
    ["incidents outside the shift are not counted", ["2026-03-02T08:59", "2026-03-03T09:00"], [0, 0], [false, false]],
    [
      "unsorted times",
      ["2026-03-03T08:00", "2026-03-02T09:00", "2026-03-03T07:00", "2026-03-03T06:00"],
      [1, 3],
      [false, true],
    ],
  ])("%s", (_name, times, counts, over) => {
    const loads = incidentsPerShiftWindow([shift("primary", "2026-03-02T09:00", "2026-03-03T09:00")], times.map(b));
    expect(loads.map((l) => l.incidents)).toEqual(counts);
    expect(loads.map((l) => l.overLimit)).toEqual(over);
  });

  test("ticket and shadow shifts are not on call", () => {
    const shifts = [
      shift("ticket", "2026-03-02T09:00", "2026-03-03T09:00"),
      shift("shadow", "2026-03-02T09:00", "2026-03-03T09:00"),
    ];
    expect(incidentsPerShiftWindow(shifts, [b("2026-03-02T10:00")])).toEqual([]);
  });

  test("keeps the caller's shift objects so results can be linked back", () => {
    const withId = { ...shift("primary", "2026-03-02T09:00", "2026-03-02T15:00"), id: "shift-7" };
    const [load] = incidentsPerShiftWindow([withId], [b("2026-03-02T10:00")]);
    expect(load?.shift.id).toBe("shift-7");
    expect(load?.window).toEqual({ start: withId.start, end: withId.end });
    expect(INCIDENTS_PER_SHIFT_LIMIT).toBe(2);
  });

  test("windows tile each shift and every incident in a shift is counted exactly once", () => {
    const base = b("2026-03-02T00:00");
    const shiftArb = fc
      .tuple(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom<ShiftRole>("primary", "secondary"),
      )
      .map(
        ([startHour, hours, role]): Shift => ({
          role,
          start: base + startHour * HOUR_MS,
          end: base + (startHour + hours) * HOUR_MS,
        }),
      );
    fc.assert(
      fc.property(
        shiftArb,
        fc.array(fc.integer({ min: -10 * HOUR_MS, max: 800 * HOUR_MS }), { maxLength: 40 }),
        (s, offsets) => {
          const times = offsets.map((o) => base + o);
          const loads = incidentsPerShiftWindow([s], times);
          expect(loads[0]?.window.start).toBe(s.start);
          expect(loads.at(-1)?.window.end).toBe(s.end);
          const wellFormed = loads.every(
            (load, k) =>
              load.window.end - load.window.start <= 12 * HOUR_MS &&
              (k === 0 || load.window.start === loads[k - 1]?.window.end) &&
              load.overLimit === load.incidents > INCIDENTS_PER_SHIFT_LIMIT,
          );
          expect(wellFormed).toBe(true);
          const inShift = times.filter((t) => t >= s.start && t < s.end).length;
          expect(loads.reduce((sum, l) => sum + l.incidents, 0)).toBe(inShift);
        },
      ),
      { numRuns: 200 },
    );
  });
});
