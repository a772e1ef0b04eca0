import { describe, expect, test } from "vitest";
import { suggestedTicketMinutes } from "./suggested-ticket-minutes";

const OPENED = new Date("2026-03-04T09:00:00Z");
const after = (minutes: number) => new Date(OPENED.getTime() + minutes * 60_000);

describe("suggestedTicketMinutes", () => {
  test.each([
    ["still open", null, 30],
    ["resolved after three days", after(3 * 24 * 60), 30],
    ["resolved after 12 minutes", after(12), 12],
    ["resolved the second it opened", OPENED, 1],
    ["resolved after 29.6 minutes", after(29.6), 30],
  ])("%s: %i min", (_case, resolvedAt, expected) => {
    expect(suggestedTicketMinutes(OPENED, resolvedAt)).toBe(expected);
  });
});
