import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { expandShifts } from "./expand-shifts";
import { GAP_TURN } from "./gap-covers";
import { handoffSchedule } from "./handoffs";
import { HOUR_MS } from "../../testing/rotation-spec-fixtures";
import type { DutyWindow, Interval, Override, RotationSpec, Shift } from "./types";
import { clipTo, isoWeekday, localDateOf, wallClockInstant } from "../time";

const RUNS = { numRuns: 100 };
const ZONES = [
  "Europe/Berlin",
  "America/New_York",
  "Australia/Sydney",
  "Asia/Kolkata",
  "UTC",
  "America/Santiago",
  "Pacific/Auckland",
];
const DAY_MS = 24 * HOUR_MS;

const shiftLengthArb = fc.oneof(
  fc.record({ unit: fc.constant("hours" as const), count: fc.constantFrom(6, 8, 12, 24, 36) }),
  fc.record({ unit: fc.constant("days" as const), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ unit: fc.constant("weeks" as const), count: fc.integer({ min: 1, max: 2 }) }),
);

const workingHoursArb: fc.Arbitrary<DutyWindow> = fc
  .record({
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    startMinute: fc.integer({ min: 0, max: 20 * 60 }),
    length: fc.integer({ min: 30, max: 4 * 60 }),
  })
  .map(({ days, startMinute, length }) => ({ days, startMinute, endMinute: startMinute + length }));

function rotationArb(options: { restricted: boolean }): fc.Arbitrary<RotationSpec> {
  return fc
    .record({
      timeZone: fc.constantFrom(...ZONES),
      shiftLength: shiftLengthArb,
      // 02:30 and 01:30 land in DST gaps and overlaps in several of the zones above.
      minute: fc.oneof(fc.constantFrom(0, 90, 150, 540), fc.integer({ min: 0, max: 1439 })),
      weekday: fc.integer({ min: 1, max: 7 }),
      startDay: fc.integer({ min: 0, max: 900 }),
      people: fc.integer({ min: 1, max: 6 }),
      dutyWindows: options.restricted ? workingHoursArb.map((hours) => [hours]) : fc.constant(null),
    })
    .map(({ timeZone, shiftLength, minute, weekday, startDay, people, dutyWindows }) => ({
      id: "r",
      role: "primary",
      timeZone,
      shiftLength,
      handoff: { weekday, minute },
      startsOn: DateTime.utc(2024, 1, 1).plus({ days: startDay }).toISODate() ?? "2024-01-01",
      participants: Array.from({ length: people }, (_, index) => `p${index}`),
      dutyWindows,
    }));
}

/** A rotation and a window placed from 20 days before to 120 days after its first hand-off. */
const scenarioArb = (restricted: boolean) =>
  fc
    .record({
      rotation: rotationArb({ restricted }),
      offsetHours: fc.integer({ min: -20 * 24, max: 120 * 24 }),
      lengthHours: fc.integer({ min: 1, max: 21 * 24 }),
    })
    .map(({ rotation, offsetHours, lengthHours }) => {
      const start = handoffSchedule(rotation).handoffAt(0) + offsetHours * HOUR_MS;
      return { rotation, window: { start, end: start + lengthHours * HOUR_MS } };
    });

/** Where the shifts fail to tile the window from the first hand-off; one expect per run keeps 100 runs fast. */
function tilingFlaws(shifts: readonly Shift[], rotation: RotationSpec, window: Interval): string[] {
  const firstHandoff = handoffSchedule(rotation).handoffAt(0);
  if (firstHandoff >= window.end) return shifts.length === 0 ? [] : ["shifts before the first hand-off"];
  const flaws: string[] = [];
  if (shifts[0]?.start !== Math.max(window.start, firstHandoff)) flaws.push("first shift starts late or early");
  if (shifts[shifts.length - 1]?.end !== window.end) flaws.push("last shift does not end at the window end");
  shifts.forEach((shift, index) => {
    if (shift.end <= shift.start) flaws.push(`empty shift ${index}`);
    if (index > 0 && shift.start !== shifts[index - 1]?.end) flaws.push(`gap or overlap before shift ${index}`);
  });
  return flaws;
}

