import { describe, expect, it } from "vitest";
import { clockFromEnv, startedClock } from "./clock";

describe("server clock", () => {
  it("is the system clock when TOILCAP_CLOCK_START is unset or blank", () => {
    for (const value of [undefined, "", "  "]) {
      const before = Date.now();
      const now = clockFromEnv(value).now().getTime();
      expect(now).toBeGreaterThanOrEqual(before);
      expect(now).toBeLessThanOrEqual(Date.now());
    }
  });

  it("starts at the given instant and runs on at real speed", () => {
    let real = 1_000_000;
    const clock = clockFromEnv("2026-03-30T08:35:00+02:00", () => real);
    expect(clock.now().toISOString()).toBe("2026-03-30T06:35:00.000Z");
    real += 90_000;
    expect(clock.now().toISOString()).toBe("2026-03-30T06:36:30.000Z");
  });

  it.each(["monday", "2026-03-30T08:35:00", "2026-13-40T00:00:00Z"])("refuses %s, naming the variable", (value) => {
    expect(() => clockFromEnv(value)).toThrow(/TOILCAP_CLOCK_START/);
  });

  it("startedClock keeps the offset it was made with", () => {
    let real = 0;
    const clock = startedClock(Date.UTC(2026, 0, 5, 8), () => real);
    real = 60_000;
    expect(clock.now().getTime()).toBe(Date.UTC(2026, 0, 5, 8, 1));
  });
});
