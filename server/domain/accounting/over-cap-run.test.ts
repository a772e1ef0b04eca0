import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Accounting } from "./types";
import { overCapRun, runMayReachFurther } from "./over-cap-run";

const WEEK = 7 * 24 * 3_600_000;
const START = Date.UTC(2025, 0, 6);

/** Weeks with these toil shares (null: no worked time), oldest first. */
/** "monday": a running week of 25 minutes logged before the workday, 100% of a provisional share. */
function weeks(shares: Array<number | null | "monday">) {
  return shares.map((entry, index) => {
    if (entry === "monday") {
      const accounting: Accounting = {
        scheduled: 0,
        duty: 0,
        onCallDuty: 0,
        logged: 0,
        afterHours: 25,
        operational: 25,
        worked: 25,
        toilShare: 1,
        onCallShare: 0,
      };
      return { window: { start: START + index * WEEK, end: START + (index + 1) * WEEK }, accounting };
    }
    const share = entry;
    const worked = share === null ? 0 : 2400;
    const accounting: Accounting = {
      scheduled: worked,
      duty: 0,
      onCallDuty: 0,
      logged: (share ?? 0) * worked,
      afterHours: 0,
      operational: (share ?? 0) * worked,
      worked,
      toilShare: share ?? 0,
      onCallShare: 0,
    };
    return { window: { start: START + index * WEEK, end: START + (index + 1) * WEEK }, accounting };
  });
}

describe("overCapRun: the current run of weeks over the cap", () => {
  test.each([
    { name: "last week under: no run", shares: [0.7, 0.7, 0.4], run: null },
    { name: "exactly at the cap is not over", shares: [0.7, 0.5], run: null },
    { name: "the last two over", shares: [0.2, 0.6, 0.7], run: { first: 1, weeks: 2, atLeast: false } },
    {
      name: "a week without work neither breaks nor extends it",
      shares: [0.2, 0.6, null, 0.7],
      run: { first: 1, weeks: 2, atLeast: false },
    },
    {
      name: "a running week with no work yet: judged on the weeks before",
      shares: [0.6, 0.9, null],
      run: { first: 0, weeks: 2, atLeast: true },
    },
    {
      name: "over in every week looked at: at least that long",
      shares: [0.6, 0.6, 0.6],
      run: { first: 0, weeks: 3, atLeast: true },
    },
    { name: "no weeks", shares: [], run: null },
    {
      name: "a running week of 25 minutes at 100%: provisional, judged on the weeks before",
      shares: [0.2, 0.3, "monday" as const],
      run: null,
    },
  ] satisfies Array<{
    name: string;
    shares: Array<number | null | "monday">;
    run: { first: number; weeks: number; atLeast: boolean } | null;
  }>)("$name", ({ shares, run }) => {
    const result = overCapRun(weeks(shares), 0.5);
    expect(result).toEqual(
      run && { since: new Date(START + run.first * WEEK), weeks: run.weeks, atLeast: run.atLeast },
    );
  });
});

describe("runMayReachFurther: whether older weeks could change the run", () => {
  test.each([
    { shares: [0.7, 0.4], further: false },
    { shares: [0.4, 0.7], further: false },
    { shares: [0.7, 0.7], further: true },
    { shares: [0.4, null], further: false },
    { shares: [null, null], further: true },
    { shares: [], further: true },
  ])("$shares: $further", ({ shares, further }) => {
    expect(runMayReachFurther(weeks(shares), 0.5)).toBe(further);
  });

  test("when it says no, the recent weeks alone give the same run as with any older weeks before them", () => {
    const share = fc.option(fc.constantFrom(0.2, 0.5, 0.51, 0.8), { nil: null });
    fc.assert(
      fc.property(fc.array(share, { maxLength: 8 }), fc.array(share, { maxLength: 8 }), (older, recent) => {
        const all = weeks([...older, ...recent]);
        const tail = all.slice(older.length);
        if (!runMayReachFurther(tail, 0.5)) expect(overCapRun(tail, 0.5)).toEqual(overCapRun(all, 0.5));
      }),
      { numRuns: 500 },
    );
  });
});
