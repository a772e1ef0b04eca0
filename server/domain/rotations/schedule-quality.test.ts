import { describe, expect, test } from "vitest";
import { expandShifts } from "./expand-shifts";
import { loadBalance, scheduleQuality } from "./schedule-quality";
import { localTime, localWindow, weeklyRotation } from "../../testing/rotation-spec-fixtures";

const rotation = weeklyRotation();
const window = localWindow("2026-03-02T09:00", "2026-03-23T09:00");
const roundRobin = expandShifts(rotation, [], [], window);
const ORDINARY_WEEK = 238.5;

describe("scheduleQuality", () => {
  test("plain round-robin over whole turns is fully covered and even", () => {
    expect(scheduleQuality(roundRobin, rotation.participants, window, rotation)).toEqual({
      coverage: 1,
      balance: 1,
      score: 100,
      warningPenalty: 0,
      loadByPerson: { a: ORDINARY_WEEK, b: ORDINARY_WEEK, c: ORDINARY_WEEK },
    });
  });

  test("everything on one person: balance 1/3, score between coverage-only and perfect", () => {
    const quality = scheduleQuality(
      roundRobin.map((s) => ({ ...s, personId: "a" })),
      rotation.participants,
      window,
      rotation,
    );
    expect(quality.balance).toBeCloseTo(1 / 3, 9);
    expect(quality.score).toBe(66.7);
    expect(quality.loadByPerson).toEqual({ a: 3 * ORDINARY_WEEK, b: 0, c: 0 });
  });

  test("an uncovered turn lowers coverage", () => {
    const quality = scheduleQuality(roundRobin.slice(1), rotation.participants, window, rotation);
    expect(quality.coverage).toBeCloseTo(2 / 3, 9);
  });

  test("covers from outside the rotation carry load but do not count in the balance", () => {
    const cover = { id: "o1", start: localTime("2026-03-02T09:00"), end: localTime("2026-03-03T09:00"), personId: "z" };
    const quality = scheduleQuality(
      expandShifts(rotation, [cover], [], window),
      rotation.participants,
      window,
      rotation,
    );
    expect(quality.loadByPerson.z).toBe(28.5);
    expect(quality.balance).toBe(1);
  });

  test("prior load is carried into each person's load and the balance", () => {
    const quality = scheduleQuality(roundRobin, rotation.participants, window, rotation, { a: 1000 });
    expect(quality.loadByPerson.a).toBe(1000 + ORDINARY_WEEK);
    expect(quality.balance).toBeLessThan(1);
  });

  test("shifts of other rotations are ignored", () => {
    const quality = scheduleQuality(
      roundRobin.map((s) => ({ ...s, rotationId: "other" })),
      rotation.participants,
      window,
      rotation,
    );
    expect(quality.coverage).toBe(0);
    expect(quality.score).toBe(0);
  });
});

describe("loadBalance", () => {
  test.each([
    { loads: [10, 10, 10], turn: 5, expected: 1 },
    { loads: [15, 10], turn: 5, expected: 1 },
    { loads: [20, 10], turn: 5, expected: 0.75 },
    { loads: [0, 0], turn: 0, expected: 1 },
    { loads: [7], turn: 7, expected: 1 },
  ])("$loads with turns of $turn h: $expected", ({ loads, turn, expected }) => {
    expect(loadBalance(loads, turn)).toBe(expected);
  });
});
