import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { wallClockInstant } from "../time";
import { capStanding } from "./cap-standing";
import { computeAccounting } from "./compute";
import { periodWindow } from "./periods";
import { isProvisional, isTeamProvisional, PROVISIONAL_BELOW_MINUTES } from "./provisional";
import type { AccountingFacts } from "./types";

const WEEKDAYS = { days: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 17 * 60 };
const ZONES = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"] as const;
/** Mondays of weeks with a daylight-saving change somewhere in ZONES, and one without. */
const MONDAYS = [
  { year: 2026, month: 3, day: 30 },
  { year: 2026, month: 3, day: 9 },
  { year: 2026, month: 10, day: 26 },
  { year: 2026, month: 4, day: 6 },
  { year: 2026, month: 6, day: 15 },
];

function facts(
  timeZone: string,
  entries: AccountingFacts["entries"] = [],
  shifts: AccountingFacts["shifts"] = [],
): AccountingFacts {
  return { timeZone, workPattern: WEEKDAYS, absences: [], shifts, entries };
}

describe("provisional shares", () => {
  test.each([
    { scheduled: 0, provisional: true },
    { scheduled: 1, provisional: true },
    { scheduled: PROVISIONAL_BELOW_MINUTES - 1, provisional: true },
    { scheduled: PROVISIONAL_BELOW_MINUTES, provisional: false },
    { scheduled: 2400, provisional: false },
  ])("$scheduled scheduled minutes: provisional $provisional", ({ scheduled, provisional }) => {
    expect(isProvisional({ scheduled })).toBe(provisional);
  });

  test.each([
    { members: [], provisional: true },
    { members: [0, 100, 479], provisional: true },
    { members: [0, 480], provisional: false },
  ])("a team of $members scheduled minutes: provisional $provisional", ({ members, provisional }) => {
    expect(isTeamProvisional(members.map((scheduled) => ({ scheduled })))).toBe(provisional);
  });

  test("25 minutes logged before the workday on a Monday in Berlin is 100% of 25 minutes, provisional, not over", () => {
    const monday = { year: 2026, month: 3, day: 30 };
    const start = wallClockInstant(monday, 8 * 60 + 10, "Europe/Berlin");
    const now = wallClockInstant(monday, 8 * 60 + 40, "Europe/Berlin");
    const week = periodWindow("week", now, "Europe/Berlin");
    const accounting = computeAccounting({
      ...facts("Europe/Berlin", [{ start, minutes: 25, category: "toil" }]),
      period: { start: week.start, end: now },
    });
    expect(accounting).toMatchObject({ scheduled: 0, afterHours: 25, worked: 25, toilShare: 1 });
    const standing = capStanding(accounting, { toilCap: 0.5, onCallCap: 0.25 });
    expect(standing.toil).toEqual({ provisional: true, over: false, overBy: 0, overByMinutes: 0 });
  });

  test("in every zone, a week counted up to any instant is provisional exactly while less than 8 scheduled hours are behind it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(...MONDAYS),
        fc.integer({ min: 0, max: 7 * 24 * 60 - 1 }),
        fc.array(
          fc.record({ minute: fc.integer({ min: 0, max: 7 * 24 * 60 }), minutes: fc.integer({ min: 1, max: 600 }) }),
          { maxLength: 5 },
        ),
        fc.boolean(),
        (zone, monday, minutesIn, logged, onCall) => {
          const weekStart = wallClockInstant(monday, 0, zone);
          const now = weekStart + minutesIn * 60_000;
          const week = periodWindow("week", now, zone);
          const entries = logged.map((e) => ({
            start: weekStart + e.minute * 60_000,
            minutes: e.minutes,
            category: "toil" as const,
          }));
          const shifts = onCall ? [{ start: week.start, end: week.end, role: "primary" as const }] : [];
          const accounting = computeAccounting({
            ...facts(zone, entries, shifts),
            period: { start: week.start, end: now },
          });
          const standing = capStanding(accounting, { toilCap: 0.5, onCallCap: 0.25 });
          expect(standing.toil.provisional).toBe(accounting.scheduled < 480);
          if (standing.toil.provisional) {
            expect(standing.toil.over).toBe(false);
            expect(standing.onCall.over).toBe(false);
          }
          // On call all week, once a working day is behind it the share is over both caps.
          if (onCall && !standing.toil.provisional) expect(standing.onCall.over).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