describe("expandShifts properties", () => {
  test("without overrides or restriction, shifts tile the window from the first hand-off", () => {
    fc.assert(
      fc.property(scenarioArb(false), ({ rotation, window }) => {
        expect(tilingFlaws(expandShifts(rotation, [], [], window), rotation, window)).toEqual([]);
      }),
      RUNS,
    );
  });

  test("calendar hand-offs sit at the hand-off wall time, and weeks last 168 h give or take the DST hour", () => {
    fc.assert(
      fc.property(scenarioArb(false), ({ rotation, window }) => {
        if (rotation.shiftLength.unit === "hours") return;
        const shifts = expandShifts(rotation, [], [], window);
        const offTime = shifts
          .slice(1)
          .filter(
            (shift) =>
              shift.start !==
              wallClockInstant(localDateOf(shift.start, rotation.timeZone), rotation.handoff.minute, rotation.timeZone),
          );
        const periodHours = (rotation.shiftLength.unit === "weeks" ? 7 : 1) * rotation.shiftLength.count * 24;
        const offLength = shifts
          .slice(1, -1)
          .filter((shift) => Math.abs((shift.end - shift.start) / HOUR_MS - periodHours) > 1);
        expect({ offTime, offLength }).toEqual({ offTime: [], offLength: [] });
      }),
      RUNS,
    );
  });

  test("consecutive turns rotate through the participants in order", () => {
    fc.assert(
      fc.property(scenarioArb(false), ({ rotation, window }) => {
        const shifts = expandShifts(rotation, [], [], window);
        const outOfOrder = shifts.filter(
          (shift, index) =>
            shift.personId !== rotation.participants[shift.turn % rotation.participants.length] ||
            (index > 0 && shift.turn !== (shifts[index - 1]?.turn ?? NaN) + 1),
        );
        expect(outOfOrder).toEqual([]);
      }),
      RUNS,
    );
  });

  test("every participant gets a turn when the window spans as many turns as there are participants", () => {
    fc.assert(
      fc.property(rotationArb({ restricted: false }), fc.integer({ min: 0, max: 100 }), (rotation, firstTurn) => {
        const schedule = handoffSchedule(rotation);
        const window = {
          start: schedule.handoffAt(firstTurn),
          end: schedule.handoffAt(firstTurn + rotation.participants.length),
        };
        const people = new Set(expandShifts(rotation, [], [], window).map((shift) => shift.personId));
        expect(people).toEqual(new Set(rotation.participants));
      }),
      RUNS,
    );
  });

  test("expanding part of a window gives exactly the clipped expansion of the whole (turn numbers included)", () => {
    fc.assert(
      fc.property(
        scenarioArb(true),
        fc.boolean(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ rotation, window }, restricted, cut) => {
          const spec = restricted ? rotation : { ...rotation, dutyWindows: null };
          const part = { start: window.start + Math.floor((window.end - window.start) * cut), end: window.end };
          const whole = expandShifts(spec, [], [], { start: window.start - 10 * DAY_MS, end: window.end });
          const clipped = whole.flatMap((shift) => {
            const inside = clipTo(shift, part);
            return inside ? [{ ...shift, ...inside }] : [];
          });
          expect(expandShifts(spec, [], [], part)).toEqual(clipped);
        },
      ),
      RUNS,
    );
  });

  test("restricted shifts stay inside working hours, and turn numbers never skip", () => {
    fc.assert(
      fc.property(scenarioArb(true), ({ rotation, window }) => {
        const hours = rotation.dutyWindows?.[0];
        if (!hours) return;
        const shifts = expandShifts(rotation, [], [], window);
        const misplaced = shifts.filter((shift, index) => {
          const date = localDateOf(shift.start, rotation.timeZone);
          const previousTurn = shifts[index - 1]?.turn ?? shift.turn;
          return (
            !hours.days.includes(isoWeekday(date)) ||
            shift.start < wallClockInstant(date, hours.startMinute, rotation.timeZone) ||
            shift.end > wallClockInstant(date, hours.endMinute, rotation.timeZone) ||
            (shift.turn !== previousTurn && shift.turn !== previousTurn + 1)
          );
        });
        expect(misplaced).toEqual([]);
      }),
      RUNS,
    );
  });
});

