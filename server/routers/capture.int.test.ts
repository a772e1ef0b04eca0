import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, integration, interrupt, workEntry } from "@/db/schema";
import { parseAlertmanagerPayload } from "@/server/integrations/alertmanager/payload";
import { makeCaptureTeam } from "@/server/testing/alertmanager-delivery";
import {
  CHECKOUT_5XX,
  notification,
  PAYMENTS_5XX,
  resolved,
  type TestAlert,
} from "@/server/testing/alertmanager-payloads";
import { toNotification } from "@/server/integrations/alertmanager/to-signals";
import { captureAlerts } from "@/server/services/capture/capture-alerts";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { callerAt, codeOf, failureOf } from "@/server/testing/rotation-fixtures";
import { makeService, NO_TRAITS } from "@/server/testing/work-log-fixtures";

const NOW = new Date("2026-03-20T12:00:00Z");

let database: Database;
let fx: Awaited<ReturnType<typeof makeCaptureTeam>>;
let paymentsService: string;

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await makeCaptureTeam(database.db);
  paymentsService = (await makeService(database.db, fx.team.id, "Payments-API")).id;
});
afterAll(async () => database?.close());

const erik = () => fx.engineers[0]?.id ?? "";
const ana = () => fx.engineers[1]?.id ?? "";
const as = (personId: string | null) => callerAt(database.db, personId, NOW);

/** Stores a notification the way the webhook does (the receiver itself is tested in server/integrations). */
async function capture(alerts: TestAlert[], groupKey: string) {
  const parsed = parseAlertmanagerPayload(JSON.stringify(notification(alerts, groupKey)));
  if (!parsed.ok) throw new Error(parsed.reason);
  const [source] = await database.db.select().from(integration).where(eq(integration.id, fx.integration.id));
  if (!source) throw new Error("no integration");
  return captureAlerts(database.db, source, toNotification(parsed.payload, NOW), NOW);
}

function alert(fingerprint: string, startsAt: string, changes: Partial<TestAlert> = {}): TestAlert {
  return { ...PAYMENTS_5XX, fingerprint, startsAt, ...changes };
}

async function entriesOn(interruptIds: string[]) {
  return database.db.select().from(workEntry).where(inArray(workEntry.interruptId, interruptIds));
}

async function countEntries(): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(workEntry);
  return row?.n ?? -1;
}

