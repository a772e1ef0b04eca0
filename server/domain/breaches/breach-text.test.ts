import { describe, expect, test } from "vitest";
import { breachPercent, breachSentence, lastDayText } from "./breach-text";

const YOURS = { whose: "Your", period: "this month", capOwner: "the team's" };
const DECEMBER_END = new Date("2025-12-31T23:00:00Z"); // midnight starting 1 January in Berlin

describe("breach wording", () => {
  test.each([
    { share: 0.62, cap: 0.5, text: "62%" },
    { share: 0.5049, cap: 0.5, text: "50.4%" },
    { share: 0.50004, cap: 0.5, text: "50.004%" },
    { share: 0.5004, cap: 0.5, text: "50.04%" },
    { share: 0.256, cap: 0.25, text: "26%" },
    { share: 0.2504, cap: 0.25, text: "25.04%" },
    { share: 0.3, cap: 0.25, text: "30%" },
  ])("$share against $cap reads $text", ({ share, cap, text }) => {
    expect(breachPercent(share, cap)).toBe(text);
  });

  test("the period's last day is read on the engineer's calendar", () => {
    expect(lastDayText(DECEMBER_END, "Europe/Berlin")).toBe("31 Dec");
    expect(lastDayText(DECEMBER_END, "UTC")).toBe("31 Dec");
    expect(lastDayText(new Date("2025-04-01T04:00:00Z"), "America/New_York")).toBe("31 Mar");
  });

  test.each([
    {
      breach: { kind: "toil" as const, share: 0.62, cap: 0.5, projected: false },
      text: "Your toil share this month reached 62%, over the team's 50% cap.",
    },
    {
      breach: { kind: "toil" as const, share: 0.58, cap: 0.5, projected: true },
      text: "Your toil share this month is projected to reach 58% by 31 Dec at the scheduled duty, over the team's 50% cap.",
    },
    {
      breach: { kind: "on-call" as const, share: 0.31, cap: 0.25, projected: false },
      text: "Your on-call share this month reached 31%, over the team's 25% cap.",
    },
  ])("$text", ({ breach, text }) => {
    expect(breachSentence({ ...breach, periodEnd: DECEMBER_END, timeZone: "Europe/Berlin" }, YOURS)).toBe(text);
  });

  test("for a team and a named month", () => {
    const text = breachSentence(
      { kind: "toil", share: 0.7, cap: 0.6, projected: false, periodEnd: DECEMBER_END, timeZone: "Europe/Berlin" },
      { whose: "Erika Berg's", period: "in December 2025", capOwner: "Platform SRE's" },
    );
    expect(text).toBe("Erika Berg's toil share in December 2025 reached 70%, over Platform SRE's 60% cap.");
  });
});
