import { describe, expect, test } from "vitest";
import { DateTime } from "luxon";
import { DomainError } from "../errors";
import { accountingWindow } from "./share-window";

const BERLIN = "Europe/Berlin";
const at = (iso: string, zone = BERLIN) => DateTime.fromISO(iso, { zone }).toJSDate();
const ms = (iso: string, zone = BERLIN) => at(iso, zone).getTime();
// Wednesday 26 March 2025, 15:00 Berlin: its week ends with the change to summer time (Sunday 30 March).
const NOW = at("2025-03-26T15:00");

describe("accountingWindow: the period on the viewer's calendar, counted up to now", () => {
  test.each([
    { kind: "week" as const, from: "2025-03-24T00:00", to: "2025-03-31T00:00" },
    { kind: "month" as const, from: "2025-03-01T00:00", to: "2025-04-01T00:00" },
    { kind: "quarter" as const, from: "2025-01-01T00:00", to: "2025-04-01T00:00" },
    // 90 local days, today included: 27 December to 26 March.
    { kind: "rolling90" as const, from: "2024-12-27T00:00", to: "2025-03-27T00:00" },
  ])("this $kind", ({ kind, from, to }) => {
    const window = accountingWindow({ period: kind }, NOW, BERLIN);
    expect(window.period).toEqual({ start: ms(from), end: ms(to) });
    expect(window.accounted).toEqual({ start: ms(from), end: NOW.getTime() });
  });

  test("a rolling 90 days across the change to summer time is 90 days less one hour", () => {
    const { period } = accountingWindow({ period: "rolling90", at: at("2025-04-02T12:00") }, NOW, BERLIN);
    expect(period.start).toBe(ms("2025-01-03T00:00"));
    expect(period.end - period.start).toBe((90 * 24 - 1) * 3_600_000);
  });

  test("`at` picks another period; a past one counts whole, a future one counts nothing", () => {
    const past = accountingWindow({ period: "week", at: at("2025-03-12T12:00") }, NOW, BERLIN);
    expect(past.accounted).toEqual({ start: ms("2025-03-10T00:00"), end: ms("2025-03-17T00:00") });
    const future = accountingWindow({ period: "month", at: at("2025-05-02T12:00") }, NOW, BERLIN);
    expect(future.accounted).toEqual({ start: ms("2025-05-01T00:00"), end: ms("2025-05-01T00:00") });
  });

  test("the calendar is the given zone's", () => {
    const { period } = accountingWindow({ period: "week" }, NOW, "America/New_York");
    expect(period).toEqual({
      start: ms("2025-03-24T00:00", "America/New_York"),
      end: ms("2025-03-31T00:00", "America/New_York"),
    });
  });

  test("a custom range is taken as given, cut at now; an empty or over-long one is refused at `to`", () => {
    const custom = accountingWindow(
      { period: "custom", from: at("2025-03-01T00:00"), to: at("2025-04-01T00:00") },
      NOW,
      BERLIN,
    );
    expect(custom.accounted).toEqual({ start: ms("2025-03-01T00:00"), end: NOW.getTime() });
    const refusals = [
      { from: at("2025-03-02T00:00"), to: at("2025-03-01T00:00") },
      { from: at("2025-03-01T00:00") },
      { from: at("2020-01-01T00:00"), to: at("2025-01-01T00:00") },
    ];
    for (const range of refusals) {
      expect(() => accountingWindow({ period: "custom", ...range }, NOW, BERLIN)).toThrow(DomainError);
      try {
        accountingWindow({ period: "custom", ...range }, NOW, BERLIN);
      } catch (error) {
        expect(error instanceof DomainError && error.field).toBe("to");
      }
    }
  });
});
