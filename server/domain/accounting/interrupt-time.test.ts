import { describe, expect, it } from "vitest";
import { suggestedInterruptTime } from "./interrupt-time";

const at = (iso: string) => new Date(iso);

describe("suggestedInterruptTime", () => {
  it.each([
    ["still open: ends now, length unknown", "2026-03-04T10:00:00Z", null, null, null],
    ["resolved 45 minutes later", "2026-03-04T10:00:00Z", "2026-03-04T10:45:00Z", "2026-03-04T10:45:00Z", 45],
    // Berlin's clocks go forward at 02:00 local (01:00Z): elapsed time counts, not the wall clock.
    ["across the spring-forward night", "2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z", "2026-03-29T01:30:00Z", 60],
    ["resolved the same minute: one minute", "2026-03-04T10:00:00Z", "2026-03-04T10:00:20Z", "2026-03-04T10:00:20Z", 1],
    [
      "a ticket open for three days: ends at resolution, length is the engineer's",
      "2026-03-01T10:00:00Z",
      "2026-03-04T10:00:00Z",
      "2026-03-04T10:00:00Z",
      null,
    ],
  ])("%s", (_label, opened, resolved, endsAt, minutes) => {
    expect(suggestedInterruptTime(at(opened), resolved ? at(resolved) : null)).toEqual({
      endsAt: endsAt ? at(endsAt) : null,
      minutes,
    });
  });
});
