import { describe, expect, test } from "vitest";
import { expandShifts } from "./expand-shifts";
import { describeShifts, localTime, localWindow, weeklyRotation } from "../../testing/rotation-spec-fixtures";
import type { RotationSpec } from "./types";

const MON_TO_FRI_9_TO_17 = { days: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 17 * 60 };
const ticketDuty = (changes: Partial<RotationSpec> = {}): RotationSpec =>
  weeklyRotation({
    id: "tickets",
    role: "ticket",
    shiftLength: { unit: "days", count: 1 },
    dutyWindows: [MON_TO_FRI_9_TO_17],
    ...changes,
  });

describe("working-hours-only rotations", () => {
  test("daily ticket duty covers Mon-Fri 09-17 and weekends use up no turn", () => {
    const shifts = expandShifts(ticketDuty(), [], [], localWindow("2026-03-02T00:00", "2026-03-14T00:00"));

    expect(describeShifts(shifts)).toEqual([
      "a#0 2026-03-02T09:00+01:00 2026-03-02T17:00+01:00",
      "b#1 2026-03-03T09:00+01:00 2026-03-03T17:00+01:00",
      "c#2 2026-03-04T09:00+01:00 2026-03-04T17:00+01:00",
      "a#3 2026-03-05T09:00+01:00 2026-03-05T17:00+01:00",
      "b#4 2026-03-06T09:00+01:00 2026-03-06T17:00+01:00",
      "c#5 2026-03-09T09:00+01:00 2026-03-09T17:00+01:00",
      "a#6 2026-03-10T09:00+01:00 2026-03-10T17:00+01:00",
      "b#7 2026-03-11T09:00+01:00 2026-03-11T17:00+01:00",
      "c#8 2026-03-12T09:00+01:00 2026-03-12T17:00+01:00",
      "a#9 2026-03-13T09:00+01:00 2026-03-13T17:00+01:00",
    ]);
  });

  test("turns are counted from the first hand-off even when the window starts years later", () => {
    const rotation = ticketDuty({ startsOn: "2024-01-01" });
    const late = expandShifts(rotation, [], [], localWindow("2026-03-09T00:00", "2026-03-10T00:00"));
    const all = expandShifts(rotation, [], [], localWindow("2024-01-01T00:00", "2026-03-10T00:00"));

    expect(late).toEqual(all.slice(-1));
  });

  test("a weekly restricted turn is cut into working-hour pieces that share one turn number", () => {
    const rotation = ticketDuty({ shiftLength: { unit: "weeks", count: 1 } });
    const shifts = expandShifts(rotation, [], [], localWindow("2026-03-09T09:00", "2026-03-16T09:00"));

    expect(shifts).toHaveLength(5);
    expect(new Set(shifts.map((s) => `${s.personId}#${s.turn}`))).toEqual(new Set(["b#1"]));
  });

  test("12-hour restricted shifts: the night half holds no working time and uses no turn", () => {
    const rotation = ticketDuty({ shiftLength: { unit: "hours", count: 12 } });
    const shifts = expandShifts(rotation, [], [], localWindow("2026-03-02T00:00", "2026-03-04T00:00"));

    expect(describeShifts(shifts)).toEqual([
      "a#0 2026-03-02T09:00+01:00 2026-03-02T17:00+01:00",
      "b#1 2026-03-03T09:00+01:00 2026-03-03T17:00+01:00",
    ]);
  });
});

