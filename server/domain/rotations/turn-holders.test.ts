import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { expandShifts } from "./expand-shifts";
import { localTime, localWindow, weeklyRotation } from "../../testing/rotation-spec-fixtures";
import { reanchor, turnAt, turnHolders } from "./turn-holders";
import type { RotationSpec } from "./types";

/** Who is on duty at `instant`, read from the expansion itself. */
function onDutyAt(rotation: RotationSpec, instant: number): string | undefined {
  return expandShifts(rotation, [], [], { start: instant, end: instant + 1 })[0]?.personId;
}

/** The holders of the next `count` turns from the one in progress at `instant`. */
function upcoming(rotation: RotationSpec, instant: number, count: number): (string | undefined)[] {
  const holderOf = turnHolders(rotation);
  const first = turnAt(rotation, instant);
  return Array.from({ length: count }, (_, index) => holderOf(first + index));
}

function edit(before: RotationSpec, participants: string[], now: number, choice = {}): RotationSpec {
  const after = { ...before, participants };
  return { ...after, ...reanchor(before, after, now, choice) };
}

// Weekly Monday 09:00 Berlin from 2 March 2026: a, b, c, a, b... so on Wednesday 18 March (turn 2) c is on duty.
const NOW = localTime("2026-03-18T12:00");

describe("editing participants keeps the shift in progress", () => {
  test.each([
    { name: "removing someone not on duty", participants: ["a", "c"], now: "c", next: ["c", "a", "c"] },
    { name: "adding someone at the end", participants: ["a", "b", "c", "d"], now: "c", next: ["c", "d", "a"] },
    { name: "adding someone at the start", participants: ["d", "a", "b", "c"], now: "c", next: ["c", "d", "a"] },
    {
      name: "removing the person on duty hands the turn to the next in the old order",
      participants: ["a", "b"],
      now: "a",
      next: ["a", "b", "a"],
    },
    {
      name: "reordering keeps the holder and follows the new order",
      participants: ["c", "b", "a"],
      now: "c",
      next: ["c", "b", "a"],
    },
  ])("$name", ({ participants, now, next }) => {
    const before = weeklyRotation();
    expect(onDutyAt(before, NOW)).toBe("c");
    const after = edit(before, participants, NOW);
    expect(onDutyAt(after, NOW)).toBe(now);
    expect(upcoming(after, NOW, 3)).toEqual(next);
  });

  test("the shift in progress keeps its start and end, only later turns change", () => {
    const before = weeklyRotation();
    const after = edit(before, ["a", "c", "d"], NOW);
    const window = localWindow("2026-03-16T09:00", "2026-04-06T09:00");
    const [inProgressBefore] = expandShifts(before, [], [], window);
    const [inProgressAfter, ...later] = expandShifts(after, [], [], window);
    expect(inProgressAfter).toEqual(inProgressBefore);
    expect(later.map((shift) => shift.personId)).toEqual(["d", "a"]);
  });

  test("a planner can set who is on duty now and who is next", () => {
    const after = edit(weeklyRotation(), ["a", "b", "c", "d"], NOW, { onDutyNow: "b", nextUp: "d" });
    expect(after.participants).toEqual(["a", "b", "d", "c"]);
    expect(upcoming(after, NOW, 4)).toEqual(["b", "d", "c", "a"]);
  });

  test("before the rotation starts the list order applies, unless the planner chose", () => {
    const early = localTime("2026-02-20T12:00");
    expect(edit(weeklyRotation(), ["c", "a"], early).anchor).toBeNull();
    const chosen = edit(weeklyRotation(), ["c", "a"], early, { onDutyNow: "a" });
    expect(upcoming(chosen, localTime("2026-03-02T09:00"), 2)).toEqual(["a", "c"]);
  });

  test("a restricted rotation between duty periods keeps the holder of the next turn", () => {
    const before = weeklyRotation({
      shiftLength: { unit: "days", count: 1 },
      startsOn: "2026-03-02",
      dutyWindows: [{ days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 }],
    });
    const saturday = localTime("2026-03-07T12:00");
    const nextHolder = upcoming(before, saturday, 1)[0];
    const after = edit(before, [...before.participants, "d"], saturday);
    expect(upcoming(after, saturday, 1)[0]).toBe(nextHolder);
  });
});

describe("property: an edit never changes who is on duty now unless that person is removed", () => {
  const zones = ["Europe/Berlin", "America/Chicago", "Australia/Lord_Howe", "Asia/Kolkata"];
  const arb = fc.record({
    zone: fc.constantFrom(...zones),
    unit: fc.constantFrom("hours" as const, "days" as const, "weeks" as const),
    count: fc.integer({ min: 1, max: 3 }),
    size: fc.integer({ min: 1, max: 6 }),
    edits: fc.array(fc.record({ remove: fc.boolean(), at: fc.nat(), hoursLater: fc.integer({ min: 0, max: 2000 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
  });
  test("over a sequence of removals and additions at later and later instants", () => {
    fc.assert(
      fc.property(arb, ({ zone, unit, count, size, edits }) => {
        let rotation = weeklyRotation({
          timeZone: zone,
          shiftLength: { unit, count },
          participants: Array.from({ length: size }, (_, i) => `p${i}`),
        });
        let now = localTime("2026-03-02T09:00", zone);
        let added = 0;
        for (const step of edits) {
          now += step.hoursLater * 3_600_000;
          const holder = onDutyAt(rotation, now);
          const list = [...rotation.participants];
          if (step.remove && list.length > 1) list.splice(step.at % list.length, 1);
          else list.splice(step.at % (list.length + 1), 0, `new${(added += 1)}`);
          rotation = edit(rotation, list, now);
          if (holder !== undefined && list.includes(holder)) expect(onDutyAt(rotation, now)).toBe(holder);
          else expect(list).toContain(onDutyAt(rotation, now));
        }
      }),
      { numRuns: 200 },
    );
  });
});
