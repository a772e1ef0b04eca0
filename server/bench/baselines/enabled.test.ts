import { afterEach, describe, expect, test } from "vitest";
import { benchRoutesEnabled, notFound } from "./enabled";

const saved = process.env.TOILCAP_BENCH;
afterEach(() => {
  if (saved === undefined) delete process.env.TOILCAP_BENCH;
  else process.env.TOILCAP_BENCH = saved;
});

describe("the benchmark's baseline routes", () => {
  test.each([
    [undefined, false],
    ["", false],
    ["0", false],
    ["true", false],
    ["1", true],
  ])("TOILCAP_BENCH=%s: enabled %s", (value, enabled) => {
    if (value === undefined) delete process.env.TOILCAP_BENCH;
    else process.env.TOILCAP_BENCH = value;
    expect(benchRoutesEnabled()).toBe(enabled);
  });

  test("answer a plain 404 when off, like any unknown path", async () => {
    const response = notFound();
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("Not Found");
  });
});
