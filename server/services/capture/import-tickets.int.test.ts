/** The ticket CSV import through its procedures (tickets.preview, tickets.commit) on a real database. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, interrupt } from "@/db/schema";
import { callerAs, makeOrganisation, makePerson, makeTeam } from "@/server/testing/fixtures";
import { codeOf, failureOf } from "@/server/testing/rotation-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";

const NOW = new Date("2025-03-20T12:00:00Z");

let database: Database;
let teamId: string;
let otherTeamId: string;
let people: Record<"manager" | "planner" | "engineer" | "outsider" | "admin", { id: string; email: string }>;

const pagerDutyCsv = () =>
  [
    "id,incident_number,description,service_name,escalation_policy_name,created_on,resolved_on,urgency,assigned_to_user_emails",
    `PD1,1042,"DiskFull on db-1",Postgres,SRE Primary,2025-03-10T14:05:00+01:00,2025-03-10T15:20:00+01:00,high,${people.engineer.email.toUpperCase()}`,
    "PD2,1043,Cert expiring,cert-manager,SRE Primary,2025-03-11T09:00:00Z,,low,",
  ].join("\n");

const genericCsv = (extra: string[] = []) =>
  [
    "ticket id,opened,resolved,assignee email,service,summary",
    `OPS-1,2025-03-12T08:00:00Z,2025-03-12T10:00:00Z,${people.engineer.email},billing,Rotate keys`,
    ...extra,
  ].join("\n");

const as = (personId: string) => callerAs(database.db, personId, () => NOW);

const stored = (source: string) =>
  database.db
    .select()
    .from(interrupt)
    .where(and(eq(interrupt.teamId, teamId), eq(interrupt.source, source)))
    .orderBy(asc(interrupt.externalId));

beforeAll(async () => {
  database = await createTestDatabase();
  const org = await makeOrganisation(database.db);
  teamId = (await makeTeam(database.db, org.id, "Platform")).id;
  otherTeamId = (await makeTeam(database.db, org.id, "Data")).id;
  const make = async (opts: Parameters<typeof makePerson>[2]) => {
    const row = await makePerson(database.db, org.id, opts);
    return { id: row.id, email: row.email };
  };
  people = {
    manager: await make({ teams: [{ teamId, roles: ["manager"] }] }),
    planner: await make({ teams: [{ teamId, roles: ["planner", "engineer"] }] }),
    engineer: await make({ name: "Ana", teams: [{ teamId, roles: ["engineer"] }] }),
    outsider: await make({ teams: [{ teamId: otherTeamId, roles: ["manager", "engineer"] }] }),
    admin: await make({ isAdmin: true }),
  };
});
afterAll(async () => database?.close());

describe(`ticket import on ${testEngine}`, () => {
  test("a preview of PagerDuty's export says what would be stored, credits members by email, and writes nothing", async () => {
    const preview = await (await as(people.manager.id)).tickets.preview({ teamId, csv: pagerDutyCsv() });
    expect(preview).toMatchObject({
      format: "pagerduty",
      source: "pagerduty",
      kind: "page",
      counts: { new: 2, update: 0, duplicate: 0, invalid: 0 },
    });
    expect(preview.rows).toEqual([
      {
        line: 2,
        externalId: "PD1",
        status: "new",
        openedAt: new Date("2025-03-10T13:05:00Z"),
        resolvedAt: new Date("2025-03-10T14:20:00Z"),
        assignee: { personId: people.engineer.id, name: "Ana" },
        credit: "email",
        creditedAs: null,
        service: "Postgres",
        severity: "high",
        summary: "DiskFull on db-1",
      },
      expect.objectContaining({
        line: 3,
        externalId: "PD2",
        status: "new",
        assignee: null,
        credit: "nobody",
        severity: "low",
        resolvedAt: null,
      }),
    ]);
    expect(await stored("pagerduty")).toEqual([]);
  });

  test("only the team's managers and planners (and admins) may import", async () => {
    expect(await codeOf((await as(people.engineer.id)).tickets.preview({ teamId, csv: genericCsv() }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf((await as(people.outsider.id)).tickets.commit({ teamId, csv: genericCsv() }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf((await as(people.planner.id)).tickets.preview({ teamId, csv: genericCsv() }))).toBe("OK");
    expect(await codeOf((await as(people.admin.id)).tickets.preview({ teamId, csv: genericCsv() }))).toBe("OK");
    expect(
      await codeOf(
        callerAs(database.db, null).then((anonymous) => anonymous.tickets.preview({ teamId, csv: genericCsv() })),
      ),
    ).toBe("UNAUTHORIZED");
  });

  test("commit stores every row in one go; importing the same file again creates nothing twice", async () => {
    const manager = await as(people.manager.id);
    expect(await manager.tickets.commit({ teamId, csv: pagerDutyCsv() })).toEqual({
      format: "pagerduty",
      created: 2,
      updated: 0,
      skipped: 0,
    });
    const rows = await stored("pagerduty");
    expect(
      rows.map((r) => ({
        id: r.externalId,
        kind: r.kind,
        severity: r.severity,
        assigneeId: r.assigneeId,
        captureStatus: r.captureStatus,
        service: r.service,
      })),
    ).toEqual([
      {
        id: "PD1",
        kind: "page",
        severity: "high",
        assigneeId: people.engineer.id,
        captureStatus: "captured",
        service: "Postgres",
      },
      { id: "PD2", kind: "page", severity: "low", assigneeId: null, captureStatus: null, service: "cert-manager" },
    ]);
    expect(rows[0]?.openedAt).toEqual(new Date("2025-03-10T13:05:00Z"));

    expect(await manager.tickets.commit({ teamId, csv: pagerDutyCsv() })).toEqual({
      format: "pagerduty",
      created: 0,
      updated: 0,
      skipped: 2,
    });
    expect(await stored("pagerduty")).toHaveLength(2);
    const again = await manager.tickets.preview({ teamId, csv: pagerDutyCsv() });
    expect(again.counts).toEqual({ new: 0, update: 0, duplicate: 2, invalid: 0 });
  });

  test("a later export overlapping an earlier one adds only the new tickets; ids are per source and per team", async () => {
    const planner = await as(people.planner.id);
    expect(await planner.tickets.commit({ teamId, csv: genericCsv() })).toEqual({
      format: "generic",
      created: 1,
      updated: 0,
      skipped: 0,
    });
    const later = genericCsv([
      "OPS-2,2025-03-13T08:00:00Z,,,,Restart queue",
      "PD1,2025-03-13T09:00:00Z,,,,Same id as a PagerDuty incident",
    ]);
    expect(await planner.tickets.commit({ teamId, csv: later })).toEqual({
      format: "generic",
      created: 2,
      updated: 0,
      skipped: 1,
    });
    expect((await stored("csv")).map((r) => [r.externalId, r.kind])).toEqual([
      ["OPS-1", "ticket"],
      ["OPS-2", "ticket"],
      ["PD1", "ticket"],
    ]);
    // Another team's identical file is its own.
    expect(
      await (await as(people.outsider.id)).tickets.commit({
        teamId: otherTeamId,
        csv: "ticket id,opened,summary\nOPS-1,2025-03-12T08:00:00Z,Theirs",
      }),
    ).toEqual({
      format: "generic",
      created: 1,
      updated: 0,
      skipped: 0,
    });
  });

  test("re-importing a later export records the resolution of a ticket stored open, once, and never duplicates it", async () => {
    const manager = await as(people.manager.id);
    const header = "ticket id,opened,resolved,assignee email,service,summary";
    const open = [
      header,
      `OPS-20,2025-03-15T08:00:00Z,,${people.engineer.email},billing,Stuck refund`,
      "OPS-21,2025-03-15T09:00:00Z,,,,Still open",
    ].join("\n");
    expect(await manager.tickets.commit({ teamId, csv: open })).toEqual({
      format: "generic",
      created: 2,
      updated: 0,
      skipped: 0,
    });
    const [stored20] = (await stored("csv")).filter((r) => r.externalId === "OPS-20");
    // The engineer confirms the captured ticket before the later export arrives: that stays as it is.
    await (await as(people.engineer.id)).capture.confirm({ interruptId: stored20?.id ?? "", minutes: 45 });

    const later = [
      header,
      `OPS-20,2025-03-15T08:00:00Z,2025-03-15T11:30:00+01:00,${people.engineer.email},billing,Stuck refund (renamed)`,
      "OPS-21,2025-03-15T09:00:00Z,,,,Still open",
      "OPS-22,2025-03-16T09:00:00Z,2025-03-16T10:00:00Z,,,New one",
    ].join("\n");
    const preview = await manager.tickets.preview({ teamId, csv: later });
    expect(preview.counts).toEqual({ new: 1, update: 1, duplicate: 1, invalid: 0 });
    expect(preview.rows.map((r) => [r.line, r.externalId, r.status])).toEqual([
      [2, "OPS-20", "update"],
      [3, "OPS-21", "duplicate"],
      [4, "OPS-22", "new"],
    ]);
    expect(preview.rows[0]).toMatchObject({ resolvedAt: new Date("2025-03-15T10:30:00Z") });
    expect((await stored("csv")).find((r) => r.externalId === "OPS-20")?.resolvedAt).toBeNull();

    expect(await manager.tickets.commit({ teamId, csv: later })).toEqual({
      format: "generic",
      created: 1,
      updated: 1,
      skipped: 1,
    });
    const after = await stored("csv");
    expect(
      after
        .filter((r) => ["OPS-20", "OPS-21", "OPS-22"].includes(r.externalId ?? ""))
        .map((r) => [r.externalId, r.resolvedAt, r.summary, r.captureStatus]),
    ).toEqual([
      ["OPS-20", new Date("2025-03-15T10:30:00Z"), "Stuck refund", "confirmed"],
      ["OPS-21", null, "Still open", null],
      ["OPS-22", new Date("2025-03-16T10:00:00Z"), "New one", null],
    ]);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, stored20?.id ?? ""), eq(auditLog.action, "interrupt.import-update")));
    expect(audit.map((a) => [a.actorPersonId, a.before])).toEqual([[people.manager.id, { resolvedAt: null }]]);

    // The same later file again, or one with another resolution: the first resolution stays, nothing is added.
    expect(await manager.tickets.commit({ teamId, csv: later })).toEqual({
      format: "generic",
      created: 0,
      updated: 0,
      skipped: 3,
    });
    const relabelled = later.replace("2025-03-15T11:30:00+01:00", "2025-03-17T08:00:00Z");
    expect((await manager.tickets.preview({ teamId, csv: relabelled })).counts).toEqual({
      new: 0,
      update: 0,
      duplicate: 3,
      invalid: 0,
    });
    expect((await stored("csv")).find((r) => r.externalId === "OPS-20")?.resolvedAt).toEqual(
      new Date("2025-03-15T10:30:00Z"),
    );
    expect(
      (await stored("csv")).filter((r) => ["OPS-20", "OPS-21", "OPS-22"].includes(r.externalId ?? "")),
    ).toHaveLength(3);
  });

  test("one bad row refuses the whole file: the preview lists each error by line, the commit stores nothing", async () => {
    const csv = genericCsv([
      "OPS-10,2025-03-14T08:00:00Z,,,,Fine on its own",
      "OPS-11,soon,,,,Bad time",
      "OPS-12,2025-03-14T08:00:00Z,,nobody@example.test,,Unknown assignee",
      `OPS-13,2025-03-14T08:00:00Z,,${people.outsider.email},,Not a member of this team`,
    ]);
    const manager = await as(people.manager.id);
    const preview = await manager.tickets.preview({ teamId, csv });
    expect(preview.counts).toEqual({ new: 1, update: 0, duplicate: 1, invalid: 3 });
    expect(preview.rows.filter((r) => r.status === "invalid")).toEqual([
      {
        line: 4,
        externalId: "OPS-11",
        status: "invalid",
        errors: ['"soon" is not a date and time (use ISO 8601, such as 2025-03-10T14:05:00Z).'],
      },
      {
        line: 5,
        externalId: "OPS-12",
        status: "invalid",
        errors: ["No member of this team has the email nobody@example.test."],
      },
      {
        line: 6,
        externalId: "OPS-13",
        status: "invalid",
        errors: [`No member of this team has the email ${people.outsider.email}.`],
      },
    ]);
    const failure = await failureOf(manager.tickets.commit({ teamId, csv }));
    expect(failure).toMatchObject({ code: "BAD_REQUEST", field: "csv" });
    expect(failure.message).toBe(
      "3 rows have errors (first on line 4); fix them and import again. Nothing was imported.",
    );
    expect((await stored("csv")).map((r) => r.externalId)).not.toContain("OPS-10");
  });

  test("a file that is not a ticket export is refused with a reason, never a server error", async () => {
    const manager = await as(people.manager.id);
    expect(await failureOf(manager.tickets.preview({ teamId, csv: "name,when\nx,y" }))).toMatchObject({
      code: "BAD_REQUEST",
      message: "The header row lacks the columns ticket_id, opened, summary.",
    });
    expect(
      (await failureOf(manager.tickets.commit({ teamId, csv: 'ticket id,opened,summary\n"OPS-1,2025' }))).code,
    ).toBe("BAD_REQUEST");
    expect((await failureOf(manager.tickets.preview({ teamId, csv: "" }))).code).toBe("BAD_REQUEST");
    expect(
      (await failureOf(manager.tickets.preview({ teamId, csv: genericCsv(), timeZone: "Mars/Olympus" }))).code,
    ).toBe("BAD_REQUEST");
  });

  test("an admin imports into a team that does not exist: NOT_FOUND", async () => {
    expect(
      await codeOf((await as(people.admin.id)).tickets.preview({ teamId: crypto.randomUUID(), csv: genericCsv() })),
    ).toBe("NOT_FOUND");
  });
});
