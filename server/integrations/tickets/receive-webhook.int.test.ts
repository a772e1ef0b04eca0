/** The ticket webhook (POST /api/integrations/tickets/<secret>) through its route handler, on a real database. */
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, integration, interrupt, webhookRequestCount } from "@/db/schema";
import { useDatabase } from "@/server/db/runtime";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { callerAt } from "@/server/testing/rotation-fixtures";
import { receiveTicketWebhook } from "./receive-webhook";
import {
  deliverTicket,
  failingNextTransaction,
  makeTicketTeam,
  requestCounts,
  webhookTickets,
} from "@/server/testing/ticket-delivery";

/** The handler reads the real clock; it is stopped here, after every ticket the tests send. */
const NOW = new Date("2026-03-20T12:00:00Z");

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

/** A ticket as a ticket system sends it; each test uses its own ids. */
function ticket(id: string, changes: Record<string, unknown> = {}) {
  return {
    id,
    opened: "2026-03-04T09:12:00Z",
    resolved: null,
    assigneeEmail: engineer(1).email,
    service: "billing",
    summary: `Refund stuck in the queue (${id})`,
    severity: "high",
    ...changes,
  };
}

async function storedTicket(id: string) {
  const rows = (await webhookTickets(database.db, fx.team.id)).filter((row) => row.externalId === id);
  expect(rows.length, `ticket ${id} stored ${rows.length} times`).toBeLessThanOrEqual(1);
  return rows[0] ?? null;
}

async function countInterrupts(): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(interrupt);
  return row?.n ?? -1;
}

