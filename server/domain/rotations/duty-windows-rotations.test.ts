import { describe, expect, test } from "vitest";
import { coverageGaps } from "./coverage-gaps";
import { expandShifts } from "./expand-shifts";
import { describeShifts, localTime, localWindow, weeklyRotation } from "../../testing/rotation-spec-fixtures";
import { upcomingTurns } from "./turn-holders";
import type { DutyWindow, RotationSpec } from "./types";

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const NIGHTS: DutyWindow = { days: EVERY_DAY, startMinute: 20 * 60, endMinute: 8 * 60 };
const DAYS: DutyWindow = { days: EVERY_DAY, startMinute: 8 * 60, endMinute: 20 * 60 };

/** A daily rotation of a and b handing off at `minute`, restricted to `windows`. */
function daily(windows: DutyWindow[], minute: number, changes: Partial<RotationSpec> = {}): RotationSpec {
  return weeklyRotation({
    id: minute === 20 * 60 ? "nights" : "days",
    participants: ["a", "b"],
    shiftLength: { unit: "days", count: 1 },
    handoff: { weekday: 1, minute },
    startsOn: "2026-03-02",
    dutyWindows: windows,
    ...changes,
  });
}

describe("rotations restricted to duty windows", () => {
  test("a night rotation across Berlin's spring-forward weekend: one 11-hour night, the rest 12", () => {
    const nights = daily([NIGHTS], 20 * 60);
    expect(describeShifts(expandShifts(nights, [], [], localWindow("2026-03-27T00:00", "2026-03-30T12:00")))).toEqual([
      "a#24 2026-03-27T00:00+01:00 2026-03-27T08:00+01:00",
      "b#25 2026-03-27T20:00+01:00 2026-03-28T08:00+01:00",
      "a#26 2026-03-28T20:00+01:00 2026-03-29T08:00+02:00",
      "b#27 2026-03-29T20:00+02:00 2026-03-30T08:00+02:00",
    ]);
  });

  test("weekly turns of nights keep one holder for all seven nights", () => {
    const nights = weeklyRotation({ dutyWindows: [NIGHTS], handoff: { weekday: 1, minute: 20 * 60 } });
    const shifts = expandShifts(nights, [], [], localWindow("2026-03-02T20:00", "2026-03-16T20:00"));
    expect(shifts.map((s) => `${s.personId}#${s.turn}`)).toEqual([...Array(7).fill("a#0"), ...Array(7).fill("b#1")]);
  });

  test.each([
    { zone: "Europe/Berlin", from: "2026-10-22T00:00", to: "2026-10-28T00:00" },
    { zone: "America/New_York", from: "2026-03-05T00:00", to: "2026-03-11T00:00" },
  ])(
    "a day rotation and a night rotation hold every instant exactly once in $zone across DST",
    ({ zone, from, to }) => {
      const window = localWindow(from, to, zone);
      const shifts = [
        ...expandShifts(daily([DAYS], 8 * 60, { timeZone: zone }), [], [], window),
        ...expandShifts(daily([NIGHTS], 20 * 60, { timeZone: zone }), [], [], window),
      ].sort((a, b) => a.start - b.start);
      const seams = shifts.slice(1).filter((shift, index) => shifts[index]?.end !== shift.start);
      expect({ first: shifts[0]?.start, last: shifts[shifts.length - 1]?.end, seams }).toEqual({
        first: window.start,
        last: window.end,
        seams: [],
      });
    },
  );

  test("coverage gaps ignore time outside the windows", () => {
    const nights = daily([NIGHTS], 20 * 60);
    const window = localWindow("2026-03-02T20:00", "2026-03-09T20:00");
    expect(coverageGaps(nights, expandShifts(nights, [], [], window), window)).toEqual([]);
  });
});

describe("a rotation with an end date", () => {
  const ending = weeklyRotation({ endsOn: "2026-03-16" });

  test("has no shifts after its end date's hand-off, covers included", () => {
    const cover = { id: "o", start: localTime("2026-03-16T00:00"), end: localTime("2026-03-20T00:00"), personId: "x" };
    expect(
      describeShifts(expandShifts(ending, [cover], [], localWindow("2026-03-09T00:00", "2026-03-30T00:00"))),
    ).toEqual([
      "a#0 2026-03-09T00:00+01:00 2026-03-09T09:00+01:00",
      "b#1 2026-03-09T09:00+01:00 2026-03-16T00:00+01:00",
      "x#1* 2026-03-16T00:00+01:00 2026-03-16T09:00+01:00",
    ]);
  });

  test("owes no duty after its end, so leaves no gap there", () => {
    const window = localWindow("2026-03-02T09:00", "2026-04-06T09:00");
    expect(coverageGaps(ending, expandShifts(ending, [], [], window), window)).toEqual([]);
  });

  test("lists no upcoming turns past its end", () => {
    expect(upcomingTurns(ending, localTime("2026-03-10T00:00"), 5).map((t) => t.turn)).toEqual([1]);
  });

  test("an end on its first day leaves nothing", () => {
    const none = weeklyRotation({ endsOn: "2026-03-02" });
    expect(expandShifts(none, [], [], localWindow("2026-03-01T00:00", "2026-04-01T00:00"))).toEqual([]);
  });
});
