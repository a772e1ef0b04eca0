import { describe, expect, test } from "vitest";
import { parseEnv } from "./env";

describe("the environment, validated once at start", () => {
  test("the embedded try-out needs nothing set, and gets the documented defaults", () => {
    const parsed = parseEnv({});
    expect(parsed).toMatchObject({
      ok: true,
      env: { PORT: 3000, TOILCAP_SEED: "none", TOILCAP_SIGN_IN_LIMIT: 10, TOILCAP_TRUSTED_PROXIES: [] },
    });
  });

  test.each([
    [{ NODE_ENV: "production" }],
    [{ DATABASE_URL: "postgres://toilcap@db/toilcap" }],
    [{ NODE_ENV: "production", DATABASE_URL: "postgres://toilcap@db/toilcap", BETTER_AUTH_URL: " " }],
  ])("%o without BETTER_AUTH_URL is refused, naming it", (source) => {
    const parsed = parseEnv(source);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems.join("\n")).toMatch(/^BETTER_AUTH_URL: is required/m);
  });

  test.each([
    ["BETTER_AUTH_URL", "toil.example.com"],
    ["TOILCAP_TRUSTED_PROXIES", "10.0.0.1, proxy.internal"],
    ["TOILCAP_TRUSTED_PROXIES", "10.0.0.0/33"],
    ["TOILCAP_SEED", "yes"],
    ["PORT", "eighty"],
    ["BETTER_AUTH_SECRET", "short"],
    ["DATABASE_URL", "mysql://x"],
    ["TOILCAP_CONCURRENT_REQUESTS", "0"],
    ["TOILCAP_CONCURRENT_REQUESTS", "2.5"],
  ])("%s=%s is refused, naming the variable", (name, value) => {
    const parsed = parseEnv({ [name]: value });
    expect(parsed.ok ? [] : parsed.problems.some((problem) => problem.startsWith(`${name}: `))).toBe(true);
  });

  test("requests at once: the engine's default unless set", () => {
    const unset = parseEnv({});
    expect(unset.ok && unset.env.TOILCAP_CONCURRENT_REQUESTS).toBeUndefined();
    expect(parseEnv({ TOILCAP_CONCURRENT_REQUESTS: "8" })).toMatchObject({
      ok: true,
      env: { TOILCAP_CONCURRENT_REQUESTS: 8 },
    });
  });

  test("trusted proxies are addresses and CIDR ranges of either family", () => {
    const parsed = parseEnv({ TOILCAP_TRUSTED_PROXIES: "10.0.0.0/8, 192.0.2.7,fd00::/8" });
    expect(parsed).toMatchObject({
      ok: true,
      env: {
        TOILCAP_TRUSTED_PROXIES: [
          { network: "10.0.0.0", prefix: 8 },
          { address: "192.0.2.7" },
          { network: "fd00::", prefix: 8 },
        ],
      },
    });
  });
});
