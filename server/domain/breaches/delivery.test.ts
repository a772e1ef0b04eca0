import { describe, expect, test } from "vitest";
import { isStuckDelivery, MAX_DELIVERY_ATTEMPTS, nextAttemptDue, statusAfterAttempt } from "./delivery";

const DETECTED = Date.parse("2025-03-12T16:00:00Z");
const MINUTE = 60_000;

describe("webhook delivery schedule", () => {
  test.each([
    { made: 0, due: 1 },
    { made: 1, due: 5 },
    { made: 2, due: 20 },
    { made: 3, due: 60 },
    { made: 4, due: 180 },
  ])("after $made attempts the next is due $due minutes after detection", ({ made, due }) => {
    expect(nextAttemptDue(DETECTED, made)).toBe(DETECTED + due * MINUTE);
  });

  test("the delays grow, and after five attempts none is left", () => {
    const dues = [0, 1, 2, 3, 4].map((made) => nextAttemptDue(DETECTED, made) ?? 0);
    for (let i = 1; i < dues.length; i++) expect(dues[i] ?? 0).toBeGreaterThan(dues[i - 1] ?? 0);
    expect(MAX_DELIVERY_ATTEMPTS).toBe(5);
    expect(nextAttemptDue(DETECTED, 5)).toBeNull();
    expect(nextAttemptDue(DETECTED, 6)).toBeNull();
  });

  test.each([
    { attempt: 1, ok: true, status: "sent" },
    { attempt: 1, ok: false, status: "pending" },
    { attempt: 4, ok: false, status: "pending" },
    { attempt: 5, ok: false, status: "failed" },
    { attempt: 5, ok: true, status: "sent" },
  ])("attempt $attempt ok=$ok leaves it $status", ({ attempt, ok, status }) => {
    expect(statusAfterAttempt(attempt, { ok, error: ok ? null : "HTTP 500" })).toBe(status);
  });

  test("an attempt claimed but never reported is given up only well after the last one was due", () => {
    expect(isStuckDelivery(DETECTED, 4, DETECTED + 1000 * MINUTE)).toBe(false);
    expect(isStuckDelivery(DETECTED, 5, DETECTED + 181 * MINUTE)).toBe(false);
    expect(isStuckDelivery(DETECTED, 5, DETECTED + 211 * MINUTE)).toBe(true);
  });
});
