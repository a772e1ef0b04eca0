import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { aggregateTeam } from "./team";
import type { Accounting } from "./types";

function member(scheduled: number, duty: number, onCallDuty: number, logged: number, afterHours: number): Accounting {
  const operational = duty + logged + afterHours;
  const worked = scheduled + afterHours;
  return {
    scheduled,
    duty,
    onCallDuty,
    logged,
    afterHours,
    operational,
    worked,
    toilShare: worked > 0 ? operational / worked : 0,
    onCallShare: worked > 0 ? onCallDuty / worked : 0,
  };
}

describe("aggregateTeam", () => {
  test("weighs by worked time: the sum of operational over the sum of worked, not the mean of shares", () => {
    const fullTimeOnCall = member(2400, 1920, 1920, 0, 0); // 80 %
    const partTimeQuiet = member(600, 0, 0, 0, 0); // 0 %
    const team = aggregateTeam([fullTimeOnCall, partTimeQuiet]);
    expect(team.toilShare).toBeCloseTo(1920 / 3000, 12);
    expect(team.toilShare).not.toBeCloseTo(0.4, 3);
    expect(team.onCallShare).toBeCloseTo(1920 / 3000, 12);
    expect(team.worked).toBe(3000);
    expect(team.scheduled).toBe(3000);
  });

  test("sums every duration", () => {
    const team = aggregateTeam([member(2400, 480, 0, 60, 30), member(1920, 0, 0, 120, 90)]);
    expect(team).toMatchObject({
      scheduled: 4320,
      duty: 480,
      onCallDuty: 0,
      logged: 180,
      afterHours: 120,
      operational: 780,
      worked: 4440,
    });
  });

  test("an empty team or one that worked nothing has shares 0", () => {
    expect(aggregateTeam([])).toEqual(member(0, 0, 0, 0, 0));
    expect(aggregateTeam([member(0, 0, 0, 0, 0)]).toilShare).toBe(0);
  });

  test("the team share lies between its members' lowest and highest shares", () => {
    const memberArb = fc
      .record({
        scheduled: fc.integer({ min: 0, max: 2400 }),
        dutyPart: fc.double({ min: 0, max: 1, noNaN: true }),
        loggedPart: fc.double({ min: 0, max: 1, noNaN: true }),
        afterHours: fc.integer({ min: 0, max: 600 }),
      })
      .map(({ scheduled, dutyPart, loggedPart, afterHours }) => {
        const duty = Math.floor(scheduled * dutyPart);
        return member(scheduled, duty, duty, Math.floor((scheduled - duty) * loggedPart), afterHours);
      });
    fc.assert(
      fc.property(fc.array(memberArb, { minLength: 1, maxLength: 8 }), (members) => {
        const working = members.filter((m) => m.worked > 0);
        const team = aggregateTeam(members);
        const shares = working.map((m) => m.toilShare);
        expect(team.toilShare).toBeGreaterThanOrEqual(working.length === 0 ? 0 : Math.min(...shares) - 1e-12);
        expect(team.toilShare).toBeLessThanOrEqual(working.length === 0 ? 0 : Math.max(...shares) + 1e-12);
      }),
      { numRuns: 200 },
    );
  });
});
