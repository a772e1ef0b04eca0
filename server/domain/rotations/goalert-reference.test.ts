import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { handoffSchedule } from "./handoffs";
import type { RotationSpec } from "./types";

/**
 * GoAlert's published rotation tests, ported as tables: schedule/rotation/rotation_test.go in github.com/target/goalert
 * (TestRotation_StartEnd_BruteForce, TestRotation_EndTime, TestRotation_EndTime_DST, TestRotation_EndTime_ConfigChange,
 * TestRotation_StartTime, TestRotation_FutureStart). GoAlert, like Toilcap, hands off on the rotation's wall clock.
 *
 * Where Toilcap deliberately differs, the case says so:
 * - A hand-off inside a spring-forward gap moves forward by the gap (RFC 5545 / Temporal "compatible"), the one
 *   rule for every wall time in Toilcap; GoAlert moves it to the end of the gap (02:30 becomes 03:00).
 * - A monthly hand-off on a date the month lacks (the 31st in April) falls on the month's last day (Temporal's
 *   "constrain"); Go's AddDate overflows into the next month. No GoAlert case uses such a date.
 * - Toilcap has no turn before the rotation's first hand-off (nobody is on duty before a rotation starts);
 *   GoAlert extends the grid backwards. Cases that read before GoAlert's start begin Toilcap's rotation one or
 *   more periods earlier on the same grid, which gives the same hand-offs.
 */

type Unit = RotationSpec["shiftLength"]["unit"];

/** A rotation whose first hand-off is the local time `startLocal` in `zone`. */
function rotation(zone: string, startLocal: string, unit: Unit, count: number): RotationSpec {
  const start = DateTime.fromISO(startLocal, { zone: "UTC" });
  return {
    id: "goalert",
    role: "primary",
    timeZone: zone,
    shiftLength: { unit, count },
    handoff: { weekday: start.weekday, minute: start.hour * 60 + start.minute },
    startsOn: start.toISODate() ?? "",
    participants: ["a", "b"],
  };
}

function local(iso: string, zone: string): number {
  const parsed = DateTime.fromISO(iso, { zone });
  if (!parsed.isValid) throw new Error(`bad test time ${iso}`);
  return parsed.toMillis();
}

function shown(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toFormat("yyyy-MM-dd HH:mm ZZ");
}

const STEP_MS = 30_000;

/** GoAlert's brute force: every 30 s from `from` to `to`, the start and end of the period in progress. */
function handoffsSeen(spec: RotationSpec, fromLocal: string, toLocal: string, stepMs = STEP_MS): string[] {
  const schedule = handoffSchedule(spec);
  const seen = new Set<number>();
  for (let instant = local(fromLocal, spec.timeZone); instant <= local(toLocal, spec.timeZone); instant += stepMs) {
    const period = schedule.periodContaining(instant);
    expect(period, `no period in progress at ${shown(instant, spec.timeZone)}`).toBeGreaterThanOrEqual(0);
    seen.add(schedule.handoffAt(period));
    seen.add(schedule.handoffAt(period + 1));
  }
  return [...seen].sort((a, b) => a - b).map((instant) => shown(instant, spec.timeZone));
}

/** The end of the period in progress at `atLocal`: GoAlert's EndTime. */
function endTime(spec: RotationSpec, atLocal: string): number {
  const schedule = handoffSchedule(spec);
  return schedule.handoffAt(schedule.periodContaining(local(atLocal, spec.timeZone)) + 1);
}

const CHICAGO = "America/Chicago";
const LORD_HOWE = "Australia/Lord_Howe";

