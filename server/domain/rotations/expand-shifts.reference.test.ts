import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { clipIntervals, subtractIntervals } from "../time";
import { requiredDuty } from "./coverage-gaps";
import { dutyTurns } from "./duty-turns";
import { GAP_TURN } from "./gap-covers";
import { expandMany } from "./expand-many";
import { expandShifts } from "./expand-shifts";
import { handoffSchedule } from "./handoffs";
import { clipTo, overlaps } from "../time";
import { byStart, compareIds } from "./ordering";
import { HOUR_MS } from "../../testing/rotation-spec-fixtures";
import type { Absence, Interval, Override, RotationSpec, Shift } from "./types";

/**
 * The expansion written the plain way (every turn through dutyTurns, each cover applied to every shift, leave by
 * copying, gaps filled by covers one by one, one comparator sort at the end): what the optimised expandShifts and expandMany must equal exactly.
 */
function referenceExpand(
  rotation: RotationSpec,
  overrides: readonly Override[],
  absences: readonly Absence[],
  window: Interval,
): Shift[] {
  if (rotation.participants.length === 0 || window.end <= window.start) return [];
  let shifts: Shift[] = dutyTurns(rotation, window).flatMap(({ turn, duty }) => {
    const personId = rotation.participants[turn % rotation.participants.length] ?? "";
    return duty.flatMap((piece) => {
      const clipped = clipTo(piece, window);
      return clipped
        ? [
            {
              rotationId: rotation.id,
              role: rotation.role,
              personId,
              ...clipped,
              turn,
              source: "rotation" as const,
              onLeave: false,
            },
          ]
        : [];
    });
  });
  const ordered = [...overrides].sort((a, b) => a.start - b.start || a.end - b.end || compareIds(a.id, b.id));
  for (const override of ordered) {
    if (override.end <= override.start) continue;
    shifts = shifts.flatMap((shift) => {
      if (!overlaps(shift, override)) return [shift];
      const replaces = override.replacesPersonId;
      if (replaces !== undefined && replaces !== null && replaces !== shift.personId) return [shift];
      const coverStart = Math.max(shift.start, override.start);
      const coverEnd = Math.min(shift.end, override.end);
      return [
        ...(shift.start < coverStart ? [{ ...shift, end: coverStart }] : []),
        { ...shift, start: coverStart, end: coverEnd, personId: override.personId, source: "override" as const },
        ...(coverEnd < shift.end ? [{ ...shift, start: coverEnd }] : []),
      ];
    });
  }
  const joined: Shift[] = [];
  for (const shift of shifts.sort(byStart)) {
    const last = joined[joined.length - 1];
    if (
      last &&
      last.end === shift.start &&
      last.personId === shift.personId &&
      last.turn === shift.turn &&
      last.source === shift.source
    ) {
      joined[joined.length - 1] = { ...last, end: shift.end };
    } else {
      joined.push(shift);
    }
  }
  // Unconditional covers fill the required duty nobody holds, the later-starting cover first.
  for (const override of [...ordered].reverse()) {
    if ((override.replacesPersonId ?? null) !== null || override.end <= override.start) continue;
    const open = subtractIntervals(requiredDuty(rotation, window), joined);
    for (const piece of clipIntervals(open, override)) {
      joined.push({
        rotationId: rotation.id,
        role: rotation.role,
        personId: override.personId,
        ...piece,
        turn: GAP_TURN,
        source: "override",
        onLeave: false,
      });
    }
  }
  return joined
    .map((shift) => ({ ...shift, onLeave: absences.some((a) => a.personId === shift.personId && overlaps(shift, a)) }))
    .sort(byStart);
}

const ZONES = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC", "Pacific/Auckland"];
const PEOPLE = ["p0", "p1", "p2", "cover-x"];

const rotationArb = (id: string): fc.Arbitrary<RotationSpec> =>
  fc
    .record({
      timeZone: fc.constantFrom(...ZONES),
      shiftLength: fc.oneof(
        fc.record({ unit: fc.constant("hours" as const), count: fc.constantFrom(8, 12, 24) }),
        fc.record({ unit: fc.constant("days" as const), count: fc.integer({ min: 1, max: 3 }) }),
        fc.record({ unit: fc.constant("weeks" as const), count: fc.integer({ min: 1, max: 2 }) }),
      ),
      minute: fc.constantFrom(0, 150, 540, 1380),
      weekday: fc.integer({ min: 1, max: 7 }),
      startDay: fc.integer({ min: 0, max: 400 }),
      people: fc.integer({ min: 1, max: 3 }),
      restricted: fc.boolean(),
    })
    .map(({ timeZone, shiftLength, minute, weekday, startDay, people, restricted }) => ({
      id,
      role: "primary",
      timeZone,
      shiftLength,
      handoff: { weekday, minute },
      startsOn: DateTime.utc(2025, 1, 1).plus({ days: startDay }).toISODate() ?? "2025-01-01",
      participants: PEOPLE.slice(0, people),
      dutyWindows: restricted ? [{ days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 }] : null,
    }));

const spansArb = (window: Interval, maxLength: number) =>
  fc
    .array(
      fc.record({
        from: fc.double({ min: -0.1, max: 1, noNaN: true }),
        length: fc.double({ min: 0, max: 0.4, noNaN: true }),
        personId: fc.constantFrom(...PEOPLE),
        replacesPersonId: fc.constantFrom(null, undefined, "p0", "p1"),
      }),
      { maxLength },
    )
    .map((drafts) =>
      drafts.map((draft, index) => {
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

const scenarioArb = rotationArb("r").chain((rotation) =>
  fc
    .record({
      offsetHours: fc.integer({ min: -20 * 24, max: 200 * 24 }),
      lengthHours: fc.integer({ min: 1, max: 60 * 24 }),
    })
    .chain(({ offsetHours, lengthHours }) => {
      const start = handoffSchedule(rotation).handoffAt(0) + offsetHours * HOUR_MS;
      const window = { start, end: start + lengthHours * HOUR_MS };
      return fc
        .record({
          overrides: spansArb(window, 8),
          absences: spansArb(window, 4).map((spans) =>
            spans.map(({ personId, start: from, end }) => ({ personId, start: from, end })),
          ),
        })
        .map(({ overrides, absences }) => ({ rotation, window, overrides, absences }));
    }),
);

describe("the optimised expansion equals the plain one", () => {
  test("expandShifts: same shifts, pieces, turns, covers and leave flags", () => {
    fc.assert(
      fc.property(scenarioArb, ({ rotation, window, overrides, absences }) => {
        expect(expandShifts(rotation, overrides, absences, window)).toEqual(
          referenceExpand(rotation, overrides, absences, window),
        );
      }),
      { numRuns: 300 },
    );
  });

  test("expandMany: the same as expanding each and sorting by start, end and rotation id", () => {
    const manyArb = fc.array(fc.tuple(rotationArb("x"), fc.constantFrom("b", "a", "c", "d")), {
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(manyArb, fc.integer({ min: 0, max: 300 }), (drafts, day) => {
        const rotations = drafts.map(([rotation, id], index) => ({ ...rotation, id: `${id}${index % 2}` }));
        const start = DateTime.utc(2025, 1, 1).plus({ days: day }).toMillis();
        const window = { start, end: start + 40 * 24 * HOUR_MS };
        const expected = rotations
          .flatMap((rotation) => referenceExpand(rotation, [], [], window))
          .sort((a, b) => byStart(a, b) || compareIds(a.rotationId, b.rotationId));
        expect(expandMany(rotations, {}, [], window)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
