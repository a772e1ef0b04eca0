import { NextRequest } from "next/server";
import { afterEach, describe, expect, test, vi } from "vitest";
import { proxy } from "@/proxy";
import { STRICT_TRANSPORT_SECURITY } from "./content-security-policy";

/** The proxy's HTTPS decisions: HSTS and upgrade-insecure-requests follow the public address, never a client's claim alone. */
function pageRequest(headers: Record<string, string>): NextRequest {
  return new NextRequest("http://toilcap.example.com/sign-in", {
    headers: { host: "toilcap.example.com", ...headers },
  });
}

afterEach(() => vi.unstubAllEnvs());

describe("HSTS and upgrade-insecure-requests", () => {
  test("BETTER_AUTH_URL on https: every page carries HSTS and upgrades insecure requests", () => {
    vi.stubEnv("BETTER_AUTH_URL", "https://toilcap.example.com");
    const response = proxy(pageRequest({}));
    expect(response.headers.get("strict-transport-security")).toBe(STRICT_TRANSPORT_SECURITY);
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  test("BETTER_AUTH_URL on http: a forged X-Forwarded-Proto adds neither", () => {
    vi.stubEnv("BETTER_AUTH_URL", "http://toilcap.example.com");
    const response = proxy(pageRequest({ "x-forwarded-proto": "https" }));
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expect(response.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
  });

  test("no configured address: the TLS proxy's X-Forwarded-Proto decides", () => {
    vi.stubEnv("BETTER_AUTH_URL", "");
    expect(proxy(pageRequest({ "x-forwarded-proto": "https" })).headers.get("strict-transport-security")).toBe(
      STRICT_TRANSPORT_SECURITY,
    );
    expect(proxy(pageRequest({ "x-forwarded-proto": "http" })).headers.get("strict-transport-security")).toBeNull();
  });
});