describe("TestRotation_StartEnd_BruteForce", () => {
  test.each([
    {
      name: "24-hour shifts across the fall-back in Chicago (rotation started a day earlier)",
      spec: rotation(CHICAGO, "2020-10-29T01:30", "hours", 24),
      from: "2020-10-30T01:00",
      to: "2020-11-03T01:00",
      handoffs: [
        "2020-10-29 01:30 -05:00",
        "2020-10-30 01:30 -05:00",
        "2020-10-31 01:30 -05:00",
        "2020-11-01 01:30 -05:00",
        "2020-11-02 01:30 -06:00",
        "2020-11-03 01:30 -06:00",
      ],
    },
    {
      name: "daily shifts are identical to 24-hour ones",
      spec: rotation(CHICAGO, "2020-10-29T01:30", "days", 1),
      from: "2020-10-30T01:00",
      to: "2020-11-03T01:00",
      handoffs: [
        "2020-10-29 01:30 -05:00",
        "2020-10-30 01:30 -05:00",
        "2020-10-31 01:30 -05:00",
        "2020-11-01 01:30 -05:00",
        "2020-11-02 01:30 -06:00",
        "2020-11-03 01:30 -06:00",
      ],
    },
    {
      // Differs: GoAlert hands off at 03:00 CDT on 8 March; 02:30 moves forward by the one-hour gap here.
      name: "a daily 02:30 hand-off inside the spring-forward gap moves forward by the gap",
      spec: rotation(CHICAGO, "2020-03-05T02:30", "days", 1),
      from: "2020-03-06T01:00",
      to: "2020-03-10T01:00",
      handoffs: [
        "2020-03-05 02:30 -06:00",
        "2020-03-06 02:30 -06:00",
        "2020-03-07 02:30 -06:00",
        "2020-03-08 03:30 -05:00",
        "2020-03-09 02:30 -05:00",
        "2020-03-10 02:30 -05:00",
      ],
    },
    {
      // Differs: GoAlert adds a 03:00 hand-off; here the 02:30 hand-off lands on 03:30, so the 01:30 turn runs to
      // 03:30 (one hour elapsed) and the skipped hour's turn is empty.
      name: "hourly :30 hand-offs across the spring-forward gap",
      spec: rotation(CHICAGO, "2020-03-06T02:30", "hours", 1),
      from: "2020-03-08T01:00",
      to: "2020-03-08T04:00",
      handoffs: [
        "2020-03-08 00:30 -06:00",
        "2020-03-08 01:30 -06:00",
        "2020-03-08 03:30 -05:00",
        "2020-03-08 04:30 -05:00",
      ],
    },
    {
      name: "hourly :00 hand-offs across the spring-forward gap",
      spec: rotation(CHICAGO, "2020-03-06T02:00", "hours", 1),
      from: "2020-03-08T01:00",
      to: "2020-03-08T04:00",
      handoffs: [
        "2020-03-08 01:00 -06:00",
        "2020-03-08 03:00 -05:00",
        "2020-03-08 04:00 -05:00",
        "2020-03-08 05:00 -05:00",
      ],
    },
    {
      name: "hourly :30 hand-offs across the fall-back: the repeated 01:30 is taken once, the first time",
      spec: rotation(CHICAGO, "2020-07-06T02:30", "hours", 1),
      from: "2020-11-01T00:00",
      to: "2020-11-01T04:00",
      handoffs: [
        "2020-10-31 23:30 -05:00",
        "2020-11-01 00:30 -05:00",
        "2020-11-01 01:30 -05:00",
        "2020-11-01 02:30 -06:00",
        "2020-11-01 03:30 -06:00",
        "2020-11-01 04:30 -06:00",
      ],
    },
    {
      name: "hourly :00 hand-offs across the fall-back: the 01:00 turn lasts two hours",
      spec: rotation(CHICAGO, "2020-07-06T02:00", "hours", 1),
      from: "2020-11-01T00:00",
      to: "2020-11-01T04:00",
      handoffs: [
        "2020-11-01 00:00 -05:00",
        "2020-11-01 01:00 -05:00",
        "2020-11-01 02:00 -06:00",
        "2020-11-01 03:00 -06:00",
        "2020-11-01 04:00 -06:00",
        "2020-11-01 05:00 -06:00",
      ],
    },
    {
      name: "Lord Howe's half-hour fall-back keeps hourly shifts on their grid",
      spec: rotation(LORD_HOWE, "2021-04-03T02:30", "hours", 1),
      from: "2021-04-04T01:00",
      to: "2021-04-04T04:00",
      handoffs: [
        "2021-04-04 00:30 +11:00",
        "2021-04-04 01:30 +11:00",
        "2021-04-04 02:30 +10:30",
        "2021-04-04 03:30 +10:30",
        "2021-04-04 04:30 +10:30",
      ],
    },
    {
      name: "Lord Howe daily 02:30 hand-offs across the half-hour fall-back",
      spec: rotation(LORD_HOWE, "2021-04-01T02:30", "days", 1),
      from: "2021-04-02T01:00",
      to: "2021-04-06T01:00",
      handoffs: [
        "2021-04-01 02:30 +11:00",
        "2021-04-02 02:30 +11:00",
        "2021-04-03 02:30 +11:00",
        "2021-04-04 02:30 +10:30",
        "2021-04-05 02:30 +10:30",
        "2021-04-06 02:30 +10:30",
      ],
    },
    {
      name: "Lord Howe daily 02:00 hand-offs: the switch at the start of a shift makes it 30 minutes longer",
      spec: rotation(LORD_HOWE, "2021-04-01T02:00", "days", 1),
      from: "2021-04-02T01:00",
      to: "2021-04-06T01:00",
      handoffs: [
        "2021-04-01 02:00 +11:00",
        "2021-04-02 02:00 +11:00",
        "2021-04-03 02:00 +11:00",
        "2021-04-04 02:00 +10:30",
        "2021-04-05 02:00 +10:30",
        "2021-04-06 02:00 +10:30",
      ],
    },
    {
      name: "Lord Howe 24-hour shifts equal daily ones",
      spec: rotation(LORD_HOWE, "2021-04-01T02:00", "hours", 24),
      from: "2021-04-02T01:00",
      to: "2021-04-06T01:00",
      handoffs: [
        "2021-04-01 02:00 +11:00",
        "2021-04-02 02:00 +11:00",
        "2021-04-03 02:00 +11:00",
        "2021-04-04 02:00 +10:30",
        "2021-04-05 02:00 +10:30",
        "2021-04-06 02:00 +10:30",
      ],
    },
    {
      name: "Lord Howe 24-hour shifts across the half-hour spring-forward",
      spec: rotation(LORD_HOWE, "2020-10-01T01:30", "hours", 24),
      from: "2020-10-02T01:00",
      to: "2020-10-06T01:00",
      handoffs: [
        "2020-10-01 01:30 +10:30",
        "2020-10-02 01:30 +10:30",
        "2020-10-03 01:30 +10:30",
        "2020-10-04 01:30 +10:30",
        "2020-10-05 01:30 +11:00",
        "2020-10-06 01:30 +11:00",
      ],
    },
    {
      name: "Lord Howe daily shifts across the half-hour spring-forward",
      spec: rotation(LORD_HOWE, "2020-10-01T01:30", "days", 1),
      from: "2020-10-02T01:00",
      to: "2020-10-06T01:00",
      handoffs: [
        "2020-10-01 01:30 +10:30",
        "2020-10-02 01:30 +10:30",
        "2020-10-03 01:30 +10:30",
        "2020-10-04 01:30 +10:30",
        "2020-10-05 01:30 +11:00",
        "2020-10-06 01:30 +11:00",
      ],
    },
    {
      // Differs: GoAlert hands off at 02:30 (the end of the gap); 02:15 moves forward by the 30-minute gap here.
      name: "Lord Howe daily 02:15 hand-off inside the half-hour gap moves forward by the gap",
      spec: rotation(LORD_HOWE, "2020-10-01T02:15", "days", 1),
      from: "2020-10-02T01:00",
      to: "2020-10-06T01:00",
      handoffs: [
        "2020-10-01 02:15 +10:30",
        "2020-10-02 02:15 +10:30",
        "2020-10-03 02:15 +10:30",
        "2020-10-04 02:45 +11:00",
        "2020-10-05 02:15 +11:00",
        "2020-10-06 02:15 +11:00",
      ],
    },
  ])("$name", ({ spec, from, to, handoffs }) => {
    expect(handoffsSeen(spec, from, to)).toEqual(handoffs);
  });
});

