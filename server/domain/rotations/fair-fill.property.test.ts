import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { expandShifts } from "./expand-shifts";
import { fairFill } from "./fair-fill";
import { overlaps } from "../time";
import { HOUR_MS, localTime, weeklyRotation } from "../../testing/rotation-spec-fixtures";
import type { Absence, RotationSpec } from "./types";
import { weightedHours } from "./weighted-hours";

const RUNS = { numRuns: 100 };
const ORIGIN = localTime("2026-01-05T00:00");
const BEFORE = ORIGIN - 1000 * HOUR_MS;

const planArb = fc
  .record({
    timeZone: fc.constantFrom("Europe/Berlin", "America/New_York", "Australia/Sydney"),
    shiftLength: fc.oneof(
      fc.record({ unit: fc.constant("hours" as const), count: fc.constantFrom(8, 12) }),
      fc.record({ unit: fc.constant("days" as const), count: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ unit: fc.constant("weeks" as const), count: fc.constant(1) }),
    ),
    people: fc.integer({ min: 1, max: 6 }),
    startHours: fc.integer({ min: 0, max: 300 * 24 }),
    lengthHours: fc.integer({ min: 24, max: 30 * 24 }),
    prior: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 6, maxLength: 6 }),
  })
  .map(({ timeZone, shiftLength, people, startHours, lengthHours, prior }) => {
    const participants = Array.from({ length: people }, (_, index) => `p${index}`);
    const rotation: RotationSpec = weeklyRotation({ timeZone, shiftLength, participants, startsOn: "2026-01-05" });
    const start = ORIGIN + startHours * HOUR_MS;
    const priorLoad = Object.fromEntries(participants.map((person, index) => [person, prior[index] ?? 0]));
    return { rotation, window: { start, end: start + lengthHours * HOUR_MS }, priorLoad };
  });

const spread = (loads: number[]): number => Math.max(...loads) - Math.min(...loads);

describe("fairFill properties", () => {
  test("never assigns anyone during their absence", () => {
    const scenario = planArb.chain((plan) =>
      fc
        .array(
          fc.record({
            person: fc.integer({ min: 0, max: plan.rotation.participants.length - 1 }),
            from: fc.double({ min: 0, max: 1, noNaN: true }),
            days: fc.integer({ min: 1, max: 14 }),
          }),
          { maxLength: 6 },
        )
        .map((drafts) => ({
          ...plan,
          absences: drafts.map((draft): Absence => {
            const start = plan.window.start + Math.round(draft.from * (plan.window.end - plan.window.start));
            return {
              personId: plan.rotation.participants[draft.person] ?? "",
              start,
              end: start + draft.days * 24 * HOUR_MS,
            };
          }),
        })),
    );
    fc.assert(
      fc.property(scenario, ({ rotation, window, priorLoad, absences }) => {
        const result = fairFill({ rotation, window, absences, priorLoad, now: BEFORE });
        const duringLeave = result.assignments.filter((assignment) =>
          absences.some((absence) => absence.personId === assignment.personId && overlaps(absence, assignment)),
        );
        expect(duringLeave).toEqual([]);
      }),
      RUNS,
    );
  });

  test("spreads load no worse than plain round-robin on the same turns", () => {
    fc.assert(
      fc.property(planArb, ({ rotation, window, priorLoad }) => {
        const result = fairFill({ rotation, window, absences: [], priorLoad, now: BEFORE });
        const roundRobinLoad = { ...priorLoad };
        for (const shift of expandShifts(rotation, [], [], window)) {
          roundRobinLoad[shift.personId] =
            (roundRobinLoad[shift.personId] ?? 0) + weightedHours(shift, rotation.timeZone);
        }
        expect(result.quality.coverage).toBe(1);
        expect(spread(Object.values(result.quality.loadByPerson))).toBeLessThanOrEqual(
          spread(Object.values(roundRobinLoad)) + 1e-6,
        );
      }),
      RUNS,
    );
  });
});