describe(`the capture inbox on ${testEngine}`, () => {
  test("the credited engineer sees their captured incidents, newest first, one item per incident with a suggested duration", async () => {
    // Erik's week: an incident of two alerts, resolved after 37 minutes, and a later single alert still firing.
    await capture(
      [resolved(PAYMENTS_5XX, "2026-03-04T13:39:11Z"), resolved(CHECKOUT_5XX, "2026-03-04T13:20:00Z")],
      '{}:{g="inbox-1"}',
    );
    await capture(
      [
        alert("1100000000000001", "2026-03-06T20:00:00Z", {
          alertname: "KafkaConsumerLag",
          summary: "billing-ledger lag 400k",
        }),
      ],
      '{}:{g="inbox-2"}',
    );
    // Ana's week.
    await capture([alert("1100000000000002", "2026-03-10T09:30:00Z")], '{}:{g="inbox-3"}');

    const inbox = await (await as(erik())).capture.inbox();
    expect(
      inbox.map((item) => [item.alertName, item.summary, item.alerts.length, item.resolvedAt, item.suggestedMinutes]),
    ).toEqual([
      ["KafkaConsumerLag", "billing-ledger lag 400k", 1, null, 240],
      ["HighErrorRate", PAYMENTS_5XX.summary, 2, new Date("2026-03-04T13:39:11Z"), 37],
    ]);
    expect(inbox[1]).toMatchObject({
      teamId: fx.team.id,
      teamName: fx.team.name,
      severity: "critical",
      service: "payments-api",
    });
    expect((await (await as(ana())).capture.inbox()).map((item) => item.openedAt)).toEqual([
      new Date("2026-03-10T09:30:00Z"),
    ]);
    expect(await (await as(fx.manager.id)).capture.inbox()).toEqual([]);
    expect(await codeOf((await as(null)).capture.inbox())).toBe("UNAUTHORIZED");
  });

  test("confirm creates exactly one toil entry for the incident, with the minutes given, and empties it from the inbox", async () => {
    const erikCaller = await as(erik());
    const item = (await erikCaller.capture.inbox()).find((i) => i.alerts.length === 2);
    if (!item) throw new Error("no incident in the inbox");
    const before = await countEntries();
    const confirmed = await erikCaller.capture.confirm({ interruptId: item.interruptId, minutes: 45 });
    expect(confirmed.interruptIds.sort()).toEqual(item.alerts.map((a) => a.id).sort());
    expect(confirmed.entry).toMatchObject({
      personId: erik(),
      teamId: fx.team.id,
      minutes: 45,
      category: "toil",
      source: "capture",
      summary: PAYMENTS_5XX.summary,
      interruptId: item.interruptId,
      serviceId: paymentsService,
      startsAt: new Date("2026-03-04T13:02:11.482Z"),
      traits: { ...NO_TRAITS, manual: true, tactical: true },
    });
    expect(await countEntries()).toBe(before + 1);
    expect(await entriesOn(item.alerts.map((a) => a.id))).toHaveLength(1);
    const pages = await database.db.select().from(interrupt).where(inArray(interrupt.id, confirmed.interruptIds));
    expect(pages.map((p) => [p.captureStatus, p.captureDecidedById, p.captureDecidedAt])).toEqual([
      ["confirmed", erik(), NOW],
      ["confirmed", erik(), NOW],
    ]);
    expect((await erikCaller.capture.inbox()).map((i) => i.interruptId)).not.toContain(item.interruptId);

    // A second click (another tab) is refused and logs nothing more.
    expect(await failureOf(erikCaller.capture.confirm({ interruptId: item.interruptId, minutes: 45 }))).toMatchObject({
      code: "CONFLICT",
      field: "interruptId",
    });
    expect(await countEntries()).toBe(before + 1);
    const audit = await database.db
      .select({ action: auditLog.action, actor: auditLog.actorPersonId })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.actorPersonId, erik()),
          inArray(auditLog.entityId, [...confirmed.interruptIds, confirmed.entry.id]),
        ),
      );
    expect(audit.map((a) => a.action).sort()).toEqual([
      "interrupt.capture-confirm",
      "interrupt.capture-confirm",
      "work-entry.create",
    ]);
  });

  test("the confirmed time counts in the engineer's week like any toil entry", async () => {
    const week = await (await as(erik())).workLog.week({ at: new Date("2026-03-04T12:00:00Z") });
    expect(JSON.stringify(week)).toContain(PAYMENTS_5XX.summary ?? "");
  });

  test("dismiss takes an incident out of the inbox without logging time; restore (undo) puts it back; both repeat harmlessly", async () => {
    const erikCaller = await as(erik());
    const [item] = await erikCaller.capture.inbox();
    if (!item) throw new Error("inbox empty");
    const before = await countEntries();
    expect(await erikCaller.capture.dismiss({ interruptId: item.interruptId })).toEqual({
      interruptIds: [item.interruptId],
    });
    expect((await erikCaller.capture.inbox()).map((i) => i.interruptId)).not.toContain(item.interruptId);
    const [page] = await database.db.select().from(interrupt).where(eq(interrupt.id, item.interruptId));
    expect(page).toMatchObject({ captureStatus: "dismissed", captureDecidedById: erik(), deletedAt: null });
    expect(await failureOf(erikCaller.capture.dismiss({ interruptId: item.interruptId }))).toMatchObject({
      code: "CONFLICT",
    });
    expect(await failureOf(erikCaller.capture.confirm({ interruptId: item.interruptId, minutes: 5 }))).toMatchObject({
      code: "CONFLICT",
    });

    expect(await erikCaller.capture.restore({ interruptId: item.interruptId })).toEqual({
      interruptIds: [item.interruptId],
    });
    expect(await erikCaller.capture.restore({ interruptId: item.interruptId })).toEqual({ interruptIds: [] });
    expect((await erikCaller.capture.inbox()).map((i) => i.interruptId)).toContain(item.interruptId);
    const [back] = await database.db.select().from(interrupt).where(eq(interrupt.id, item.interruptId));
    expect(back).toMatchObject({ captureStatus: "captured", captureDecidedById: null, captureDecidedAt: null });
    expect(await countEntries()).toBe(before);
  });

  test("only the credited engineer or a manager of the team may decide; a manager's confirmation logs the engineer's time", async () => {
    const [item] = await (await as(erik())).capture.inbox();
    if (!item) throw new Error("inbox empty");
    const before = await countEntries();
    for (const who of [ana(), fx.planner.id, fx.outsider.id]) {
      const caller = await as(who);
      expect(await codeOf(caller.capture.confirm({ interruptId: item.interruptId, minutes: 10 })), who).toBe(
        "FORBIDDEN",
      );
      expect(await codeOf(caller.capture.dismiss({ interruptId: item.interruptId })), who).toBe("FORBIDDEN");
      expect(await codeOf(caller.capture.restore({ interruptId: item.interruptId })), who).toBe("FORBIDDEN");
    }
    const anonymous = await as(null);
    expect(await codeOf(anonymous.capture.confirm({ interruptId: item.interruptId, minutes: 10 }))).toBe(
      "UNAUTHORIZED",
    );
    expect(await codeOf(anonymous.capture.dismiss({ interruptId: item.interruptId }))).toBe("UNAUTHORIZED");
    expect(await countEntries()).toBe(before);

    const confirmed = await (await as(fx.manager.id)).capture.confirm({ interruptId: item.interruptId, minutes: 30 });
    expect(confirmed.entry).toMatchObject({ personId: erik(), minutes: 30 });
    const [page] = await database.db.select().from(interrupt).where(eq(interrupt.id, item.interruptId));
    expect(page?.captureDecidedById).toBe(fx.manager.id);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, confirmed.entry.id), eq(auditLog.action, "work-entry.create")));
    expect(audit?.actorPersonId).toBe(fx.manager.id);
  });

  test("unknown pages, bad minutes and pages nobody was credited with are refused at their field, storing nothing", async () => {
    const anaCaller = await as(ana());
    const [item] = await anaCaller.capture.inbox();
    if (!item) throw new Error("inbox empty");
    const before = await countEntries();
    expect(await failureOf(anaCaller.capture.confirm({ interruptId: crypto.randomUUID(), minutes: 10 }))).toMatchObject(
      { code: "NOT_FOUND", field: "interruptId" },
    );
    for (const minutes of [0, -5, 1441, 2.5]) {
      expect(
        await failureOf(anaCaller.capture.confirm({ interruptId: item.interruptId, minutes })),
        String(minutes),
      ).toMatchObject({ code: "BAD_REQUEST", field: "minutes" });
    }
    expect(await failureOf(anaCaller.capture.confirm({ interruptId: "nope", minutes: 10 }))).toMatchObject({
      code: "BAD_REQUEST",
      field: "interruptId",
    });
    // A page from before the rotation existed has nobody to log it for.
    await capture([alert("1100000000000009", "2026-02-27T10:00:00Z")], '{}:{g="orphan"}');
    const [orphan] = await database.db
      .select()
      .from(interrupt)
      .where(eq(interrupt.alertFingerprint, "1100000000000009"));
    if (!orphan) throw new Error("orphan page not stored");
    expect(
      await failureOf((await as(fx.manager.id)).capture.confirm({ interruptId: orphan.id, minutes: 10 })),
    ).toMatchObject({ code: "BAD_REQUEST", field: "interruptId" });
    expect(await codeOf((await as(fx.manager.id)).capture.dismiss({ interruptId: orphan.id }))).toBe("OK");
    expect(await countEntries()).toBe(before);
  });
});
