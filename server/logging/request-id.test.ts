import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { loggablePath, requestIdOf } from "./request-id";

describe("requestIdOf", () => {
  test.each([
    ["3f2b8c1e-9a4d-4e2a-8b1c-0d9e8f7a6b5c", "kept"],
    ["lb-1234567890", "kept"],
    [null, "new"],
    ["", "new"],
    ["short", "new"],
    ["has spaces in it", "new"],
    ["x".repeat(129), "new"],
    ["line\nbreak-injected", "new"],
  ])("%j is %s", (incoming, outcome) => {
    const id = requestIdOf(incoming);
    if (outcome === "kept") expect(id).toBe(incoming);
    else expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("loggablePath", () => {
  test.each([
    ["/api/integrations/alertmanager/s3cr3t-value", "/api/integrations/alertmanager/[redacted]"],
    ["/api/integrations/tickets/abc", "/api/integrations/tickets/[redacted]"],
    ["/api/calendar/feed-token.ics", "/api/calendar/[redacted]"],
    ["/reports?period=month", "/reports?period=month"],
    ["/api/v1/reports/toil?team=t1&token=abc", "/api/v1/reports/toil?team=t1&token=[redacted]"],
    ["/sign-in?callbackURL=%2Fweek", "/sign-in?callbackURL=%2Fweek"],
    ["/reset-password?token=abc", "/reset-password?token=[redacted]"],
    ["/api/auth/reset?code=123&state=x", "/api/auth/reset?code=[redacted]&state=[redacted]"],
  ])("%s is logged as %s", (path, logged) => {
    expect(loggablePath(new URL(path, "http://localhost"))).toBe(logged);
  });

  test("a webhook secret never reaches the log, whatever it is", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
        fc.constantFrom("alertmanager", "tickets"),
        (secret, kind) => {
          expect(loggablePath(new URL(`/api/integrations/${kind}/${secret}`, "http://localhost"))).toBe(
            `/api/integrations/${kind}/[redacted]`,
          );
        },
      ),
    );
  });
});