describe("overrides", () => {
  const window = localWindow("2026-03-02T09:00", "2026-03-16T09:00");

  test("an override splits the shift it falls in", () => {
    const cover = { id: "o1", start: localTime("2026-03-04T12:00"), end: localTime("2026-03-05T12:00"), personId: "z" };
    const shifts = expandShifts(weeklyRotation(), [cover], [], window);

    expect(describeShifts(shifts)).toEqual([
      "a#0 2026-03-02T09:00+01:00 2026-03-04T12:00+01:00",
      "z#0* 2026-03-04T12:00+01:00 2026-03-05T12:00+01:00",
      "a#0 2026-03-05T12:00+01:00 2026-03-09T09:00+01:00",
      "b#1 2026-03-09T09:00+01:00 2026-03-16T09:00+01:00",
    ]);
  });

  test("an override wider than a shift replaces it whole and adds nothing outside the rotation's duty", () => {
    const cover = { id: "o1", start: localTime("2026-02-20T00:00"), end: localTime("2026-03-10T00:00"), personId: "z" };
    const shifts = expandShifts(weeklyRotation(), [cover], [], localWindow("2026-02-20T00:00", "2026-03-16T09:00"));

    expect(describeShifts(shifts)).toEqual([
      "z#0* 2026-03-02T09:00+01:00 2026-03-09T09:00+01:00",
      "z#1* 2026-03-09T09:00+01:00 2026-03-10T00:00+01:00",
      "b#1 2026-03-10T00:00+01:00 2026-03-16T09:00+01:00",
    ]);
  });

  test("replacesPersonId limits the cover to that person's shifts", () => {
    const cover = {
      id: "o1",
      start: localTime("2026-03-08T00:00"),
      end: localTime("2026-03-10T00:00"),
      personId: "z",
      replacesPersonId: "b",
    };
    const shifts = expandShifts(weeklyRotation(), [cover], [], window);

    expect(describeShifts(shifts)).toEqual([
      "a#0 2026-03-02T09:00+01:00 2026-03-09T09:00+01:00",
      "z#1* 2026-03-09T09:00+01:00 2026-03-10T00:00+01:00",
      "b#1 2026-03-10T00:00+01:00 2026-03-16T09:00+01:00",
    ]);
  });

  test("overlapping overrides: the later-starting one wins, whatever order they arrive in", () => {
    const first = { id: "o1", start: localTime("2026-03-03T00:00"), end: localTime("2026-03-05T00:00"), personId: "y" };
    const second = {
      id: "o2",
      start: localTime("2026-03-04T00:00"),
      end: localTime("2026-03-06T00:00"),
      personId: "z",
    };
    const expected = [
      "a#0 2026-03-02T09:00+01:00 2026-03-03T00:00+01:00",
      "y#0* 2026-03-03T00:00+01:00 2026-03-04T00:00+01:00",
      "z#0* 2026-03-04T00:00+01:00 2026-03-06T00:00+01:00",
      "a#0 2026-03-06T00:00+01:00 2026-03-09T09:00+01:00",
      "b#1 2026-03-09T09:00+01:00 2026-03-16T09:00+01:00",
    ];

    expect(describeShifts(expandShifts(weeklyRotation(), [first, second], [], window))).toEqual(expected);
    expect(describeShifts(expandShifts(weeklyRotation(), [second, first], [], window))).toEqual(expected);
  });
});

describe("absences and windows", () => {
  const window = localWindow("2026-03-02T09:00", "2026-03-23T09:00");

  test("a shift overlapping its holder's leave is marked onLeave; touching the leave is not overlapping", () => {
    const absences = [
      { personId: "a", start: localTime("2026-03-03T00:00"), end: localTime("2026-03-04T00:00") },
      { personId: "c", start: localTime("2026-03-12T00:00"), end: localTime("2026-03-16T09:00") },
      { personId: "b", start: localTime("2026-03-01T00:00"), end: localTime("2026-03-02T09:00") },
    ];
    const shifts = expandShifts(weeklyRotation(), [], absences, window);

    expect(shifts.map((s) => [s.personId, s.onLeave])).toEqual([
      ["a", true],
      ["b", false],
      ["c", false],
    ]);
  });

  test("leave is checked against the cover for an override piece", () => {
    const cover = { id: "o1", start: localTime("2026-03-04T00:00"), end: localTime("2026-03-05T00:00"), personId: "z" };
    const absences = [{ personId: "z", start: localTime("2026-03-04T10:00"), end: localTime("2026-03-04T11:00") }];
    const shifts = expandShifts(weeklyRotation(), [cover], absences, window);

    expect(shifts.filter((s) => s.onLeave).map((s) => s.personId)).toEqual(["z"]);
  });

  test("shifts are clipped to the window", () => {
    const shifts = expandShifts(weeklyRotation(), [], [], localWindow("2026-03-04T12:00", "2026-03-10T00:00"));

    expect(describeShifts(shifts)).toEqual([
      "a#0 2026-03-04T12:00+01:00 2026-03-09T09:00+01:00",
      "b#1 2026-03-09T09:00+01:00 2026-03-10T00:00+01:00",
    ]);
  });

  test("no participants, or an empty window, gives no shifts", () => {
    expect(expandShifts(weeklyRotation({ participants: [] }), [], [], window)).toEqual([]);
    expect(expandShifts(weeklyRotation(), [], [], { start: window.end, end: window.start })).toEqual([]);
  });

  test.each([
    { changes: { timeZone: "Mars/Olympus" }, reason: /time zone/ },
    { changes: { shiftLength: { unit: "days" as const, count: 0 } }, reason: /shift length/ },
    { changes: { startsOn: "2026-02-30" }, reason: /startsOn/ },
    { changes: { handoff: { weekday: 8, minute: 0 } }, reason: /weekday/ },
    { changes: { dutyWindows: [{ days: [1], startMinute: 1440, endMinute: 540 }] }, reason: /duty window must start/ },
    { changes: { dutyWindows: [{ days: [0], startMinute: 600, endMinute: 540 }] }, reason: /duty window's days/ },
    { changes: { dutyWindows: [] }, reason: /at least one window/ },
    { changes: { endsOn: "2026-13-01" }, reason: /endsOn/ },
  ])("rejects a rotation it cannot expand: $reason", ({ changes, reason }) => {
    expect(() => expandShifts(weeklyRotation(changes), [], [], window)).toThrow(reason);
  });
});