const overridesArb = (window: Interval) =>
  fc
    .array(
      fc.record({
        from: fc.double({ min: -0.1, max: 1, noNaN: true }),
        length: fc.double({ min: 0, max: 0.5, noNaN: true }),
        personId: fc.constantFrom("p0", "p1", "cover-x", "cover-y"),
        replacesPersonId: fc.constantFrom(null, undefined, "p0", "p2"),
      }),
      { maxLength: 6 },
    )
    .map((drafts) =>
      drafts.map((draft, index): Override => {
        const span = window.end - window.start;
        const start = window.start + Math.round(draft.from * span);
        return {
          id: `o${index}`,
          start,
          end: start + Math.round(draft.length * span),
          personId: draft.personId,
          replacesPersonId: draft.replacesPersonId,
        };
      }),
    );

/** Found by fast-check: a cover before the first hand-off, in the gap after the first day (a Sunday, hand-offs on Tuesdays). */
const COVER_BEFORE_FIRST_HANDOFF = {
  rotation: {
    id: "r",
    role: "primary",
    timeZone: "Pacific/Auckland",
    shiftLength: { unit: "days", count: 3 },
    handoff: { weekday: 2, minute: 150 },
    startsOn: "2024-01-07",
    participants: ["p0", "p1", "p2", "p3", "p4", "p5"],
    dutyWindows: null,
  } satisfies RotationSpec,
  window: { start: 1704691800000, end: 1706477400000 },
  overrides: [
    { id: "o0", start: 1704691800000, end: 1704691800001, personId: "p0", replacesPersonId: null },
  ] satisfies Override[],
};

/** Two covers for the same stretch of a gap: the id decides which one holds it, not the order they arrive in. */
const TWIN_COVERS_IN_A_GAP = {
  ...COVER_BEFORE_FIRST_HANDOFF,
  overrides: [
    { id: "o0", start: 1704691800000, end: 1704700000000, personId: "p0", replacesPersonId: null },
    { id: "o1", start: 1704691800000, end: 1704700000000, personId: "p1", replacesPersonId: null },
  ] satisfies Override[],
};

describe("expandShifts with overrides", () => {
  const withOverridesArb = scenarioArb(false).chain(({ rotation, window }) =>
    overridesArb(window).map((overrides) => ({ rotation, window, overrides })),
  );

  test("overrides change who is on duty, never how much time is covered", () => {
    fc.assert(
      fc.property(withOverridesArb, ({ rotation, window, overrides }) => {
        const all = expandShifts(rotation, overrides, [], window);
        // Covers that replace nobody also fill the days between the first day and the first hand-off (gap-covers.ts);
        // from the first hand-off on, duty is the rotation's and covers only change who holds it.
        const firstHandoff = handoffSchedule(rotation).handoffAt(0);
        const gapCovers = all.filter((shift) => shift.turn === GAP_TURN);
        const shifts = all.filter((shift) => shift.turn !== GAP_TURN);
        expect(gapCovers.filter((shift) => shift.end > firstHandoff || shift.source !== "override")).toEqual([]);
        expect(tilingFlaws(shifts, rotation, window)).toEqual([]);
        const wrongHolder = all.filter((shift) =>
          shift.source === "override"
            ? !overrides.some((o) => o.personId === shift.personId && o.start <= shift.start && shift.end <= o.end)
            : shift.personId !== rotation.participants[shift.turn % rotation.participants.length],
        );
        expect(wrongHolder).toEqual([]);
      }),
      { ...RUNS, examples: [[COVER_BEFORE_FIRST_HANDOFF]] },
    );
  });

  test("expansion is deterministic and ignores the order overrides arrive in", () => {
    fc.assert(
      fc.property(withOverridesArb, ({ rotation, window, overrides }) => {
        const once = expandShifts(rotation, overrides, [], window);
        expect(expandShifts(rotation, overrides, [], window)).toEqual(once);
        expect(expandShifts(rotation, [...overrides].reverse(), [], window)).toEqual(once);
      }),
      { ...RUNS, examples: [[TWIN_COVERS_IN_A_GAP]] },
    );
  });
});
