import { describe, expect, test } from "vitest";
import { requestedPage, safeNextPath, signInHref } from "./next-path";

describe("safeNextPath: where sign-in may send someone back to", () => {
  test.each([
    ["/reports/trend", "/reports/trend"],
    [
      "/reports?team=6f1c0e1e-0000-4000-8000-000000000001&period=month",
      "/reports?team=6f1c0e1e-0000-4000-8000-000000000001&period=month",
    ],
    ["/settings#members", "/settings#members"],
    ["/rotations/../settings", "/settings"],
  ])("keeps the path on this site %s", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  test.each([
    "//evil.com",
    "//evil.com/reports",
    "https://evil.com",
    "https://evil.com/reports",
    "http:evil.com",
    "/\\evil.com",
    "\\\\evil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "javascript:alert(1)",
    "data:text/html,hi",
    "evil.com",
    "reports",
    "",
    " /reports",
    "/sign-in?next=/reports",
    "/sign-up",
  ])("refuses %j and goes home", (next) => {
    expect(safeNextPath(next)).toBe("/");
  });

  test("no value, several values and very long values go home or take the first", () => {
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath(null)).toBe("/");
    expect(safeNextPath(["/week", "//evil.com"])).toBe("/week");
    expect(safeNextPath(["//evil.com", "/week"])).toBe("/");
    expect(safeNextPath(`/${"a".repeat(3000)}`)).toBe("/");
  });
});

describe("the page a signed-out visit asked for", () => {
  test("keeps the path and query but not Next's own _rsc marker", () => {
    expect(requestedPage(new URL("http://toilcap.test/reports/trend?team=x&_rsc=abc"))).toBe("/reports/trend?team=x");
    expect(requestedPage(new URL("http://toilcap.test/"))).toBe("/");
  });

  test("the sign-in link carries it, encoded, and home needs none", () => {
    expect(signInHref("/reports/trend?period=month")).toBe("/sign-in?next=%2Freports%2Ftrend%3Fperiod%3Dmonth");
    expect(signInHref("/")).toBe("/sign-in");
    expect(signInHref("//evil.com")).toBe("/sign-in");
  });
});
