import { describe, expect, test } from "vitest";
import { parseTicketPayload } from "./webhook-payload";

const body = (fields: Record<string, unknown>) =>
  JSON.stringify({ id: "OPS-1", opened: "2026-11-30T09:12:00Z", summary: "Refund stuck", ...fields });

describe("parseTicketPayload", () => {
  test("reads a full ticket: trimmed, email lower-cased, severity any case", () => {
    const parsed = parseTicketPayload(
      body({
        id: " OPS-1234 ",
        resolved: "2026-11-30T11:00:00+01:00",
        assigneeEmail: " Erik@Example.COM ",
        service: "billing",
        severity: "High",
      }),
    );
    expect(parsed).toEqual({
      ok: true,
      ticket: {
        id: "OPS-1234",
        opened: new Date("2026-11-30T09:12:00Z"),
        resolved: new Date("2026-11-30T10:00:00Z"),
        assigneeEmail: "erik@example.com",
        service: "billing",
        summary: "Refund stuck",
        severity: "high",
      },
    });
  });

  test("optional fields absent, null or blank are none; severity defaults to medium", () => {
    for (const fields of [
      {},
      { resolved: null, assigneeEmail: null, service: null, severity: null },
      { assigneeEmail: "", service: " " },
    ]) {
      expect(parseTicketPayload(body(fields))).toMatchObject({
        ok: true,
        ticket: { resolved: null, assigneeEmail: null, service: null, severity: "medium" },
      });
    }
  });

  test.each([
    ["2026-11-30T09:12:00Z", "2026-11-30T09:12:00.000Z"],
    ["2026-11-30T09:12:00z", "2026-11-30T09:12:00.000Z"],
    ["2026-11-30T10:12:00+01:00", "2026-11-30T09:12:00.000Z"],
    ["2026-11-30T10:12:00.000+0100", "2026-11-30T09:12:00.000Z"],
    ["2026-11-30T04:12-05", "2026-11-30T09:12:00.000Z"],
    ["2026-11-30T09:12:00.123456789Z", "2026-11-30T09:12:00.123Z"],
  ])("opened %s is %s", (opened, expected) => {
    const parsed = parseTicketPayload(body({ opened }));
    expect(parsed.ok ? parsed.ticket.opened.toISOString() : parsed.reason).toBe(expected);
  });

  test.each([
    ["2026-11-30T09:12:00", "opened: must be an ISO 8601 date and time with an offset"],
    ["2026-11-30", "opened: must be an ISO 8601 date and time with an offset"],
    ["2026-11-30 09:12:00Z", "opened: must be an ISO 8601 date and time with an offset"],
    ["30/11/2026 09:12 +01:00", "opened: must be an ISO 8601 date and time with an offset"],
    ["2026-02-30T09:12:00Z", "opened: must be an ISO 8601 date and time with an offset"],
    ["2101-01-01T00:00:00Z", "opened: must be between the years 2000 and 2100"],
  ])("refuses opened %s", (opened, reason) => {
    const parsed = parseTicketPayload(body({ opened }));
    expect(parsed.ok ? "" : parsed.reason).toContain(reason);
  });

  test("names every wrong field, unknown ones included", () => {
    const parsed = parseTicketPayload(JSON.stringify({ id: "", opened: 5, summary: "x", title: "y", priority: 1 }));
    expect(parsed).toEqual({
      ok: false,
      reason:
        "Not a ticket: id: must not be empty; opened: must be an ISO 8601 date and time with an offset; title: is not a field of a ticket; priority: is not a field of a ticket.",
    });
  });

  test.each([["null"], ["[]"], ['"ticket"'], ["42"]])("refuses a body that is not one JSON object: %s", (text) => {
    expect(parseTicketPayload(text)).toEqual({
      ok: false,
      reason: "Not a ticket: the body must be a JSON object holding one ticket.",
    });
  });
});
