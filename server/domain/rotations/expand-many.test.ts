import { describe, expect, test } from "vitest";
import { expandMany } from "./expand-many";
import { localTime, localWindow, weeklyRotation } from "../../testing/rotation-spec-fixtures";

const ZONES = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Tokyo", "America/Los_Angeles"];

describe("expandMany", () => {
  // Benchmark-shaped, with no timing assertion (CI machines vary): a year of 50 weekly rotations.
  test("expands a year of 50 weekly rotations into one sorted list", () => {
    const rotations = Array.from({ length: 50 }, (_, index) =>
      weeklyRotation({
        id: `r${String(index).padStart(2, "0")}`,
        timeZone: ZONES[index % ZONES.length] ?? "UTC",
        startsOn: "2025-12-29",
        participants: Array.from({ length: 8 }, (_, person) => `r${index}-p${person}`),
      }),
    );
    const cover = {
      id: "o1",
      start: localTime("2026-06-01T00:00"),
      end: localTime("2026-06-03T00:00"),
      personId: "cover",
    };
    const window = localWindow("2026-01-01T00:00", "2027-01-01T00:00");

    const shifts = expandMany(rotations, { r00: [cover] }, [], window);

    expect(shifts.length).toBeGreaterThanOrEqual(50 * 53);
    // The cover spans Monday's 09:00 hand-off, so it takes the end of one turn and the start of the next.
    expect(shifts.filter((shift) => shift.personId === "cover").map((shift) => shift.turn)).toEqual([21, 22]);
    expect(shifts.every((shift, index) => index === 0 || (shifts[index - 1]?.start ?? 0) <= shift.start)).toBe(true);
    for (const rotation of rotations) {
      const own = shifts.filter((shift) => shift.rotationId === rotation.id);
      expect(own.reduce((sum, shift) => sum + shift.end - shift.start, 0)).toBe(
        window.end - Math.max(window.start, own[0]?.start ?? 0),
      );
    }
  });
});