describe("TestRotation_StartEnd_BruteForce, monthly", () => {
  // Every 5 minutes rather than 30 s: two months of 30-second steps add nothing but time.
  const FIVE_MINUTES = 300_000;
  test("monthly sanity check: hand-offs on the 2nd at 01:30", () => {
    expect(
      handoffsSeen(
        rotation(CHICAGO, "2020-01-02T01:30", "months", 1),
        "2020-04-05T01:00",
        "2020-06-12T01:00",
        FIVE_MINUTES,
      ),
    ).toEqual([
      "2020-04-02 01:30 -05:00",
      "2020-05-02 01:30 -05:00",
      "2020-06-02 01:30 -05:00",
      "2020-07-02 01:30 -05:00",
    ]);
  });

  test("monthly across the fall-back: the repeated 01:30 on 1 November is taken the first time", () => {
    expect(
      handoffsSeen(
        rotation(CHICAGO, "2020-10-01T01:30", "months", 1),
        "2020-10-02T01:00",
        "2020-12-02T01:00",
        FIVE_MINUTES,
      ),
    ).toEqual([
      "2020-10-01 01:30 -05:00",
      "2020-11-01 01:30 -05:00",
      "2020-12-01 01:30 -06:00",
      "2021-01-01 01:30 -06:00",
    ]);
  });

  test.each([
    { count: 1, start: "2017-06-01T00:00", end: "2017-07-01T00:00", hours: 24 * 30 },
    { count: 2, start: "2017-07-01T00:00", end: "2017-09-01T00:00", hours: 24 * 31 * 2 },
    { count: 1, start: "2017-03-01T00:00", end: "2017-04-01T00:00", hours: 24 * 31 - 1 },
    { count: 2, start: "2017-11-01T00:00", end: "2018-01-01T00:00", hours: 24 * (30 + 31) + 1 },
  ])("TestRotation_EndTime monthly: $count from $start ends at $end after $hours h", ({ count, start, end, hours }) => {
    const spec = rotation(CHICAGO, start, "months", count);
    expect(endTime(spec, start)).toBe(local(end, CHICAGO));
    expect((endTime(spec, start) - local(start, CHICAGO)) / 3_600_000).toBe(hours);
  });

  test("subsequent calls (monthly), the rotation started two months earlier on the same grid", () => {
    const spec = rotation("UTC", "2019-11-10T00:00", "months", 1);
    const reads = ["2019-11-10T00:00", "2019-12-10T00:00", "2020-01-10T00:00"];
    expect(reads.map((at) => shown(endTime(spec, at), "UTC"))).toEqual([
      "2019-12-10 00:00 +00:00",
      "2020-01-10 00:00 +00:00",
      "2020-02-10 00:00 +00:00",
    ]);
  });

  test("a hand-off on the 31st falls on the last day of shorter months and returns to the 31st", () => {
    const schedule = handoffSchedule(rotation("UTC", "2026-01-31T09:00", "months", 1));
    expect([0, 1, 2, 3].map((n) => shown(schedule.handoffAt(n), "UTC"))).toEqual([
      "2026-01-31 09:00 +00:00",
      "2026-02-28 09:00 +00:00",
      "2026-03-31 09:00 +00:00",
      "2026-04-30 09:00 +00:00",
    ]);
  });
});

