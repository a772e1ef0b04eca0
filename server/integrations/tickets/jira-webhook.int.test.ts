/** Jira Cloud issue webhooks posted to a ticket webhook URL, through the route handler, on a real database. */
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Database } from "@/db/client";
import { externalUserLink } from "@/db/schema";
import { useDatabase } from "@/server/db/runtime";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { issueCreated, issueUpdated, type JiraTestIssue } from "@/server/testing/jira-payloads";
import { deliverTicket, makeTicketTeam, requestCounts, webhookTickets } from "@/server/testing/ticket-delivery";

const NOW = new Date("2026-03-20T12:00:00Z");
const T0 = Date.parse("2026-03-04T09:12:00Z");

let database: Database;
let fx: Awaited<ReturnType<typeof makeTicketTeam>>;

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  fx = await makeTicketTeam(database.db);
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterAll(async () => {
  vi.useRealTimers();
  await database?.close();
});

const engineer = (index: number) => {
  const person = fx.engineers[index];
  if (!person) throw new Error(`no engineer ${index}`);
  return person;
};

async function stored(key: string) {
  return (await webhookTickets(database.db, fx.team.id)).find((row) => row.externalId === key) ?? null;
}

const issue = (key: string, changes: Partial<JiraTestIssue> = {}): JiraTestIssue => ({
  key,
  summary: `Refund stuck in the queue (${key})`,
  created: "2026-03-04T10:12:00.000+0100",
  assignee: null,
  component: "billing",
  ...changes,
});

describe(`Jira Cloud webhooks on ${testEngine}`, () => {
  test("jira:issue_created with an assignee whose email Jira shows: a ticket credited to that member", async () => {
    const ana = { accountId: "5b10ac8d82e05b22cc7d4ef5", displayName: "Ana Ruiz", emailAddress: engineer(1).email };
    const answer = await deliverTicket(
      fx.byAssignee.secret,
      issueCreated(issue("OPS-101", { assignee: ana, priority: "Highest" }), T0),
    );
    expect(answer).toMatchObject({
      status: 201,
      body: { ok: true, id: "OPS-101", outcome: "created", assigned: true },
    });
    expect(await stored("OPS-101")).toMatchObject({
      kind: "ticket",
      isIncident: false,
      summary: "Refund stuck in the queue (OPS-101)",
      service: "billing",
      severity: "critical",
      openedAt: new Date("2026-03-04T09:12:00Z"),
      assigneeId: engineer(1).id,
    });
  });

  test("an assignee Jira hides the email of is credited through the team's account-id link; retries change nothing", async () => {
    await database.db.insert(externalUserLink).values({
      teamId: fx.team.id,
      system: "jira",
      externalUserId: "557058:ben",
      externalName: "Ben Okafor",
      personId: engineer(2).id,
    });
    await deliverTicket(fx.byAssignee.secret, issueCreated(issue("OPS-102"), T0));
    expect((await stored("OPS-102"))?.assigneeId).toBeNull();
    const ben = { accountId: "557058:ben", displayName: "Ben O." };
    const assigned = issueUpdated(
      issue("OPS-102", { assignee: ben }),
      T0 + 60_000,
      "10431",
      [{ field: "assignee", from: null, fromString: null, to: "557058:ben", toString: "Ben O." }],
      "issue_assigned",
    );
    expect((await deliverTicket(fx.byAssignee.secret, assigned)).body).toMatchObject({
      outcome: "updated",
      changes: ["assignee"],
    });
    expect((await stored("OPS-102"))?.assigneeId).toBe(engineer(2).id);
    const before = await requestCounts(database.db, fx.byAssignee.integration.id);
    expect((await deliverTicket(fx.byAssignee.secret, assigned)).body).toMatchObject({ outcome: "unchanged" });
    expect(await requestCounts(database.db, fx.byAssignee.integration.id)).toMatchObject({
      duplicate: before.duplicate + 1,
    });
  });

  test("a resolution in the changelog records when it was resolved, once", async () => {
    const ana = { accountId: "5b10ac8d82e05b22cc7d4ef5", displayName: "Ana Ruiz", emailAddress: engineer(1).email };
    await deliverTicket(fx.byAssignee.secret, issueCreated(issue("OPS-103", { assignee: ana }), T0));
    const resolved = issueUpdated(
      issue("OPS-103", { assignee: ana, resolutiondate: "2026-03-04T15:40:00.000+0100" }),
      T0 + 3_600_000,
      "10440",
      [
        { field: "resolution", from: null, fromString: null, to: "10000", toString: "Done" },
        { field: "status", from: "10000", fromString: "To Do", to: "10002", toString: "Done" },
      ],
    );
    expect((await deliverTicket(fx.byAssignee.secret, resolved)).body).toMatchObject({
      outcome: "updated",
      changes: ["resolved"],
    });
    expect((await stored("OPS-103"))?.resolvedAt).toEqual(new Date("2026-03-04T14:40:00Z"));
  });

  test("no member assignee: whoever held ticket duty when it opened; other Jira events are ignored; bad ones 400", async () => {
    const stranger = { accountId: "557058:contractor", displayName: "Night Contractor" };
    await deliverTicket(fx.onDuty.secret, issueCreated(issue("OPS-104", { assignee: stranger }), T0));
    // 4 March is in the rotation's first week: Erik's.
    expect((await stored("OPS-104"))?.assigneeId).toBe(engineer(0).id);
    const comment = {
      timestamp: T0,
      webhookEvent: "comment_created",
      comment: { id: "1", body: "hi" },
      issue: issueCreated(issue("OPS-104"), T0).issue,
    };
    expect(await deliverTicket(fx.onDuty.secret, comment)).toMatchObject({ status: 200, body: { outcome: "ignored" } });
    const broken = issueCreated(issue("OPS-105", { created: "last tuesday" }), T0);
    expect(await deliverTicket(fx.onDuty.secret, broken)).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/issue\.fields\.created/) },
    });
    expect(await stored("OPS-105")).toBeNull();
  });
});
