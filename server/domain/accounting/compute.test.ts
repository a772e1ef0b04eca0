import { describe, expect, test } from "vitest";
import { at, utc } from "../../testing/time-fixtures";
import { DEFAULT_WORK_PATTERN, type Interval } from "../time";
import { accountingIntervals, computeAccounting, weeklyAccounting } from "./compute";
import { weekWindows } from "./periods";
import type { Accounting, AccountingInput, Shift, ShiftRole, WorkEntry } from "./types";

const BERLIN = "Europe/Berlin";
const NEW_YORK = "America/New_York";
const b = (local: string) => at(local, BERLIN);

/** Monday 2 March 2026 to Monday 9 March, Berlin wall clock: no DST change. */
const WEEK: Interval = { start: b("2026-03-02T00:00"), end: b("2026-03-09T00:00") };

const toil = (local: string, minutes: number): WorkEntry => ({ start: b(local), minutes, category: "toil" });
const overhead = (local: string, minutes: number): WorkEntry => ({ start: b(local), minutes, category: "overhead" });
const shift = (role: ShiftRole, from: string, to: string): Shift => ({ role, start: b(from), end: b(to) });
const leave = (from: string, to: string): Interval => ({ start: b(from), end: b(to) });

function input(overrides: Partial<AccountingInput> = {}): AccountingInput {
  return {
    period: WEEK,
    timeZone: BERLIN,
    workPattern: DEFAULT_WORK_PATTERN,
    absences: [],
    shifts: [],
    entries: [],
    ...overrides,
  };
}

const ZERO: Accounting = {
  scheduled: 0,
  duty: 0,
  onCallDuty: 0,
  logged: 0,
  afterHours: 0,
  operational: 0,
  worked: 0,
  toilShare: 0,
  onCallShare: 0,
};

/** Fills in the derived numbers (rules 5-7) so each case states only what docs/accounting.md decides. */
function expected(
  parts: Partial<Pick<Accounting, "scheduled" | "duty" | "onCallDuty" | "logged" | "afterHours">>,
): Accounting {
  const a = { ...ZERO, scheduled: 2400, ...parts };
  const operational = a.duty + a.logged + a.afterHours;
  const worked = a.scheduled + a.afterHours;
  return {
    ...a,
    operational,
    worked,
    toilShare: worked === 0 ? 0 : operational / worked,
    onCallShare: worked === 0 ? 0 : a.onCallDuty / worked,
  };
}

function expectAccounting(actual: Accounting, wanted: Accounting): void {
  for (const key of Object.keys(wanted) as Array<keyof Accounting>) {
    expect(actual[key], key).toBeCloseTo(wanted[key], 9);
  }
}

const primaryAllWeek = shift("primary", "2026-03-02T09:00", "2026-03-09T09:00");

