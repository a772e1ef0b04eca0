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

/** What Chromium sends when it loads a page as a document (the switcher's form, a typed or mailed link). */
const DOCUMENT = { "sec-fetch-dest": "document", "sec-fetch-mode": "navigate", accept: "text/html,*/*;q=0.8" };
/** What Next's router sends when it fetches a page for a link in view or a click; its own headers are stripped. */
const ROUTER_FETCH = { "sec-fetch-dest": "empty", "sec-fetch-mode": "cors", accept: "*/*" };

describe("the team chosen by ?team=", () => {
  test("a page loaded with a team's id remembers it for a year, for this very request too", () => {
    const response = proxy(request(`/reports?team=${TEAM}&period=month`, { headers: DOCUMENT }));
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toContain(`${TEAM_COOKIE}=${TEAM.toLowerCase()}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=31536000/);
    expect(response.headers.get("x-middleware-request-cookie")).toContain(`${TEAM_COOKIE}=${TEAM.toLowerCase()}`);
  });

  test("over plain HTTP, where browsers send no Sec-Fetch headers, a request for HTML is a page load", () => {
    const response = proxy(request(`/rotations?team=${TEAM}`, { headers: { accept: "text/html,*/*;q=0.8" } }));
    expect(response.headers.get("set-cookie") ?? "").toContain(`${TEAM_COOKIE}=${TEAM.toLowerCase()}`);
  });

  test("a fetch by Next's router shows the team on that page only, and chooses nothing", () => {
    const response = proxy(request(`/reports?team=${TEAM}`, { headers: ROUTER_FETCH }));
    expect(response.headers.get("set-cookie") ?? "").not.toContain(TEAM_COOKIE);
    expect(response.headers.get("x-middleware-request-cookie")).toContain(`${TEAM_COOKIE}=${TEAM.toLowerCase()}`);
  });

  test.each([
    ["a fetch with no Sec-Fetch headers", request(`/reports?team=${TEAM}`, { headers: { accept: "*/*" } })],
    [
      "a browser's speculative prefetch",
      request(`/reports?team=${TEAM}`, { headers: { ...DOCUMENT, "sec-purpose": "prefetch" } }),
    ],
    [
      "a browser's prerender",
      request(`/reports?team=${TEAM}`, { headers: { ...DOCUMENT, "sec-purpose": "prefetch;prerender" } }),
    ],
    ["a value that is not a team's id", request("/reports?team=%3Cscript%3E", { headers: DOCUMENT })],
    ["an API call", request(`/api/v1/reports/toil?team=${TEAM}`, { headers: DOCUMENT })],
    ["a form post", request(`/settings?team=${TEAM}`, { method: "POST", headers: DOCUMENT })],
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
