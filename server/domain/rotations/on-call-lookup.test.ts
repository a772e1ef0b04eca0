import { describe, expect, test } from "vitest";
import { expandShifts } from "./expand-shifts";
import { nextShiftsFor, whoIsOnCall } from "./on-call-lookup";
import { localTime, localWindow, wallClock, weeklyRotation } from "./test-fixtures";

const window = localWindow("2026-03-02T09:00", "2026-04-06T09:00");
const pager = expandShifts(weeklyRotation(), [], [], window);
const tickets = expandShifts(
  weeklyRotation({ id: "tickets", role: "ticket", participants: ["c", "d"], shiftLength: { unit: "days", count: 1 },
    dutyWindows: [{ days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 }] }),
  [], [], window,
);
const everything = [...tickets, ...pager];

describe("whoIsOnCall", () => {
  test("lists every rotation's holder at that instant, pager roles first", () => {
    const onCall = whoIsOnCall(everything, localTime("2026-03-10T10:00"));
    expect(onCall.map((s) => [s.role, s.personId])).toEqual([["primary", "b"], ["ticket", "c"]]);
  });

  test("at a hand-off the incoming person is on call (shifts are half-open)", () => {
    expect(whoIsOnCall(pager, localTime("2026-03-09T09:00")).map((s) => s.personId)).toEqual(["b"]);
  });

  test("outside working hours only the pager rotation has someone", () => {
    expect(whoIsOnCall(everything, localTime("2026-03-10T20:00")).map((s) => s.role)).toEqual(["primary"]);
  });
});

describe("nextShiftsFor", () => {
  test("includes the shifts in progress, earliest first, and stops at the limit", () => {
    const next = nextShiftsFor("c", everything, localTime("2026-03-16T12:00"), 3);
    expect(next.map((s) => [s.rotationId, wallClock(s.start), wallClock(s.end)])).toEqual([
      ["tickets", "2026-03-16T09:00+01:00", "2026-03-16T17:00+01:00"],
      ["pager", "2026-03-16T09:00+01:00", "2026-03-23T09:00+01:00"],
      ["tickets", "2026-03-18T09:00+01:00", "2026-03-18T17:00+01:00"],
    ]);
  });

  test("past shifts and other people's shifts are left out", () => {
    const next = nextShiftsFor("a", pager, localTime("2026-03-10T00:00"), 10);
    expect(next.every((s) => s.personId === "a" && s.end > localTime("2026-03-10T00:00"))).toBe(true);
    expect(next).toHaveLength(1);
    expect(nextShiftsFor("a", pager, 0, 0)).toEqual([]);
  });
});
