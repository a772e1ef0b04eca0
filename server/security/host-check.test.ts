import { NextRequest } from "next/server";
import { afterEach, describe, expect, test, vi } from "vitest";
import { proxy } from "@/proxy";
import { hostRefusal } from "./host-check";

afterEach(() => vi.unstubAllEnvs());

describe("requests for another host (DNS rebinding)", () => {
  test.each([
    ["our host", "toil.example.com", null],
    ["our host, any case", "TOIL.example.com", null],
    ["a rebinding attacker's host", "evil.example", "refused"],
    ["our host on another port", "toil.example.com:8080", "refused"],
    ["no host", "", "refused"],
  ])("%s", (_case, host, verdict) => {
    const refusal = hostRefusal(new Headers(host ? { host } : {}), { BETTER_AUTH_URL: "https://toil.example.com" });
    expect(refusal === null ? null : "refused").toBe(verdict);
  });

  test("without a public address (the local try-out) every host is served", () => {
    expect(hostRefusal(new Headers({ host: "evil.example" }), {})).toBeNull();
  });

  test("the proxy answers 421 for another Host before any route runs, and serves ours", () => {
    vi.stubEnv("BETTER_AUTH_URL", "http://toil.example.com");
    const rebinding = proxy(
      new NextRequest("http://evil.example/api/trpc/workLog.create", {
        method: "POST",
        headers: { host: "evil.example" },
      }),
    );
    expect(rebinding.status).toBe(421);
    const ours = proxy(new NextRequest("http://toil.example.com/sign-in", { headers: { host: "toil.example.com" } }));
    expect(ours.status).toBe(200);
  });
});
