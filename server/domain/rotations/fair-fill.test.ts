import { describe, expect, test } from "vitest";
import { fairFill } from "./fair-fill";
import { scheduleQuality } from "./schedule-quality";
import { localTime, localWindow, wallClock, weeklyRotation } from "../../testing/rotation-spec-fixtures";
import type { Shift } from "./types";
import type { FairFillResult } from "./fair-fill";

const window = localWindow("2026-03-02T09:00", "2026-03-23T09:00");
const BEFORE = localTime("2026-01-01T00:00");
const holders = (result: FairFillResult): string[] => result.assignments.map((assignment) => assignment.personId);

describe("fairFill", () => {
  test("with nothing to balance, turns go out in participant order", () => {
    const result = fairFill({ rotation: weeklyRotation(), window, absences: [], now: BEFORE });
    expect(holders(result)).toEqual(["a", "b", "c"]);
    expect(result.quality).toMatchObject({ coverage: 1, balance: 1, score: 100 });
  });

  test("prior load from covers and swaps is carried forward", () => {
    const result = fairFill({ rotation: weeklyRotation(), window, absences: [], priorLoad: { a: 300 }, now: BEFORE });
    expect(holders(result)).toEqual(["b", "c", "b"]);
    expect(result.quality.loadByPerson).toEqual({ a: 300, b: 477, c: 238.5 });
  });

  test("never schedules someone on leave during any part of the turn", () => {
    // b's leave touches the second and third turns, so b takes the first one.
    const absences = [{ personId: "b", start: localTime("2026-03-15T22:00"), end: localTime("2026-03-17T00:00") }];
    const result = fairFill({ rotation: weeklyRotation(), window, absences, now: BEFORE });
    expect(holders(result)).toEqual(["b", "c", "a"]);
  });

  test("leave just past the window still rules out a turn that runs into it", () => {
    const absences = [{ personId: "c", start: localTime("2026-03-25T00:00"), end: localTime("2026-03-26T00:00") }];
    const result = fairFill({
      rotation: weeklyRotation(),
      window: localWindow("2026-03-16T09:00", "2026-03-20T00:00"),
      absences,
      now: BEFORE,
    });
    expect(holders(result)).not.toContain("c");
  });

  test("a turn nobody can take is left unassigned and lowers coverage", () => {
    const rotation = weeklyRotation({ participants: ["a"] });
    const absences = [{ personId: "a", start: localTime("2026-03-10T00:00"), end: localTime("2026-03-11T00:00") }];
    const result = fairFill({ rotation, window, absences, now: BEFORE });

    expect(result.assignments.map((a) => wallClock(a.start))).toEqual([
      "2026-03-02T09:00+01:00",
      "2026-03-16T09:00+01:00",
    ]);
    expect(result.unassigned.map((gap) => [wallClock(gap.start), wallClock(gap.end)])).toEqual([
      ["2026-03-09T09:00+01:00", "2026-03-16T09:00+01:00"],
    ]);
    expect(result.quality.coverage).toBeCloseTo(2 / 3, 9);
  });

  test("a rotation with nobody in it leaves every turn unassigned", () => {
    const result = fairFill({ rotation: weeklyRotation({ participants: [] }), window, absences: [], now: BEFORE });
    expect(result.assignments).toEqual([]);
    expect(result.unassigned).toEqual([window]);
    expect(result.quality).toMatchObject({ coverage: 0, score: 0, loadByPerson: {} });
  });

  test("avoids back-to-back turns even when load alone would pick the same person again", () => {
    const rotation = weeklyRotation({ participants: ["a", "b"] });
    const result = fairFill({
      rotation,
      window: localWindow("2026-03-02T09:00", "2026-04-27T09:00"),
      absences: [],
      priorLoad: { a: 2000 },
      now: BEFORE,
    });
    const people = holders(result);
    expect(people.every((person, index) => index === 0 || person !== people[index - 1])).toBe(true);
  });

  test("the past is not planned: a turn in progress is planned from now", () => {
    const now = localTime("2026-03-04T12:00");
    const result = fairFill({ rotation: weeklyRotation(), window, absences: [], now });
    expect(result.assignments[0]?.start).toBe(now);
  });

  test("restricted ticket duty: one person per turn across its pieces, weekends left alone", () => {
    const rotation = weeklyRotation({
      role: "ticket",
      dutyWindows: [{ days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 }],
    });
    const result = fairFill({
      rotation,
      window: localWindow("2026-03-02T00:00", "2026-03-16T00:00"),
      absences: [],
      now: BEFORE,
    });

    expect(result.assignments).toHaveLength(10);
    expect(result.assignments.map((a) => `${a.turn}:${a.personId}`)).toEqual([
      ...Array.from({ length: 5 }, () => "0:a"),
      ...Array.from({ length: 5 }, () => "1:b"),
    ]);
  });

  test("weekend-heavy daily turns over a year end within one turn's weight of each other", () => {
    const rotation = weeklyRotation({
      shiftLength: { unit: "days", count: 1 },
      participants: ["a", "b", "c", "d", "e"],
    });
    const result = fairFill({
      rotation,
      window: localWindow("2026-01-05T09:00", "2027-01-04T09:00"),
      absences: [],
      now: BEFORE,
    });
    const loads = Object.values(result.quality.loadByPerson);

    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(48);
    expect(result.quality.balance).toBe(1);
  });

  test("its quality is what scheduleQuality says of the same plan", () => {
    const rotation = weeklyRotation({ shiftLength: { unit: "days", count: 2 } });
    const result = fairFill({ rotation, window, absences: [], priorLoad: { c: 40 }, now: BEFORE });
    const asShifts: Shift[] = result.assignments.map((a) => ({
      ...a,
      rotationId: rotation.id,
      role: rotation.role,
      source: "rotation",
      onLeave: false,
    }));

    expect(scheduleQuality(asShifts, rotation.participants, window, rotation, { c: 40 })).toEqual(result.quality);
  });

  test("is deterministic", () => {
    const input = {
      rotation: weeklyRotation({ shiftLength: { unit: "days" as const, count: 1 } }),
      window,
      absences: [],
      now: BEFORE,
    };
    expect(fairFill(input)).toEqual(fairFill(input));
  });
});
