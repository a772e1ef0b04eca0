import { describe, expect, test } from "vitest";
import { localTime, localWindow } from "../../testing/rotation-spec-fixtures";
import { turnLoad, type DutyInterrupt } from "./turn-load";

// Ana's ticket-duty week from Monday 2 March 2026 09:00 Berlin, working 09:00-17:00 Monday to Friday.
const week = localWindow("2026-03-02T09:00", "2026-03-09T09:00");
const workdays = ["02", "03", "04", "05", "06"].map((day) =>
  localWindow(`2026-03-${day}T09:00`, `2026-03-${day}T17:00`),
);
const turn = { personId: "ana", ...week, scheduled: workdays };
const ticket = (opened: string, resolved: string | null): DutyInterrupt => ({
  kind: "ticket",
  isIncident: false,
  openedAt: localTime(opened),
  resolvedAt: resolved === null ? null : localTime(resolved),
});
const page = (opened: string, isIncident = true): DutyInterrupt => ({
  kind: "page",
  isIncident,
  openedAt: localTime(opened),
  resolvedAt: localTime(opened) + 1,
});

describe("turnLoad", () => {
  test("counts what came in by kind, only during the turn", () => {
    const load = turnLoad(
      turn,
      [
        ticket("2026-03-01T10:00", null),
        ticket("2026-03-03T10:00", "2026-03-03T12:00"),
        page("2026-03-04T03:00"),
        page("2026-03-09T09:00"),
      ],
      [],
    );
    expect(load.received).toEqual({ page: 1, ticket: 1, request: 0 });
  });

  test("time logged against the duty time, after-hours apart, overlaps once, other people's work not counted", () => {
    const work = [
      { personId: "ana", ...localWindow("2026-03-02T10:00", "2026-03-02T12:00") },
      { personId: "ana", ...localWindow("2026-03-02T11:00", "2026-03-02T13:00") },
      { personId: "ana", ...localWindow("2026-03-07T10:00", "2026-03-07T11:30") },
      { personId: "ben", ...localWindow("2026-03-03T10:00", "2026-03-03T12:00") },
    ];
    const load = turnLoad(turn, [], work);
    expect(load).toMatchObject({ loggedMinutes: 180 + 90, dutyMinutes: 5 * 8 * 60, afterHoursMinutes: 90 });
  });

  test("a turn limited to duty windows counts only its windows: business hours Monday and Tuesday", () => {
    const duty = [
      localWindow("2026-03-02T09:00", "2026-03-02T13:00"),
      localWindow("2026-03-03T09:00", "2026-03-03T13:00"),
    ];
    const work = [
      { personId: "ana", ...localWindow("2026-03-02T12:00", "2026-03-02T14:00") }, // one hour in the window
      { personId: "ana", ...localWindow("2026-03-04T10:00", "2026-03-04T11:00") }, // no window on Wednesday
    ];
    const load = turnLoad({ ...turn, duty }, [page("2026-03-02T10:00"), page("2026-03-04T10:00")], work);
    expect(load).toMatchObject({
      dutyMinutes: 8 * 60,
      loggedMinutes: 60,
      afterHoursMinutes: 0,
      received: { page: 1, ticket: 0, request: 0 },
    });
  });

  test("tickets open at the hand-off, and those carried over from the turn before", () => {
    const interrupts = [
      ticket("2026-02-27T10:00", null), // carried in, still open: carried over and open
      ticket("2026-02-27T11:00", "2026-03-03T10:00"), // carried in, closed during the turn
      ticket("2026-03-04T10:00", null), // new, still open
      ticket("2026-03-05T10:00", "2026-03-10T10:00"), // new, closed after the hand-off: open at it
      { ...ticket("2026-03-04T10:00", null), kind: "request" as const }, // not a ticket
    ];
    expect(turnLoad(turn, interrupts, [])).toMatchObject({ openAtHandoff: 3, carriedOver: 1 });
  });

  test("the busiest 12-hour window's incidents, windows from the turn's start; pages that are not incidents do not count", () => {
    const interrupts = [
      page("2026-03-02T09:30"),
      page("2026-03-02T20:59"),
      page("2026-03-02T21:00"),
      page("2026-03-02T22:00"),
      page("2026-03-02T23:00"),
      page("2026-03-03T01:00", false),
    ];
    expect(turnLoad(turn, interrupts, []).peakIncidents).toBe(3);
  });

  test("a turn in progress is counted up to now only", () => {
    const now = localTime("2026-03-04T12:00");
    const load = turnLoad(
      turn,
      [ticket("2026-03-05T10:00", null)],
      [{ personId: "ana", ...localWindow("2026-03-05T10:00", "2026-03-05T11:00") }],
      now,
    );
    expect(load).toMatchObject({
      received: { page: 0, ticket: 0, request: 0 },
      loggedMinutes: 0,
      dutyMinutes: 2 * 8 * 60 + 3 * 60,
      openAtHandoff: 0,
    });
  });
});