describe("computeAccounting follows the time-accounting rules", () => {
  test.each<[string, Partial<AccountingInput>, Accounting]>([
    ["a plain week with no data: 40 h scheduled, share 0", {}, expected({})],
    ["toil inside working hours is logged", { entries: [toil("2026-03-04T10:00", 30)] }, expected({ logged: 30 })],
    [
      "overlapping entries count once",
      { entries: [toil("2026-03-04T10:00", 60), toil("2026-03-04T10:30", 60)] },
      expected({ logged: 90 }),
    ],
    [
      "the same entry twice counts once",
      { entries: [toil("2026-03-04T10:00", 60), toil("2026-03-04T10:00", 60)] },
      expected({ logged: 60 }),
    ],
    [
      "an entry across the end of the workday is part logged, part after-hours",
      { entries: [toil("2026-03-04T16:30", 60)] },
      expected({ logged: 30, afterHours: 30 }),
    ],
    [
      "a weekend entry is after-hours and adds to worked",
      { entries: [toil("2026-03-07T11:00", 120)] },
      expected({ afterHours: 120 }),
    ],
    [
      "a night entry across midnight is after-hours",
      { entries: [toil("2026-03-03T23:00", 90)] },
      expected({ afterHours: 90 }),
    ],
    [
      "a day of leave removes 8 h of scheduled time",
      { absences: [leave("2026-03-04T00:00", "2026-03-05T00:00")] },
      expected({ scheduled: 1920 }),
    ],
    [
      "toil during leave counts as after-hours",
      { absences: [leave("2026-03-04T00:00", "2026-03-05T00:00")], entries: [toil("2026-03-04T10:00", 60)] },
      expected({ scheduled: 1920, afterHours: 60 }),
    ],
    ["leave on a weekend changes nothing", { absences: [leave("2026-03-07T00:00", "2026-03-09T00:00")] }, expected({})],
    [
      "a primary shift all week: all scheduled time is on-call duty",
      { shifts: [primaryAllWeek] },
      expected({ duty: 2400, onCallDuty: 2400 }),
    ],
    [
      "toil logged during duty adds nothing",
      { shifts: [primaryAllWeek], entries: [toil("2026-03-04T10:00", 60), toil("2026-03-05T13:00", 240)] },
      expected({ duty: 2400, onCallDuty: 2400 }),
    ],
    [
      "toil at the weekend of an on-call week is after-hours: on-call share = scheduled / worked",
      { shifts: [primaryAllWeek], entries: [toil("2026-03-07T11:00", 120)] },
      expected({ duty: 2400, onCallDuty: 2400, afterHours: 120 }),
    ],
    [
      "the secondary role is on-call duty too",
      { shifts: [shift("secondary", "2026-03-02T00:00", "2026-03-03T00:00")] },
      expected({ duty: 480, onCallDuty: 480 }),
    ],
    [
      "ticket duty is duty but not on-call",
      { shifts: [shift("ticket", "2026-03-02T00:00", "2026-03-04T00:00")] },
      expected({ duty: 960 }),
    ],
    [
      "a shadow shift is not duty, so its toil is logged",
      { shifts: [shift("shadow", "2026-03-02T09:00", "2026-03-09T09:00")], entries: [toil("2026-03-04T10:00", 60)] },
      expected({ logged: 60 }),
    ],
    [
      "overlapping duty shifts count once",
      {
        shifts: [
          shift("primary", "2026-03-02T09:00", "2026-03-03T17:00"),
          shift("ticket", "2026-03-03T09:00", "2026-03-04T17:00"),
        ],
      },
      expected({ duty: 1440, onCallDuty: 960 }),
    ],
    [
      "only the scheduled part of a shift is duty; toil at night during it is after-hours",
      {
        shifts: [shift("primary", "2026-03-04T12:00", "2026-03-05T12:00")],
        entries: [toil("2026-03-04T20:00", 60)],
      },
      expected({ duty: 300 + 180, onCallDuty: 480, afterHours: 60 }),
    ],
    [
      "an entry half in duty, half outside it is logged for the outside half",
      { shifts: [shift("ticket", "2026-03-04T09:00", "2026-03-04T13:00")], entries: [toil("2026-03-04T12:00", 120)] },
      expected({ duty: 240, logged: 60 }),
    ],
    [
      "leave during an on-call shift removes that duty",
      { shifts: [primaryAllWeek], absences: [leave("2026-03-06T00:00", "2026-03-07T00:00")] },
      expected({ scheduled: 1920, duty: 1920, onCallDuty: 1920 }),
    ],
    [
      "overhead never counts, inside or outside hours",
      { entries: [overhead("2026-03-04T10:00", 120), overhead("2026-03-07T10:00", 120)] },
      expected({}),
    ],
    [
      "overhead overlapping toil does not add to it",
      { entries: [toil("2026-03-04T10:00", 60), overhead("2026-03-04T10:00", 180)] },
      expected({ logged: 60 }),
    ],
    [
      "entries are clipped to the period at both ends",
      { entries: [toil("2026-03-01T23:00", 180), toil("2026-03-08T23:30", 60)] },
      expected({ afterHours: 120 + 30 }),
    ],
    [
      "shifts are clipped to the period",
      { shifts: [shift("primary", "2026-02-23T09:00", "2026-03-03T09:00")] },
      expected({ duty: 480, onCallDuty: 480 }),
    ],
    [
      "empty and zero-length entries count nothing",
      { entries: [toil("2026-03-04T10:00", 0), toil("2026-03-04T11:00", -30)] },
      expected({}),
    ],
    [
      "worked 0 (all week on leave) gives shares 0",
      { absences: [leave("2026-03-01T00:00", "2026-03-10T00:00")], entries: [overhead("2026-03-04T10:00", 60)] },
      expected({ scheduled: 0 }),
    ],
    [
      "nothing scheduled but weekend toil: share 1",
      { workPattern: { days: [], startMinute: 540, endMinute: 1020 }, entries: [toil("2026-03-07T10:00", 45)] },
      expected({ scheduled: 0, afterHours: 45 }),
    ],
    [
      "an empty period gives zeros",
      { period: { start: WEEK.start, end: WEEK.start }, entries: [toil("2026-03-02T00:00", 60)] },
      expected({ scheduled: 0 }),
    ],
  ])("%s", (_name, overrides, wanted) => {
    expectAccounting(computeAccounting(input(overrides)), wanted);
  });

  test("the toil share of a typical week", () => {
    const result = computeAccounting(
      input({
        shifts: [shift("ticket", "2026-03-02T09:00", "2026-03-03T09:00")],
        entries: [toil("2026-03-04T10:00", 90), toil("2026-03-07T21:00", 30)],
      }),
    );
    expect(result.operational).toBe(480 + 90 + 30);
    expect(result.worked).toBe(2430);
    expect(result.toilShare).toBeCloseTo(600 / 2430, 12);
  });
});

