import { describe, expect, test } from "vitest";
import { DEFAULT_SWEEP_SECONDS, sweepSeconds } from "./sweep-schedule";

describe("TOILCAP_BREACH_SWEEP_SECONDS", () => {
  test.each([
    { value: undefined, seconds: 600 },
    { value: "", seconds: 600 },
    { value: "  ", seconds: 600 },
    { value: "0", seconds: 0 },
    { value: "60", seconds: 60 },
    { value: " 300 ", seconds: 300 },
  ])("$value sweeps every $seconds s", ({ value, seconds }) => {
    expect(sweepSeconds(value)).toEqual({ seconds });
  });

  test.each(["-1", "1.5", "ten", "10m", "NaN"])("%s is refused with the reason", (value) => {
    const result = sweepSeconds(value);
    expect("error" in result && result.error).toMatch(
      /TOILCAP_BREACH_SWEEP_SECONDS must be a whole number of seconds \(0 turns the sweep off\)/,
    );
  });

  test("the default is ten minutes", () => {
    expect(DEFAULT_SWEEP_SECONDS).toBe(600);
  });
});
