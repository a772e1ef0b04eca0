import { describe, expect, test } from "vitest";
import { at } from "../../testing/time-fixtures";
import { DEFAULT_WORK_PATTERN } from "../time";
import { projectLoad, toilHistoryOf } from "./projected-load";

const zone = "Europe/Berlin";
const ms = (iso: string) => at(iso, zone);
const facts = { timeZone: zone, workPattern: DEFAULT_WORK_PATTERN, absences: [] };
// Monday 2 to Monday 16 March 2026: two 40-hour weeks.
const horizon = { start: ms("2026-03-02T00:00"), end: ms("2026-03-16T00:00") };

describe("projectLoad", () => {
  test("with no history, the shares are duty over scheduled time", () => {
    const ticketWeek = [{ role: "ticket" as const, start: ms("2026-03-02T00:00"), end: ms("2026-03-09T00:00") }];
    const load = projectLoad(facts, horizon, 2, ticketWeek, { loggedRate: 0, afterHoursPerWeek: 0 });
    expect(load).toMatchObject({
      scheduled: 4800,
      duty: 2400,
      onCallDuty: 0,
      operational: 2400,
      worked: 4800,
      toilShare: 0.5,
      onCallShare: 0,
    });
  });

  test("recent logged toil scales with scheduled time outside duty; after-hours toil with weeks", () => {
    const load = projectLoad(facts, horizon, 2, [], { loggedRate: 0.1, afterHoursPerWeek: 60 });
    // 10% of 4800 = 480 logged, 120 after hours: (480 + 120) / (4800 + 120).
    expect(load).toMatchObject({ logged: 480, afterHours: 120, operational: 600, worked: 4920 });
    expect(load.toilShare).toBeCloseTo(600 / 4920, 12);
  });

  test("shadow shifts are not duty, so they project nothing", () => {
    const shadow = [{ role: "shadow" as const, start: horizon.start, end: horizon.end }];
    expect(projectLoad(facts, horizon, 2, shadow, { loggedRate: 0, afterHoursPerWeek: 0 }).toilShare).toBe(0);
  });
});

describe("toilHistoryOf", () => {
  test("logged toil per minute outside duty, and after-hours toil per week", () => {
    const fourWeeks = { start: ms("2026-02-02T00:00"), end: ms("2026-03-02T00:00") };
    const onCall = [{ role: "primary" as const, start: ms("2026-02-02T00:00"), end: ms("2026-02-09T00:00") }];
    const entries = [
      { start: ms("2026-02-10T09:00"), minutes: 360, category: "toil" as const },
      { start: ms("2026-02-03T09:00"), minutes: 120, category: "toil" as const },
      { start: ms("2026-02-14T10:00"), minutes: 240, category: "toil" as const },
      { start: ms("2026-02-11T09:00"), minutes: 60, category: "overhead" as const },
    ];
    // Outside duty: 3 weeks x 2400 = 7200 min, of which 360 logged (the on-call Tuesday's 120 is duty already).
    expect(toilHistoryOf(facts, fourWeeks, 4, onCall, entries)).toEqual({
      loggedRate: 360 / 7200,
      afterHoursPerWeek: 60,
    });
  });
});
