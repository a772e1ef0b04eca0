import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, integration, interrupt } from "@/db/schema";
import { useDatabase } from "@/server/db/runtime";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { at, callerAt } from "@/server/testing/rotation-fixtures";
import { receiveAlertmanagerWebhook } from "./receive-webhook";
import { capturedPages, deliver, makeCaptureTeam, SET_UP_AT } from "@/server/testing/alertmanager-delivery";
import {
  CHECKOUT_5XX,
  GROUP_KEY,
  notification,
  PAYMENTS_5XX,
  resolved,
  type TestAlert,
} from "@/server/testing/alertmanager-payloads";

/** The webhook handler reads the real clock; it is stopped here, after every alert the tests send. */
const NOW = new Date("2026-03-20T12:00:00Z");

let database: Database;
let fx: Awaited<ReturnType<typeof makeCaptureTeam>>;

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  fx = await makeCaptureTeam(database.db);
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

async function countInterrupts(): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(interrupt);
  return row?.n ?? -1;
}

async function pagesOf(...fingerprints: string[]) {
  return (await capturedPages(database.db, fx.team.id)).filter(
    (page) => page.alertFingerprint && fingerprints.includes(page.alertFingerprint),
  );
}

/** A fresh alert, so tests do not share rows. */
function alert(fingerprint: string, startsAt: string, changes: Partial<TestAlert> = {}): TestAlert {
  return { ...PAYMENTS_5XX, fingerprint, startsAt, ...changes };
}

