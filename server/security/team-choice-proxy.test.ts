import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { proxy } from "@/proxy";
import { TEAM_COOKIE } from "@/app/_lib/team-cookie";

/** The proxy remembers the team a page was opened with (?team=), and hands the asked-for page on for sign-in's return. */
const TEAM = "6F1C0E1E-0000-4000-8000-000000000001";

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}): NextRequest {
  return new NextRequest(`http://toilcap.example.com${path}`, {
    method: init.method ?? "GET",
    headers: { host: "toilcap.example.com", origin: "http://toilcap.example.com", ...init.headers },
  });
}

beforeEach(() => vi.stubEnv("BETTER_AUTH_URL", "http://toilcap.example.com"));
afterEach(() => vi.unstubAllEnvs());

describe("the team chosen by ?team=", () => {
  test("a page opened with a team's id remembers it for a year, for this very request too", () => {
    const response = proxy(request(`/reports?team=${TEAM}&period=month`));
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toContain(`${TEAM_COOKIE}=${TEAM.toLowerCase()}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=31536000/);
    expect(response.headers.get("x-middleware-request-cookie")).toContain(`${TEAM_COOKIE}=${TEAM.toLowerCase()}`);
  });

  test.each([
    ["a prefetch of a link", request(`/reports?team=${TEAM}`, { headers: { "next-router-prefetch": "1" } })],
    ["a browser's speculative prefetch", request(`/reports?team=${TEAM}`, { headers: { "sec-purpose": "prefetch" } })],
    ["a value that is not a team's id", request("/reports?team=%3Cscript%3E")],
    ["an API call", request(`/api/v1/reports/toil?team=${TEAM}`)],
    ["a form post", request(`/settings?team=${TEAM}`, { method: "POST" })],
  ])("%s chooses nothing", (_label, incoming) => {
    expect(proxy(incoming).headers.get("set-cookie") ?? "").not.toContain(TEAM_COOKIE);
  });
});

describe("the page asked for", () => {
  test("is handed on to the layout with its query, without Next's _rsc marker", () => {
    const response = proxy(request("/reports/trend?period=month&_rsc=x1"));
    expect(response.headers.get("x-middleware-request-x-toilcap-page")).toBe("/reports/trend?period=month");
  });
});
