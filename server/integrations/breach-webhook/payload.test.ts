import { describe, expect, test } from "vitest";
import { breachPayload, reportUrlOf } from "./payload";

const TEAM = "5f0c8a8e-2b9f-4a57-9d43-0c7a1c2d3e4f";
const event = {
  id: "0b6f3f0a-7e62-4a53-a6d1-000000000001",
  team: { id: TEAM, name: "Platform SRE", timeZone: "America/New_York" },
  engineer: { id: "p1", name: "Dana Kim", email: "dana@example.test", timeZone: "America/New_York" },
  kind: "on-call" as const,
  share: 0.31,
  cap: 0.25,
  projected: true,
  periodStart: new Date("2025-03-01T05:00:00Z"),
  periodEnd: new Date("2025-04-01T04:00:00Z"),
  detectedAt: new Date("2025-03-12T16:00:00Z"),
};

describe("the breach webhook's JSON", () => {
  test("a team in Berlin with an engineer in New York: the month is the team's, in the team's zone", () => {
    const berlin = {
      ...event,
      team: { ...event.team, timeZone: "Europe/Berlin" },
      periodStart: new Date("2025-02-28T23:00:00Z"),
      periodEnd: new Date("2025-03-31T22:00:00Z"),
    };
    const payload = breachPayload(berlin, "https://toilcap.example.com");
    expect(payload.period).toEqual({
      from: "2025-03-01T00:00:00.000+01:00",
      to: "2025-04-01T00:00:00.000+02:00",
      timeZone: "Europe/Berlin",
    });
    expect(payload.summary).toContain("in March 2025");
    expect(payload.reportUrl).toContain("from=2025-03-01&to=2025-03-31");
  });

  test("the period reads on the team's calendar with its offsets; the report link covers that month", () => {
    expect(breachPayload(event, "https://toilcap.example.com")).toEqual({
      type: "toilcap.cap_breach",
      id: event.id,
      test: false,
      team: { id: TEAM, name: "Platform SRE" },
      engineer: { id: "p1", name: "Dana Kim", email: "dana@example.test" },
      cap: "on-call",
      share: 0.31,
      limit: 0.25,
      projected: true,
      // New York moved to summer time on 9 March: the month starts at -05:00 and ends at -04:00.
      period: {
        from: "2025-03-01T00:00:00.000-05:00",
        to: "2025-04-01T00:00:00.000-04:00",
        timeZone: "America/New_York",
      },
      detectedAt: "2025-03-12T16:00:00.000Z",
      summary:
        "Dana Kim's on-call share in March 2025 is projected to reach 31% by 31 Mar at the scheduled duty, over Platform SRE's 25% cap.",
      reportUrl: `https://toilcap.example.com/reports?team=${TEAM}&period=custom&from=2025-03-01&to=2025-03-31`,
    });
  });

  test.each([
    { base: "", url: `/reports?team=${TEAM}&period=custom&from=2025-03-01&to=2025-03-31` },
    {
      base: "https://toilcap.example.com/",
      url: `https://toilcap.example.com/reports?team=${TEAM}&period=custom&from=2025-03-01&to=2025-03-31`,
    },
    { base: "not a url", url: `/reports?team=${TEAM}&period=custom&from=2025-03-01&to=2025-03-31` },
  ])("reportUrl with base $base", ({ base, url }) => {
    expect(reportUrlOf(TEAM, event.periodStart, event.periodEnd, "America/New_York", base)).toBe(url);
  });
});