describe(`the Alertmanager receiver on ${testEngine}`, () => {
  test("a firing notification: one page per alert, credited to the on-call engineer, one incident, waiting in the inbox", async () => {
    const answer = await deliver(fx.secret, notification([PAYMENTS_5XX, CHECKOUT_5XX]));
    expect(answer).toEqual({ status: 200, body: { ok: true, alerts: 2, created: 2, resolved: 0, unchanged: 0 } });
    const pages = await pagesOf(PAYMENTS_5XX.fingerprint, CHECKOUT_5XX.fingerprint);
    expect(pages).toHaveLength(2);
    const [payments, checkout] = pages;
    if (!payments || !checkout) throw new Error("pages missing");
    // 4 March is in the first week of the rotation: Erik's.
    expect(payments).toMatchObject({
      teamId: fx.team.id,
      integrationId: fx.integration.id,
      kind: "page",
      source: "alertmanager",
      alertFingerprint: PAYMENTS_5XX.fingerprint,
      alertName: "HighErrorRate",
      groupKey: GROUP_KEY,
      service: "payments-api",
      severity: "critical",
      summary: PAYMENTS_5XX.summary,
      openedAt: new Date("2026-03-04T13:02:11.482Z"),
      resolvedAt: null,
      assigneeId: engineer(0).id,
      captureStatus: "captured",
      captureDecidedById: null,
      isIncident: true,
      incidentId: payments.id,
      actionable: null,
      externalId: null,
    });
    expect(checkout).toMatchObject({
      severity: "medium",
      service: "checkout",
      assigneeId: engineer(0).id,
      isIncident: false,
      incidentId: payments.id,
    });
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.entityId, [payments.id, checkout.id]));
    expect(audit.map((row) => [row.action, row.actorPersonId])).toEqual([
      ["interrupt.capture", null],
      ["interrupt.capture", null],
    ]);
    const [source] = await database.db.select().from(integration).where(eq(integration.id, fx.integration.id));
    expect(source?.lastUsedAt).toEqual(NOW);
  });

  test("the same notification again (a retry, a repeat) stores nothing twice", async () => {
    const before = await countInterrupts();
    for (let i = 0; i < 3; i += 1) {
      const answer = await deliver(fx.secret, notification([PAYMENTS_5XX, CHECKOUT_5XX]));
      expect(answer).toEqual({ status: 200, body: { ok: true, alerts: 2, created: 0, resolved: 0, unchanged: 2 } });
    }
    expect(await countInterrupts()).toBe(before);
  });

  test("simultaneous retries of a new notification store it once", async () => {
    const group = '{}:{alertname="Race"}';
    const racing = [
      alert("ac00000000000001", "2026-03-05T08:00:00Z"),
      alert("ac00000000000002", "2026-03-05T08:01:00Z"),
    ];
    const answers = await Promise.all([1, 2, 3].map(() => deliver(fx.secret, notification(racing, group))));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.reduce((sum, a) => sum + Number(a.body.created), 0)).toBe(2);
    const pages = await pagesOf("ac00000000000001", "ac00000000000002");
    expect(pages).toHaveLength(2);
    expect(new Set(pages.map((page) => page.incidentId)).size).toBe(1);
  });

  test("a resolved notification closes the alert it resolves, once", async () => {
    const update = notification([resolved(PAYMENTS_5XX, "2026-03-04T13:41:07.000000001Z"), CHECKOUT_5XX]);
    expect((await deliver(fx.secret, update)).body).toMatchObject({ created: 0, resolved: 1, unchanged: 1 });
    expect((await deliver(fx.secret, update)).body).toMatchObject({ created: 0, resolved: 0, unchanged: 2 });
    const [payments, checkout] = await pagesOf(PAYMENTS_5XX.fingerprint, CHECKOUT_5XX.fingerprint);
    expect(payments?.resolvedAt).toEqual(new Date("2026-03-04T13:41:07.000Z"));
    expect(checkout?.resolvedAt).toBeNull();
    const done = notification([
      resolved(PAYMENTS_5XX, "2026-03-04T13:41:07Z"),
      resolved(CHECKOUT_5XX, "2026-03-04T13:55:00Z"),
    ]);
    expect(done.status).toBe("resolved");
    expect((await deliver(fx.secret, done)).body).toMatchObject({ created: 0, resolved: 1, unchanged: 1 });
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "interrupt.resolve"),
          inArray(auditLog.entityId, [payments?.id ?? "", checkout?.id ?? ""]),
        ),
      );
    expect(audit).toHaveLength(2);
  });

  test("out of order: resolved before firing stores the page once, resolved, and the late firing changes nothing", async () => {
    const late = alert("aa00000000000001", "2026-03-10T02:15:00Z");
    const resolvedFirst = await deliver(
      fx.secret,
      notification([resolved(late, "2026-03-10T02:31:00Z")], '{}:{alertname="Late"}'),
    );
    expect(resolvedFirst.body).toMatchObject({ created: 1, resolved: 0 });
    const firingLater = await deliver(fx.secret, notification([late], '{}:{alertname="Late"}'));
    expect(firingLater.body).toMatchObject({ created: 0, resolved: 0, unchanged: 1 });
    const [page] = await pagesOf(late.fingerprint);
    // 10 March 03:15 Berlin is in the second week: Ana's.
    expect(page).toMatchObject({
      resolvedAt: new Date("2026-03-10T02:31:00Z"),
      assigneeId: engineer(1).id,
      captureStatus: "captured",
    });
  });

  test("credit follows the hand-off: 08:59 on Monday is the old week's, 09:00 the new one's", async () => {
    const before = alert("bb00000000000001", at("2026-03-16T08:59").toISOString());
    const after = alert("bb00000000000002", at("2026-03-16T09:00").toISOString());
    await deliver(fx.secret, notification([before, after], '{}:{alertname="Handoff"}'));
    const pages = await pagesOf(before.fingerprint, after.fingerprint);
    expect(pages.map((page) => page.assigneeId)).toEqual([engineer(1).id, engineer(2).id]);
  });

  test("an alert from before the rotation existed is stored without an engineer", async () => {
    const early = alert("cc00000000000001", new Date(SET_UP_AT.getTime() - 3_600_000).toISOString());
    expect((await deliver(fx.secret, notification([early], '{}:{alertname="Early"}'))).body).toMatchObject({
      created: 1,
    });
    const [page] = await pagesOf(early.fingerprint);
    expect(page).toMatchObject({ assigneeId: null, captureStatus: "captured" });
  });

  test("the same alert firing again later is a new page and a new incident; an overlapping alert of its group joins it", async () => {
    const group = '{}:{alertname="DiskWillFillIn4Hours"}';
    const first = alert("dd00000000000001", "2026-03-11T10:00:00Z");
    await deliver(fx.secret, notification([resolved(first, "2026-03-11T10:20:00Z")], group));
    const again = alert("dd00000000000001", "2026-03-12T22:00:00Z");
    await deliver(fx.secret, notification([again], group));
    // Another alert of the group, notified on its own while `again` still fires.
    const sibling = alert("dd00000000000002", "2026-03-12T22:06:00Z");
    await deliver(fx.secret, notification([again, sibling], group));
    const [one, two, three] = await pagesOf("dd00000000000001", "dd00000000000002");
    if (!one || !two || !three) throw new Error("pages missing");
    expect(one.incidentId).toBe(one.id);
    expect(two.incidentId).toBe(two.id);
    expect(three).toMatchObject({ incidentId: two.id, isIncident: false, alertFingerprint: "dd00000000000002" });
    expect([one.isIncident, two.isIncident]).toEqual([true, true]);
  });

  test("malformed bodies get 400 with a reason and store nothing", async () => {
    const before = await countInterrupts();
    const fresh = alert("ee00000000000001", "2026-03-12T10:00:00Z");
    const cases: Array<[unknown, RegExp]> = [
      ['{"version": "4", ', /not valid JSON/],
      ["", /not valid JSON/],
      [{ ...notification([fresh]), version: "3" }, /version: must be "4"/],
      [{ ...notification([fresh]), groupKey: 7 }, /groupKey: must be a string/],
      [{ hello: "world" }, /version/],
      [{ ...notification([fresh]), truncatedAlerts: "two" }, /truncatedAlerts: must be a whole number/],
    ];
    for (const [body, reason] of cases) {
      const answer = await deliver(fx.secret, body);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ ok: false, error: expect.stringMatching(reason) });
    }
    expect(await countInterrupts()).toBe(before);
  });

  test("an alert over the 1 MiB budget is dropped and said so, the group's others stored; past 8 MiB 413, declared or chunked", async () => {
    const before = await countInterrupts();
    const huge = alert("ff00000000000001", "2026-03-12T10:00:00Z", { summary: "x".repeat(1024 * 1024) });
    const small = alert("ff00000000000002", "2026-03-12T10:00:00Z");
    const answer = await deliver(fx.secret, notification([small, huge]));
    expect(answer).toMatchObject({
      status: 200,
      body: { ok: true, created: 1, dropped: { truncated: 0, oversize: 1, invalid: 0 } },
    });
    expect(await countInterrupts()).toBe(before + 1);
    const padded = notification([
      alert("ff00000000000003", "2026-03-12T10:00:00Z", { summary: "x".repeat(8 * 1024 * 1024) }),
    ]);
    const length = String(new TextEncoder().encode(JSON.stringify(padded)).length);
    const declared = await deliver(fx.secret, padded, { "content-length": length });
    expect(declared.status).toBe(413);
    expect(declared.body.error).toMatch(/larger than the limit of 8388608 bytes/);
    const bytes = new TextEncoder().encode(JSON.stringify(padded));
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 256 * 1024)
          controller.enqueue(bytes.slice(offset, offset + 256 * 1024));
        controller.close();
      },
    });
    const { POST } = await import("@/app/api/integrations/alertmanager/[secret]/route");
    const request = new Request(`http://toilcap.test/api/integrations/alertmanager/${fx.secret}`, {
      method: "POST",
      body: chunked,
      duplex: "half",
    } as RequestInit);
    expect(request.headers.get("content-length")).toBeNull();
    const response = await POST(request, { params: Promise.resolve({ secret: fx.secret }) });
    expect(response.status).toBe(413);
    expect(await countInterrupts()).toBe(before + 1);
  });

  test("a NUL byte in a label or annotation no longer fails the notification: the alert is cleaned, the others kept", async () => {
    const nul = alert("e1e0000000000001", "2026-03-12T11:00:00Z", { summary: "disk\u0000full" });
    const bad = {
      ...notification([alert("e1e0000000000002", "2026-03-12T11:00:00Z")]).alerts[0],
      labels: { alertname: "Disk\u0000Full", "job\u0000": "node" },
    };
    const answer = await deliver(fx.secret, { ...notification([nul]), alerts: [...notification([nul]).alerts, bad] });
    expect(answer).toMatchObject({ status: 200, body: { ok: true, created: 2 } });
    const pages = await pagesOf("e1e0000000000001", "e1e0000000000002");
    expect(pages.map((p) => [p.summary, p.alertName])).toEqual([
      ["diskfull", "HighErrorRate"],
      [expect.any(String), "DiskFull"],
    ]);
  });

  test("an alert that cannot be read is refused alone, named in the answer; the others are stored", async () => {
    const good = alert("d1d0000000000001", "2026-03-12T12:00:00Z");
    const payload = notification([good]);
    const answer = await deliver(fx.secret, {
      ...payload,
      alerts: [{ ...payload.alerts[0], fingerprint: "d1d0000000000002", startsAt: "yesterday" }, ...payload.alerts],
    });
    expect(answer).toMatchObject({
      status: 200,
      body: {
        created: 1,
        dropped: { invalid: 1 },
        refusedAlerts: [{ index: 0, reason: expect.stringMatching(/alerts\.0\.startsAt/) }],
      },
    });
    expect(await pagesOf("d1d0000000000001")).toHaveLength(1);
  });

  test("a resolved alert without endsAt closes at receipt", async () => {
    const firing = alert("c1c0000000000001", "2026-03-12T13:00:00Z");
    await deliver(fx.secret, notification([firing]));
    const { endsAt: _end, ...withoutEnd } = notification([resolved(firing, "2026-03-12T14:00:00Z")]).alerts[0] ?? {};
    const answer = await deliver(fx.secret, { ...notification([]), status: "resolved", alerts: [withoutEnd] });
    expect(answer).toMatchObject({ status: 200, body: { resolved: 1 } });
    expect((await pagesOf("c1c0000000000001"))[0]?.resolvedAt).toEqual(NOW);
  });

  test("the secret may come as Authorization: Bearer instead of in the URL", async () => {
    const { POST } = await import("@/app/api/integrations/alertmanager/route");
    const body = JSON.stringify(notification([alert("b1b0000000000001", "2026-03-12T15:00:00Z")]));
    const post = (headers: Record<string, string>) =>
      POST(new Request("http://toilcap.test/api/integrations/alertmanager", { method: "POST", body, headers }));
    const accepted = await post({ authorization: `Bearer ${fx.secret}` });
    expect(accepted.status).toBe(200);
    expect(await pagesOf("b1b0000000000001")).toHaveLength(1);
    for (const authorization of [`Bearer ${"A".repeat(43)}`, `Basic ${fx.secret}`, "Bearer", ""]) {
      const refused = await post({ authorization });
      expect(refused.status, authorization).toBe(404);
    }
    expect((await post({})).headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  test("an unknown secret is answered before its body is read, closing the connection: a trickled body holds nothing", async () => {
    const neverEnds = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("{"));
      },
    });
    const { POST } = await import("@/app/api/integrations/alertmanager/[secret]/route");
    const request = new Request(`http://toilcap.test/api/integrations/alertmanager/${"A".repeat(43)}`, {
      method: "POST",
      body: neverEnds,
      duplex: "half",
    } as RequestInit);
    const response = await POST(request, { params: Promise.resolve({ secret: "A".repeat(43) }) });
    expect(response.status).toBe(404);
    expect(response.headers.get("connection")).toBe("close");
  });

  test("a known secret's body that trickles past the deadline gets 408, not a request held for minutes", async () => {
    const neverEnds = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("{"));
      },
    });
    const request = new Request("http://toilcap.test/hook", {
      method: "POST",
      body: neverEnds,
      duplex: "half",
    } as RequestInit);
    const response = await receiveAlertmanagerWebhook(request, fx.secret, {
      db: async () => database.db,
      now: () => NOW,
      bodyDeadlineMs: 100,
    });
    expect(response.status).toBe(408);
  });

  test("an unknown, malformed or revoked secret gets 404 and stores nothing", async () => {
    const before = await countInterrupts();
    const body = notification([alert("ab00000000000001", "2026-03-12T10:00:00Z")]);
    const unknown = "A".repeat(43);
    for (const secret of [unknown, "not-a-secret", `${fx.secret}x`, "", "../../trpc"]) {
      const answer = await deliver(secret, body);
      expect(answer.status, secret).toBe(404);
      expect(answer.body).toMatchObject({ ok: false, error: expect.stringMatching(/No such integration/) });
    }
    const planner = await callerAt(database.db, fx.planner.id, NOW);
    const spare = await planner.integrations.create({
      teamId: fx.team.id,
      name: "Staging",
      rotationId: fx.rotation.id,
    });
    await planner.integrations.revoke({ teamId: fx.team.id, integrationId: spare.integration.id });
    expect((await deliver(spare.secret, body)).status).toBe(404);
    expect(await countInterrupts()).toBe(before);
  });

  test("a database failure answers 503, so Alertmanager retries, never 500", async () => {
    const request = new Request("http://toilcap.test/hook", {
      method: "POST",
      body: JSON.stringify(notification([PAYMENTS_5XX])),
    });
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await receiveAlertmanagerWebhook(request, fx.secret, {
      db: () => Promise.reject(new Error("connection refused")),
      now: () => NOW,
    });
    quiet.mockRestore();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ok: false, error: expect.stringMatching(/retry later/) });
  });
});
