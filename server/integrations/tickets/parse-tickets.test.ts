import { describe, expect, test } from "vitest";
import { parseInstant, parseTicketCsv, type ParsedTicket } from "./parse-tickets";

const BERLIN = "Europe/Berlin";

const PAGERDUTY = [
  "id,incident_number,description,service_name,escalation_policy_name,created_on,resolved_on,urgency,assigned_to_user_emails",
  'Q1ABCDEF,1042,"[FIRING:1] DiskFull on db-1, /var",Postgres,SRE Primary,2025-03-10T14:05:00+01:00,2025-03-10T15:20:00+01:00,high,"ana@example.test,bo@example.test"',
  "Q2GHIJKL,1043,Cert expiring,cert-manager,SRE Primary,2025-03-11 09:00:00,,low,",
].join("\r\n");

const GENERIC = [
  "Ticket ID,Opened,Resolved,Assignee Email,Service,Summary",
  "OPS-1,2025-03-10T08:00:00Z,2025-03-10T09:30:00Z,Ana@Example.test,billing,Rotate keys",
].join("\n");

const ok = (row: ParsedTicket | undefined) => (row?.ok ? row.ticket : null);
const errorsOf = (row: ParsedTicket | undefined) => (row && !row.ok ? row.errors : []);

describe("parseTicketCsv", () => {
  test("reads PagerDuty's incident export: first assignee, offsets honoured, times without one in the given zone", () => {
    const file = parseTicketCsv(PAGERDUTY, BERLIN);
    if (!file.ok) throw new Error(file.message);
    expect(file.format).toBe("pagerduty");
    expect(file.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(ok(file.rows[0])).toEqual({
      externalId: "Q1ABCDEF",
      openedAt: new Date("2025-03-10T13:05:00Z"),
      resolvedAt: new Date("2025-03-10T14:20:00Z"),
      assigneeEmail: "ana@example.test",
      service: "Postgres",
      summary: "[FIRING:1] DiskFull on db-1, /var",
      urgency: "high",
      pagerdutyUsers: [],
    });
    expect(ok(file.rows[1])).toMatchObject({
      externalId: "Q2GHIJKL",
      openedAt: new Date("2025-03-11T08:00:00Z"),
      resolvedAt: null,
      assigneeEmail: null,
      urgency: "low",
    });
  });

  test("reads the generic format by normalised headers, email lower-cased", () => {
    const file = parseTicketCsv(GENERIC, BERLIN);
    if (!file.ok) throw new Error(file.message);
    expect(file.format).toBe("generic");
    expect(ok(file.rows[0])).toEqual({
      externalId: "OPS-1",
      openedAt: new Date("2025-03-10T08:00:00Z"),
      resolvedAt: new Date("2025-03-10T09:30:00Z"),
      assigneeEmail: "ana@example.test",
      service: "billing",
      summary: "Rotate keys",
      urgency: null,
      pagerdutyUsers: [],
    });
  });

  test("reports each bad row with its line and every reason, and duplicate ids within the file", () => {
    const text = [
      "ticket id,opened,resolved,assignee email,service,summary",
      'OPS-1,2025-03-10T08:00:00Z,,,,"two\nlines"',
      "OPS-2,yesterday,2025-03-10T09:00:00Z,not-an-email,,",
      "OPS-3,2025-03-10T10:00:00Z,2025-03-10T09:00:00Z,,,Backwards",
      "OPS-1,2025-03-10T08:00:00Z,,,,Again",
      "OPS-4,2025-03-10T08:00:00Z",
      ",2025-03-10T08:00:00Z,,,,No id",
    ].join("\n");
    const file = parseTicketCsv(text, "UTC");
    if (!file.ok) throw new Error(file.message);
    expect(file.rows.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [4, false],
      [5, false],
      [6, false],
      [7, false],
      [8, false],
    ]);
    expect(errorsOf(file.rows[1])).toEqual([
      '"yesterday" is not a date and time (use ISO 8601, such as 2025-03-10T14:05:00Z).',
      '"not-an-email" is not an email address.',
      "The summary is empty.",
    ]);
    expect(errorsOf(file.rows[2])).toEqual(["It was resolved before it was opened."]);
    expect(errorsOf(file.rows[3])).toEqual(["Ticket OPS-1 is already on line 2."]);
    expect(errorsOf(file.rows[4])).toEqual(["It has 2 fields; the header has 6."]);
    expect(errorsOf(file.rows[5])).toEqual(["The ticket id is empty."]);
  });

  test.each([
    ["", "The file is empty."],
    ["ticket id,opened,summary\n", "The file has a header but no tickets."],
    ["name,when\nx,y", "The header row lacks the columns ticket_id, opened, summary."],
    ['ticket id,opened,summary\n"OPS-1,2025-03-10T08:00:00Z,x', "The file is not valid CSV"],
  ])("refuses a file that cannot be read as a whole: %j", (text, message) => {
    const file = parseTicketCsv(text, "UTC");
    expect(file.ok).toBe(false);
    if (!file.ok) expect(file.message).toContain(message);
  });
});

describe("parseInstant", () => {
  test.each([
    ["2025-03-10T14:05:00Z", BERLIN, "2025-03-10T14:05:00.000Z"],
    ["2025-07-01 12:00:00", BERLIN, "2025-07-01T10:00:00.000Z"],
    ["2025-07-01 12:00:00 -05:00", BERLIN, "2025-07-01T17:00:00.000Z"],
    ["1999-12-31T00:00:00Z", BERLIN, null],
    ["10/03/2025", BERLIN, null],
  ])("%s in %s", (text, zone, expected) => {
    expect(parseInstant(text, zone)?.toISOString() ?? null).toBe(expected);
  });

  test("a wall-clock time the spring change skips moves forward by the gap; a repeated one takes its first occurrence", () => {
    expect(parseInstant("2025-03-30T02:30:00", BERLIN)?.toISOString()).toBe("2025-03-30T01:30:00.000Z");
    expect(parseInstant("2025-10-26 02:30:00", BERLIN)?.toISOString()).toBe("2025-10-26T00:30:00.000Z");
  });

  test("PagerDuty's people columns: ids paired with names by position, assignees before acknowledgers and the resolver", () => {
    const text = [
      "id,incident_number,description,service_name,created_on,resolved_on,urgency,assigned_to_user_ids,assigned_to_user_names,acknowledged_by_user_ids,acknowledged_by_user_names,resolved_by_user_id,resolved_by_user_name",
      'Q1,1,Disk,db,2026-03-05T03:15:00+01:00,,high,"PT3BEN1,PXPGF42","Ben Okafor,Ana Ruiz",PXPGF42,Ana Ruiz,PXPGF42,Ana Ruiz',
      "Q2,2,Cert,cm,2026-03-05T03:15:00+01:00,,low,PONLYID,,,,,",
    ].join("\n");
    const file = parseTicketCsv(text, "UTC");
    if (!file.ok) throw new Error(file.message);
    expect(file.namesPeople).toBe(true);
    expect(ok(file.rows[0])?.pagerdutyUsers).toEqual([
      { id: "PT3BEN1", name: "Ben Okafor", role: "assignee" },
      { id: "PXPGF42", name: "Ana Ruiz", role: "assignee" },
      { id: "PXPGF42", name: "Ana Ruiz", role: "acknowledger" },
      { id: "PXPGF42", name: "Ana Ruiz", role: "resolver" },
    ]);
    expect(ok(file.rows[1])?.pagerdutyUsers).toEqual([{ id: "PONLYID", name: null, role: "assignee" }]);
  });
});