describe(`the ticket webhook on ${testEngine}`, () => {
  test("a NUL byte or a lone surrogate in a ticket field is cleaned, not a 503 that the sender retries forever", async () => {
    const answer = await deliverTicket(
      fx.onDuty.secret,
      ticket("OPS-NUL\u0000", { summary: "Refund\u0000 stuck \ud800", service: "bill\u0000ing" }),
    );
    expect(answer).toMatchObject({ status: 201, body: { ok: true, id: "OPS-NUL", outcome: "created" } });
    expect(await storedTicket("OPS-NUL")).toMatchObject({ summary: "Refund stuck \ufffd", service: "billing" });
  });

  test("a new ticket: 201, stored once as a ticket credited to its assignee, waiting in their capture inbox", async () => {
    const before = await requestCounts(database.db, fx.onDuty.integration.id);
    const answer = await deliverTicket(
      fx.onDuty.secret,
      ticket("OPS-1234", { assigneeEmail: engineer(1).email.toUpperCase() }),
    );
    expect(answer).toEqual({
      status: 201,
      body: { ok: true, id: "OPS-1234", outcome: "created", changes: [], assigned: true, resolved: false },
    });
    const row = await storedTicket("OPS-1234");
    expect(row).toMatchObject({
      teamId: fx.team.id,
      kind: "ticket",
      source: "webhook",
      externalId: "OPS-1234",
      integrationId: fx.onDuty.integration.id,
      service: "billing",
      severity: "high",
      summary: "Refund stuck in the queue (OPS-1234)",
      openedAt: new Date("2026-03-04T09:12:00Z"),
      resolvedAt: null,
      // Ana is the assignee, although Erik held ticket duty that week: a member assignee wins.
      assigneeId: engineer(1).id,
      captureStatus: "captured",
      captureDecidedById: null,
      isIncident: false,
      incidentId: null,
      alertFingerprint: null,
      groupKey: null,
      createdAt: NOW,
      deletedAt: null,
    });
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, row?.id ?? ""));
    expect(audit.map((a) => [a.action, a.actorPersonId])).toEqual([["interrupt.capture", null]]);
    const [source] = await database.db.select().from(integration).where(eq(integration.id, fx.onDuty.integration.id));
    expect(source?.lastUsedAt).toEqual(NOW);
    expect(await requestCounts(database.db, fx.onDuty.integration.id)).toEqual({
      ...before,
      accepted: before.accepted + 1,
    });

    const inbox = await (await callerAt(database.db, engineer(1).id, NOW)).capture.inbox();
    expect(inbox.find((item) => item.interruptId === row?.id)).toMatchObject({
      kind: "ticket",
      externalId: "OPS-1234",
      summary: "Refund stuck in the queue (OPS-1234)",
    });
  });

  test("the same ticket again (a retry, a repeat, even through the other webhook) creates nothing", async () => {
    const body = ticket("OPS-2000");
    expect((await deliverTicket(fx.onDuty.secret, body)).status).toBe(201);
    const before = await countInterrupts();
    const counts = await requestCounts(database.db, fx.onDuty.integration.id);
    for (let i = 0; i < 3; i += 1) {
      expect(await deliverTicket(fx.onDuty.secret, body)).toEqual({
        status: 200,
        body: { ok: true, id: "OPS-2000", outcome: "unchanged", changes: [], assigned: true, resolved: false },
      });
    }
    expect((await deliverTicket(fx.byAssignee.secret, body)).body).toMatchObject({ outcome: "unchanged" });
    expect(await countInterrupts()).toBe(before);
    expect(await requestCounts(database.db, fx.onDuty.integration.id)).toEqual({
      ...counts,
      duplicate: counts.duplicate + 3,
    });
  });

  test("resolved later: the first resolution is stored, a later different one changes nothing", async () => {
    expect((await deliverTicket(fx.onDuty.secret, ticket("OPS-3000"))).status).toBe(201);
    const resolved = await deliverTicket(
      fx.onDuty.secret,
      ticket("OPS-3000", { resolved: "2026-03-04T11:42:00+01:00" }),
    );
    expect(resolved).toEqual({
      status: 200,
      body: { ok: true, id: "OPS-3000", outcome: "updated", changes: ["resolved"], assigned: true, resolved: true },
    });
    const again = await deliverTicket(
      fx.onDuty.secret,
      ticket("OPS-3000", { resolved: "2026-03-05T08:00:00Z", summary: "Renamed in the ticket system" }),
    );
    expect(again.body).toMatchObject({ outcome: "unchanged" });
    const row = await storedTicket("OPS-3000");
    expect(row).toMatchObject({
      resolvedAt: new Date("2026-03-04T10:42:00Z"),
      summary: "Refund stuck in the queue (OPS-3000)",
      captureStatus: "captured",
    });
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, row?.id ?? ""), eq(auditLog.action, "interrupt.capture-update")));
    expect(audit.map((a) => a.before)).toEqual([{ resolvedAt: null }]);
  });

  test("out of order: resolved before opened stores it once, resolved, and the late open call changes nothing", async () => {
    const first = await deliverTicket(fx.onDuty.secret, ticket("OPS-4000", { resolved: "2026-03-04T10:00:00Z" }));
    expect(first).toMatchObject({ status: 201, body: { outcome: "created", resolved: true } });
    expect((await deliverTicket(fx.onDuty.secret, ticket("OPS-4000"))).body).toMatchObject({
      outcome: "unchanged",
      resolved: true,
    });
    expect(await storedTicket("OPS-4000")).toMatchObject({ resolvedAt: new Date("2026-03-04T10:00:00Z") });
  });

  test("an assignee who is not a member: credited to whoever held the rotation at opened, or to nobody without one", async () => {
    const unknown = { assigneeEmail: "contractor@elsewhere.test" };
    // 10 March 10:00 Berlin is in the rotation's second week: Ana's.
    await deliverTicket(fx.onDuty.secret, ticket("OPS-5000", { ...unknown, opened: "2026-03-10T10:00:00+01:00" }));
    expect(await storedTicket("OPS-5000")).toMatchObject({ assigneeId: engineer(1).id, captureStatus: "captured" });
    // A member of another team is not this team's member.
    await deliverTicket(
      fx.onDuty.secret,
      ticket("OPS-5001", { assigneeEmail: fx.outsider.email, opened: "2026-03-16T09:00:00+01:00" }),
    );
    expect(await storedTicket("OPS-5001")).toMatchObject({ assigneeId: engineer(2).id });

    const answer = await deliverTicket(fx.byAssignee.secret, ticket("ZD-5002", unknown));
    expect(answer).toMatchObject({ status: 201, body: { outcome: "created", assigned: false } });
    expect(await storedTicket("ZD-5002")).toMatchObject({
      assigneeId: null,
      captureStatus: null,
      integrationId: fx.byAssignee.integration.id,
    });
    // Assigned to a member later: the missing engineer is filled in, and the ticket joins their inbox.
    const assigned = await deliverTicket(fx.byAssignee.secret, ticket("ZD-5002", { assigneeEmail: engineer(3).email }));
    expect(assigned.body).toMatchObject({ outcome: "updated", changes: ["assignee"], assigned: true });
    expect(await storedTicket("ZD-5002")).toMatchObject({ assigneeId: engineer(3).id, captureStatus: "captured" });
    // Re-assigned after that: the first engineer keeps it (their inbox already has it).
    expect(
      (await deliverTicket(fx.byAssignee.secret, ticket("ZD-5002", { assigneeEmail: engineer(0).email }))).body,
    ).toMatchObject({ outcome: "unchanged" });
    expect(await storedTicket("ZD-5002")).toMatchObject({ assigneeId: engineer(3).id });
    // No assignee at all, no rotation: nobody.
    await deliverTicket(fx.byAssignee.secret, ticket("ZD-5003", { assigneeEmail: null }));
    expect(await storedTicket("ZD-5003")).toMatchObject({ assigneeId: null, captureStatus: null });
  });

  test("a confirmed ticket stays confirmed when the ticket system calls again", async () => {
    await deliverTicket(fx.onDuty.secret, ticket("OPS-6000"));
    const row = await storedTicket("OPS-6000");
    const ana = await callerAt(database.db, engineer(1).id, NOW);
    await ana.capture.confirm({ interruptId: row?.id ?? "", minutes: 40 });
    await deliverTicket(fx.onDuty.secret, ticket("OPS-6000", { resolved: "2026-03-04T12:00:00Z" }));
    expect(await storedTicket("OPS-6000")).toMatchObject({
      captureStatus: "confirmed",
      resolvedAt: new Date("2026-03-04T12:00:00Z"),
      assigneeId: engineer(1).id,
    });
    // Messages about a captured ticket call it a ticket, not a page.
    await expect(ana.capture.confirm({ interruptId: row?.id ?? "", minutes: 40 })).rejects.toThrow(
      "This ticket was already confirmed.",
    );
    await expect(ana.capture.restore({ interruptId: row?.id ?? "" })).rejects.toThrow(
      "This ticket was confirmed: remove its entry",
    );
  });

  test("offsets in every ISO 8601 form name the same instant; fields left out take their defaults", async () => {
    const minimal = { id: "OPS-7000", opened: "2026-03-04T10:12:00.250+0100", summary: "Disk quota" };
    expect((await deliverTicket(fx.byAssignee.secret, minimal)).status).toBe(201);
    expect(await storedTicket("OPS-7000")).toMatchObject({
      openedAt: new Date("2026-03-04T09:12:00.250Z"),
      resolvedAt: null,
      severity: "medium",
      service: null,
      assigneeId: null,
    });
    await deliverTicket(fx.byAssignee.secret, {
      ...minimal,
      id: "OPS-7001",
      opened: "2026-03-04T04:12-05:00",
      severity: "LOW",
      service: "  ",
    });
    expect(await storedTicket("OPS-7001")).toMatchObject({
      openedAt: new Date("2026-03-04T09:12:00Z"),
      severity: "low",
      service: null,
    });
  });

  test("simultaneous deliveries of a new ticket store it once", async () => {
    const answers = await Promise.all([1, 2, 3].map(() => deliverTicket(fx.onDuty.secret, ticket("OPS-8000"))));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(await storedTicket("OPS-8000")).not.toBeNull();
  });

  test("malformed bodies get 400 naming the field, store nothing, and are counted as rejected", async () => {
    const before = await countInterrupts();
    const counts = await requestCounts(database.db, fx.onDuty.integration.id);
    const cases: Array<[unknown, RegExp]> = [
      ['{"id": "OPS-9000", ', /not valid JSON/],
      ["", /not valid JSON/],
      [[ticket("OPS-9000")], /must be a JSON object/],
      [
        { ...ticket("OPS-9000"), opened: "2026-03-04 09:12" },
        /^Not a ticket: opened: must be an ISO 8601 date and time with an offset/,
      ],
      [{ ...ticket("OPS-9000"), opened: "2026-03-04T09:12:00" }, /opened: must be an ISO 8601/],
      [{ ...ticket("OPS-9000"), opened: "1999-03-04T09:12:00Z" }, /opened: must be between the years 2000 and 2100/],
      [{ ...ticket("OPS-9000"), resolved: "2026-03-04T08:00:00Z" }, /resolved: must not be before opened/],
      [{ ...ticket("OPS-9000"), assigneeEmail: "erik" }, /assigneeEmail: must be an email address/],
      [{ ...ticket("OPS-9000"), severity: "P1" }, /severity: must be one of critical, high, medium, low, info/],
      [{ ...ticket("OPS-9000"), summary: "   " }, /summary: must not be empty/],
      [{ ...ticket("OPS-9000"), summary: "x".repeat(501) }, /summary: at most 500 characters/],
      [{ ...ticket("OPS-9000"), id: 9000 }, /id: must be a string/],
      [{ opened: "2026-03-04T09:12:00Z", summary: "No id" }, /id: is required/],
      [{ ...ticket("OPS-9000"), resolvedAt: "2026-03-04T10:00:00Z" }, /resolvedAt: is not a field of a ticket/],
    ];
    for (const [body, reason] of cases) {
      const answer = await deliverTicket(fx.onDuty.secret, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body).toMatchObject({ ok: false, error: expect.stringMatching(reason) });
    }
    expect(await countInterrupts()).toBe(before);
    expect(await requestCounts(database.db, fx.onDuty.integration.id)).toEqual({
      ...counts,
      rejected: counts.rejected + cases.length,
    });
  });

  test("a body over the limit gets 413 and stores nothing, whether or not it declares its length", async () => {
    const before = await countInterrupts();
    const counts = await requestCounts(database.db, fx.onDuty.integration.id);
    const padded = JSON.stringify(ticket("OPS-9100")) + " ".repeat(64 * 1024);
    const declared = await deliverTicket(fx.onDuty.secret, padded, {
      headers: { "content-length": String(padded.length) },
    });
    expect(declared).toMatchObject({
      status: 413,
      body: { ok: false, error: expect.stringMatching(/larger than the limit of 65536 bytes/) },
    });
    const bytes = new TextEncoder().encode(padded);
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 8 * 1024)
          controller.enqueue(bytes.slice(offset, offset + 8 * 1024));
        controller.close();
      },
    });
    const { POST } = await import("@/app/api/integrations/tickets/[secret]/route");
    const request = new Request(`http://toilcap.test/api/integrations/tickets/${fx.onDuty.secret}`, {
      method: "POST",
      body: chunked,
      duplex: "half",
    } as RequestInit);
    expect(request.headers.get("content-length")).toBeNull();
    expect((await POST(request, { params: Promise.resolve({ secret: fx.onDuty.secret }) })).status).toBe(413);
    expect(await countInterrupts()).toBe(before);
    expect(await requestCounts(database.db, fx.onDuty.integration.id)).toEqual({
      ...counts,
      rejected: counts.rejected + 2,
    });
  });

  test("an unknown, malformed, revoked or Alertmanager secret gets 404, stores nothing and is not counted", async () => {
    const before = await countInterrupts();
    const counted = await database.db
      .select({ n: sql<number>`coalesce(sum(${webhookRequestCount.count}), 0)::int` })
      .from(webhookRequestCount);
    const planner = await callerAt(database.db, fx.planner.id, NOW);
    const spare = await planner.integrations.create({ teamId: fx.team.id, kind: "ticket-webhook", name: "Old Jira" });
    await planner.integrations.revoke({ teamId: fx.team.id, integrationId: spare.integration.id });
    const alerts = await planner.integrations.create({
      teamId: fx.team.id,
      name: "Prometheus",
      rotationId: fx.rotation.id,
    });
    for (const secret of [
      "A".repeat(43),
      "not-a-secret",
      `${fx.onDuty.secret}x`,
      "",
      "../../trpc",
      spare.secret,
      alerts.secret,
    ]) {
      const answer = await deliverTicket(secret, ticket("OPS-9200"));
      expect(answer.status, secret).toBe(404);
      expect(answer.body).toMatchObject({ ok: false, error: expect.stringMatching(/No such integration/) });
    }
    expect(await countInterrupts()).toBe(before);
    expect(
      await database.db
        .select({ n: sql<number>`coalesce(sum(${webhookRequestCount.count}), 0)::int` })
        .from(webhookRequestCount),
    ).toEqual(counted);
  });

  test("a database failure answers 503, never 500, and is counted as failed when the integration was found", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const body = JSON.stringify(ticket("OPS-9300"));
    const down = await receiveTicketWebhook(
      new Request("http://toilcap.test/hook", { method: "POST", body }),
      fx.onDuty.secret,
      {
        db: () => Promise.reject(new Error("connection refused")),
        now: () => NOW,
      },
    );
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ ok: false, error: expect.stringMatching(/retry later/) });

    const counts = await requestCounts(database.db, fx.onDuty.integration.id);
    // The lookup works, the capture's transaction does not (a deadlock, a failover).
    const failing = failingNextTransaction(database.db);
    const failed = await receiveTicketWebhook(
      new Request("http://toilcap.test/hook", { method: "POST", body }),
      fx.onDuty.secret,
      {
        db: () => Promise.resolve(failing),
        now: () => NOW,
      },
    );
    quiet.mockRestore();
    expect(failed.status).toBe(503);
    expect(await storedTicket("OPS-9300")).toBeNull();
    expect(await requestCounts(database.db, fx.onDuty.integration.id)).toEqual({
      ...counts,
      failed: counts.failed + 1,
    });
  });
});