describe("TestRotation_EndTime and TestRotation_StartTime tables (America/Chicago, 2017)", () => {
  const HOUR = 3_600_000;
  test.each([
    { unit: "weeks", count: 1, start: "2017-06-10T08:00", end: "2017-06-17T08:00", hours: 168 },
    { unit: "weeks", count: 2, start: "2017-06-10T08:00", end: "2017-06-24T08:00", hours: 336 },
    { unit: "weeks", count: 1, start: "2017-03-10T08:00", end: "2017-03-17T08:00", hours: 167 },
    { unit: "weeks", count: 1, start: "2017-11-04T08:00", end: "2017-11-11T08:00", hours: 169 },
    { unit: "days", count: 1, start: "2017-06-10T08:00", end: "2017-06-11T08:00", hours: 24 },
    { unit: "days", count: 2, start: "2017-06-10T08:00", end: "2017-06-12T08:00", hours: 48 },
    { unit: "days", count: 1, start: "2017-03-11T08:00", end: "2017-03-12T08:00", hours: 23 },
    { unit: "days", count: 1, start: "2017-11-04T08:00", end: "2017-11-05T08:00", hours: 25 },
    { unit: "hours", count: 1, start: "2017-06-10T08:00", end: "2017-06-10T09:00", hours: 1 },
    { unit: "hours", count: 2, start: "2017-06-10T08:00", end: "2017-06-10T10:00", hours: 2 },
    { unit: "hours", count: 3, start: "2017-03-12T00:00", end: "2017-03-12T03:00", hours: 2 },
    { unit: "hours", count: 3, start: "2017-11-05T00:00", end: "2017-11-05T03:00", hours: 4 },
  ] as const)("$count $unit from $start ends at $end after $hours h", ({ unit, count, start, end, hours }) => {
    const spec = rotation(CHICAGO, start, unit, count);
    const schedule = handoffSchedule(spec);
    const first = local(start, CHICAGO);
    // StartTime at the start is the start; EndTime is the next hand-off.
    expect(schedule.handoffAt(schedule.periodContaining(first))).toBe(first);
    expect(endTime(spec, start)).toBe(local(end, CHICAGO));
    expect((endTime(spec, start) - first) / HOUR).toBe(hours);
  });

  test("TestRotation_EndTime_DST: an hourly turn at 01:00 on the spring-forward day ends at 03:00, one hour later", () => {
    const spec = rotation(CHICAGO, "2017-01-01T01:00", "hours", 1);
    expect(shown(endTime(spec, "2017-03-12T01:00"), CHICAGO)).toBe("2017-03-12 03:00 -05:00");
  });

  test("TestRotation_EndTime_DST: an hourly turn at the first 01:00 of the fall-back day ends two hours later", () => {
    const spec = rotation(CHICAGO, "2017-01-01T01:00", "hours", 1);
    const firstOneAm = local("2017-11-05T01:00-05:00", CHICAGO);
    const schedule = handoffSchedule(spec);
    const end = schedule.handoffAt(schedule.periodContaining(firstOneAm) + 1);
    expect(shown(end, CHICAGO)).toBe("2017-11-05 02:00 -06:00");
    expect(end - firstOneAm).toBe(2 * HOUR);
  });

  test("TestRotation_EndTime_ConfigChange: 12-hour shifts from midnight, read at 06:00, end at noon", () => {
    const spec = rotation(CHICAGO, "2017-01-01T00:00", "hours", 12);
    expect(shown(endTime(spec, "2017-01-03T06:00"), CHICAGO)).toBe("2017-01-03 12:00 -06:00");
  });
});

