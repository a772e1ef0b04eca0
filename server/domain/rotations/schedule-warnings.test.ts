import { describe, expect, test } from "vitest";
import { expandShifts } from "./expand-shifts";
import { regionOfTimeZone } from "./rotation-size";
import { scheduleWarnings } from "./schedule-warnings";
import { localTime, localWindow, wallClock, weeklyRotation } from "../../testing/rotation-spec-fixtures";
import type { RotationSpec, ScheduleWarning, Shift } from "./types";

const people = (count: number, prefix = "p"): string[] =>
  Array.from({ length: count }, (_, index) => `${prefix}${index}`);
const window = localWindow("2026-03-02T09:00", "2026-03-30T09:00");

function warningsFor(
  rotation: RotationSpec,
  shifts: Shift[] = expandShifts(rotation, [], [], window),
  memberRegions?: Record<string, string>,
) {
  return scheduleWarnings({ rotation, shifts, window, memberRegions });
}
const span = (warning: ScheduleWarning | undefined): string[] =>
  warning ? [warning.personId ?? "-", wallClock(warning.start ?? 0), wallClock(warning.end ?? 0)] : [];

describe("too-small", () => {
  test.each([
    {
      size: 5,
      regions: undefined,
      expected: [
        "Rotation pager has 5 members on one site; an on-call rotation needs at least 8 to keep on-call time sustainable.",
      ],
    },
    { size: 8, regions: undefined, expected: [] },
    { size: 12, regions: { europe: 6, americas: 6 }, expected: [] },
    {
      size: 11,
      regions: { europe: 6, americas: 5 },
      expected: ["Rotation pager has 5 members in americas; a rotation spread over 2 sites needs at least 6 per site."],
    },
    { size: 9, regions: { europe: 9 }, expected: [] },
  ])("$size members, sites $regions", ({ size, regions, expected }) => {
    const members = people(size);
    const memberRegions =
      regions &&
      Object.fromEntries(
        members.map((member, index) => [member, index < (regions.europe ?? 0) ? "europe" : "americas"]),
      );
    const rotation = weeklyRotation({ participants: members });
    const found = warningsFor(rotation, undefined, memberRegions).filter((w) => w.kind === "too-small");
    expect(found.map((w) => w.message)).toEqual(expected);
  });

  test("regions can come from the members' time zones", () => {
    const zones: Record<string, string> = {
      ...Object.fromEntries(people(6, "eu").map((p) => [p, "Europe/Dublin"])),
      ...Object.fromEntries(people(6, "us").map((p) => [p, "America/Denver"])),
    };
    const memberRegions = Object.fromEntries(
      Object.entries(zones).map(([person, zone]) => [person, regionOfTimeZone(zone)]),
    );
    const rotation = weeklyRotation({ participants: Object.keys(zones) });
    expect(warningsFor(rotation, undefined, memberRegions).filter((w) => w.kind === "too-small")).toEqual([]);
    expect(regionOfTimeZone("UTC")).toBe("UTC");
  });

  test("ticket and shadow rotations are not held to the pager minimum", () => {
    expect(warningsFor(weeklyRotation({ role: "ticket" })).filter((w) => w.kind === "too-small")).toEqual([]);
    expect(warningsFor(weeklyRotation({ role: "shadow" })).filter((w) => w.kind === "too-small")).toEqual([]);
  });
});

describe("back-to-back", () => {
  test("a cover at the end of someone's turn, right before the cover's own turn", () => {
    const rotation = weeklyRotation({ participants: people(8) });
    const cover = {
      id: "o1",
      start: localTime("2026-03-08T09:00"),
      end: localTime("2026-03-09T09:00"),
      personId: "p1",
    };
    const found = warningsFor(rotation, expandShifts(rotation, [cover], [], window)).filter(
      (w) => w.kind === "back-to-back",
    );

    expect(found.map(span)).toEqual([["p1", "2026-03-08T09:00+01:00", "2026-03-16T09:00+01:00"]]);
    expect(found[0]?.message).toBe(
      "p1 is on primary duty for 2 turns in a row, Sun 8 Mar 2026 09:00 – Mon 16 Mar 2026 09:00 (Europe/Berlin).",
    );
  });

  test("a one-person rotation is one run of back-to-back turns, not one warning per hand-off", () => {
    const found = warningsFor(weeklyRotation({ participants: ["solo"] })).filter((w) => w.kind === "back-to-back");
    expect(found.map(span)).toEqual([["solo", "2026-03-02T09:00+01:00", "2026-03-30T09:00+02:00"]]);
    expect(found[0]?.message).toMatch(/4 turns in a row/);
  });

  test("a normal rotation has none", () => {
    expect(warningsFor(weeklyRotation({ participants: people(8) })).filter((w) => w.kind !== "too-small")).toEqual([]);
  });
});

describe("on-leave", () => {
  test("one warning per turn on leave, even when the turn has several working-hour pieces", () => {
    const rotation = weeklyRotation({
      role: "ticket",
      dutyWindows: [{ days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 }],
    });
    const absences = [{ personId: "b", start: localTime("2026-03-09T00:00"), end: localTime("2026-03-14T00:00") }];
    const found = warningsFor(rotation, expandShifts(rotation, [], absences, window)).filter(
      (w) => w.kind === "on-leave",
    );

    expect(found.map(span)).toEqual([["b", "2026-03-09T09:00+01:00", "2026-03-13T17:00+01:00"]]);
    expect(found[0]?.message).toBe(
      "b is on ticket duty during their leave, Mon 9 Mar 2026 09:00 – Fri 13 Mar 2026 17:00 (Europe/Berlin).",
    );
  });
});

describe("gap", () => {
  const rotation = weeklyRotation({ participants: people(8) });

  test("duty time nobody holds is a gap; time before the first hand-off is not", () => {
    const shifts = expandShifts(rotation, [], [], localWindow("2026-02-20T00:00", "2026-03-30T09:00"));
    const withHole = shifts.filter((shift) => shift.turn !== 1);
    const found = scheduleWarnings({
      rotation,
      shifts: withHole,
      window: localWindow("2026-02-20T00:00", "2026-03-30T09:00"),
    });

    expect(found.map((w) => [w.kind, ...span(w).slice(1)])).toEqual([
      ["gap", "2026-03-09T09:00+01:00", "2026-03-16T09:00+01:00"],
    ]);
    expect(found[0]?.message).toBe(
      "Nobody is on primary duty Mon 9 Mar 2026 09:00 – Mon 16 Mar 2026 09:00 (Europe/Berlin).",
    );
  });

  test("a restricted rotation only needs someone during working hours", () => {
    const tickets = weeklyRotation({
      role: "ticket",
      participants: people(3),
      shiftLength: { unit: "days", count: 1 },
      dutyWindows: [{ days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 }],
    });
    const shifts = expandShifts(tickets, [], [], window);

    expect(warningsFor(tickets, shifts)).toEqual([]);
    const gaps = warningsFor(tickets, shifts.slice(1)).filter((w) => w.kind === "gap");
    expect(gaps.map(span)).toEqual([["-", "2026-03-02T09:00+01:00", "2026-03-02T17:00+01:00"]]);
  });

  test("nobody in the rotation: the whole duty window is one gap; shadows never report gaps", () => {
    const empty = weeklyRotation({ participants: [] });
    expect(
      warningsFor(empty, [])
        .filter((w) => w.kind === "gap")
        .map(span),
    ).toEqual([["-", "2026-03-02T09:00+01:00", "2026-03-30T09:00+02:00"]]);
    expect(warningsFor(weeklyRotation({ role: "shadow", participants: [] }), [])).toEqual([]);
  });
});