describe("bad setup fails loudly instead of reporting wrong numbers", () => {
  test("an unknown time zone", () => {
    expect(() => computeAccounting(input({ timeZone: "Europe/Atlantis" }))).toThrow(/Unknown IANA time zone/);
  });

  test("a work pattern that ends before it starts", () => {
    expect(() => computeAccounting(input({ workPattern: { days: [1], startMinute: 600, endMinute: 540 } }))).toThrow(
      RangeError,
    );
  });
});

describe("the engineer's own time zone decides", () => {
  const utcWeek = { start: utc("2026-03-02T00:00:00Z"), end: utc("2026-03-09T00:00:00Z") };
  const entries: WorkEntry[] = [
    { start: utc("2026-03-04T12:00:00Z"), minutes: 60, category: "toil" },
    { start: utc("2026-03-06T21:30:00Z"), minutes: 60, category: "toil" },
  ];

  test.each<[string, Accounting]>([
    // Berlin (UTC+1): 13:00 is working time, 22:30 Friday is not.
    [BERLIN, expected({ logged: 60, afterHours: 60 })],
    // New York (UTC-5): 07:00 is before work, 16:30 Friday is half in it.
    [NEW_YORK, expected({ logged: 30, afterHours: 60 + 30 })],
    // Kolkata (UTC+5:30): 17:30 is after work, 03:00 Saturday is night.
    ["Asia/Kolkata", expected({ afterHours: 120 })],
  ])("same UTC data in %s", (timeZone, wanted) => {
    expectAccounting(computeAccounting(input({ period: utcWeek, timeZone, entries })), wanted);
  });
});

describe("daylight-saving weeks", () => {
  test.each<[string, string, number]>([
    [BERLIN, "2026-03-29", 167],
    [BERLIN, "2026-10-25", 169],
    [NEW_YORK, "2026-03-08", 167],
    [NEW_YORK, "2026-11-01", 169],
    ["Australia/Sydney", "2026-04-05", 169],
    ["Australia/Sydney", "2026-10-04", 167],
  ])("%s, the week of Sunday %s: %d h long, still 5 x 8 h scheduled", (timeZone, sunday, hours) => {
    const [week] = weekWindows(timeZone, at(`${sunday}T12:00`, timeZone), 1);
    if (week === undefined) throw new Error("no week");
    expect((week.end - week.start) / 3_600_000).toBe(hours);

    // A toil entry through the night of the change counts its elapsed minutes, not wall-clock ones.
    const night: WorkEntry = { start: at(`${sunday}T00:30`, timeZone), minutes: 240, category: "toil" };
    const result = computeAccounting({ ...input({ timeZone }), period: week, entries: [night] });
    expectAccounting(result, expected({ afterHours: 240 }));
  });
});

describe("weeklyAccounting", () => {
  const facts = {
    timeZone: BERLIN,
    workPattern: DEFAULT_WORK_PATTERN,
    absences: [leave("2026-03-18T00:00", "2026-03-20T00:00")],
    shifts: [shift("primary", "2026-03-23T09:00", "2026-03-30T09:00")],
    entries: [toil("2026-03-08T23:00", 120), toil("2026-03-11T10:00", 60), toil("2026-03-29T01:30", 60)],
  };
  const weeks = weekWindows(BERLIN, b("2026-03-02T12:00"), 5);

  test("equals one computeAccounting per window", () => {
    const weekly = weeklyAccounting(facts, weeks);
    expect(weekly.map((w) => w.window)).toEqual(weeks);
    for (const { window, accounting } of weekly) {
      expect(accounting).toEqual(computeAccounting({ ...facts, period: window }));
    }
  });

  test("cuts an entry across a week boundary between the two weeks", () => {
    const [first, second] = weeklyAccounting(facts, weeks);
    expect(first?.accounting.afterHours).toBe(60);
    expect(second?.accounting.afterHours).toBe(60);
    expect(second?.accounting.logged).toBe(60);
  });

  test("no windows, no results", () => {
    expect(weeklyAccounting(facts, [])).toEqual([]);
  });
});

describe("accountingIntervals", () => {
  test("exposes the time behind the numbers", () => {
    const intervals = accountingIntervals(input({ entries: [toil("2026-03-04T16:30", 60)] }));
    expect(intervals.logged).toEqual([{ start: b("2026-03-04T16:30"), end: b("2026-03-04T17:00") }]);
    expect(intervals.afterHours).toEqual([{ start: b("2026-03-04T17:00"), end: b("2026-03-04T17:30") }]);
    expect(intervals.scheduled).toHaveLength(5);
  });
});