describe("TestRotation_EndTime cycles and TestRotation_FutureStart (UTC)", () => {
  test("cycle forward: 10-hour shifts from 03:00, read 30 h later, end at 19:00 the next day", () => {
    const spec = rotation("UTC", "2020-06-01T03:00", "hours", 10);
    expect(shown(endTime(spec, "2020-06-02T09:00"), "UTC")).toBe("2020-06-02 19:00 +00:00");
  });

  test("cycle back: GoAlert reads 30 h before the start; Toilcap has no turn there, and the same grid started earlier agrees", () => {
    const spec = rotation("UTC", "2020-06-01T03:00", "hours", 10);
    expect(handoffSchedule(spec).periodContaining(local("2020-05-30T21:00", "UTC"))).toBe(-1);
    const earlier = rotation("UTC", "2020-05-30T11:00", "hours", 10);
    expect(shown(endTime(earlier, "2020-05-30T21:00"), "UTC")).toBe("2020-05-31 07:00 +00:00");
  });

  test.each([
    {
      unit: "hours",
      start: "2019-12-31T22:00",
      reads: ["2019-12-31T22:00", "2019-12-31T23:00", "2020-01-01T00:00"],
      ends: ["2019-12-31 23:00 +00:00", "2020-01-01 00:00 +00:00", "2020-01-01 01:00 +00:00"],
    },
    {
      unit: "days",
      start: "2019-12-30T00:00",
      reads: ["2019-12-30T00:00", "2019-12-31T00:00", "2020-01-01T00:00"],
      ends: ["2019-12-31 00:00 +00:00", "2020-01-01 00:00 +00:00", "2020-01-02 00:00 +00:00"],
    },
  ] as const)(
    "subsequent calls ($unit): each end read again gives the next hand-off",
    ({ unit, start, reads, ends }) => {
      const spec = rotation("UTC", start, unit, 1);
      expect(reads.map((at) => shown(endTime(spec, at), "UTC"))).toEqual(ends);
    },
  );

  test("FutureStart: before the first hand-off nobody is on duty (GoAlert extends the grid backwards)", () => {
    const spec = rotation("UTC", "2019-01-10T00:00", "days", 1);
    const schedule = handoffSchedule(spec);
    expect(schedule.periodContaining(local("2019-01-05T00:00", "UTC"))).toBe(-1);
    expect(schedule.periodContaining(local("2019-01-10T00:00", "UTC") - 1)).toBe(-1);
    expect(shown(endTime(spec, "2019-01-10T00:00"), "UTC")).toBe("2019-01-11 00:00 +00:00");
    expect(shown(schedule.handoffAt(schedule.periodContaining(local("2019-01-10T00:00", "UTC"))), "UTC")).toBe(
      "2019-01-10 00:00 +00:00",
    );
  });
});
