import { describe, expect, test } from "vitest";
import type { Accounting } from "./types";
import { capStanding, toilShareParts } from "./cap-standing";

function accounting(minutes: {
  scheduled: number;
  duty: number;
  onCallDuty: number;
  logged: number;
  afterHours: number;
}): Accounting {
  const operational = minutes.duty + minutes.logged + minutes.afterHours;
  const worked = minutes.scheduled + minutes.afterHours;
  return {
    ...minutes,
    operational,
    worked,
    toilShare: worked > 0 ? operational / worked : 0,
    onCallShare: worked > 0 ? minutes.onCallDuty / worked : 0,
  };
}

const CAPS = { toilCap: 0.5, onCallCap: 0.25 };

describe("toil share parts and cap standing", () => {
  test.each([
    {
      name: "a week on call with a night page",
      minutes: { scheduled: 2400, duty: 2400, onCallDuty: 2400, logged: 0, afterHours: 30 },
      parts: { duty: 2400 / 2430, logged: 0, afterHours: 30 / 2430 },
      toil: { over: true, overBy: 0.5, overByMinutes: 1215, provisional: false },
      onCall: { over: true, overBy: 2400 / 2430 - 0.25, overByMinutes: 2400 - 607.5 },
    },
    {
      name: "a project week with a little toil",
      minutes: { scheduled: 2400, duty: 0, onCallDuty: 0, logged: 240, afterHours: 0 },
      parts: { duty: 0, logged: 0.1, afterHours: 0 },
      toil: { over: false, overBy: 0, overByMinutes: 0, provisional: false },
      onCall: { over: false, overBy: 0, overByMinutes: 0 },
    },
    {
      name: "exactly at the cap is not over",
      minutes: { scheduled: 2400, duty: 600, onCallDuty: 600, logged: 600, afterHours: 0 },
      parts: { duty: 0.25, logged: 0.25, afterHours: 0 },
      toil: { over: false, overBy: 0, overByMinutes: 0, provisional: false },
      onCall: { over: false, overBy: 0, overByMinutes: 0 },
    },
    {
      name: "25 minutes before the workday on a Monday: provisional, never over",
      minutes: { scheduled: 0, duty: 0, onCallDuty: 0, logged: 0, afterHours: 25 },
      parts: { duty: 0, logged: 0, afterHours: 1 },
      toil: { over: false, overBy: 0, overByMinutes: 0, provisional: true },
      onCall: { over: false, overBy: 0, overByMinutes: 0 },
    },
    {
      name: "a morning on call: provisional below one working day",
      minutes: { scheduled: 479, duty: 479, onCallDuty: 479, logged: 0, afterHours: 0 },
      parts: { duty: 1, logged: 0, afterHours: 0 },
      toil: { over: false, overBy: 0, overByMinutes: 0, provisional: true },
      onCall: { over: false, overBy: 0, overByMinutes: 0 },
    },
    {
      name: "a whole working day on call counts",
      minutes: { scheduled: 480, duty: 480, onCallDuty: 480, logged: 0, afterHours: 0 },
      parts: { duty: 1, logged: 0, afterHours: 0 },
      toil: { over: true, overBy: 0.5, overByMinutes: 240, provisional: false },
      onCall: { over: true, overBy: 0.75, overByMinutes: 360 },
    },
    {
      name: "nothing worked",
      minutes: { scheduled: 0, duty: 0, onCallDuty: 0, logged: 0, afterHours: 0 },
      parts: { duty: 0, logged: 0, afterHours: 0 },
      toil: { over: false, overBy: 0, overByMinutes: 0, provisional: true },
      onCall: { over: false, overBy: 0, overByMinutes: 0 },
    },
  ])("$name", ({ minutes, parts, toil, onCall }) => {
    const numbers = accounting(minutes);
    const result = toilShareParts(numbers);
    expect(result).toEqual(parts);
    expect(result.duty + result.logged + result.afterHours).toBeCloseTo(numbers.toilShare, 12);
    const standing = capStanding(numbers, CAPS);
    expect(standing.toil).toEqual(toil);
    expect(standing.onCall.over).toBe(onCall.over);
    expect(standing.onCall.overBy).toBeCloseTo(onCall.overBy, 12);
    expect(standing.onCall.overByMinutes).toBeCloseTo(onCall.overByMinutes, 9);
  });
});
