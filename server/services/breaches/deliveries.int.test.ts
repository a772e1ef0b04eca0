import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Database } from "@/db/client";
import { capBreach, team } from "@/db/schema";
import { makePerson } from "@/server/testing/fixtures";
import { BERLIN, makeBreachTeam, toilDays, type BreachTeamFixture } from "@/server/testing/breach-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { callerAs } from "@/server/testing/fixtures";
import { startWebhookReceiver, verifiedBody, type WebhookReceiver } from "@/server/testing/webhook-receiver";
import { ALLOW_HOSTS_ENV } from "@/server/integrations/breach-webhook/destination";
import { local } from "@/server/testing/work-log-fixtures";
import { settleBackgroundWork } from "./background";
import { checkCapBreaches } from "./check-cap-breaches";
import { retryDeliveries } from "./retry-deliveries";
import { sweepCapBreaches } from "./sweep-breaches";

const NOW = local("2025-03-12T17:00", BERLIN);
const FIRST_WEEK = ["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07"];
const minutesLater = (minutes: number) => DateTime.fromJSDate(NOW).plus({ minutes }).toJSDate();

let database: Database;
let fx: BreachTeamFixture;
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  // The receivers listen on loopback, which only an allow-listed host may reach.
  vi.stubEnv(ALLOW_HOSTS_ENV, "127.0.0.1");
  database = await createTestDatabase();
  fx = await makeBreachTeam(database.db);
});
afterEach(async () => {
  await settleBackgroundWork();
  while (receivers.length > 0) await receivers.pop()?.close();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await database?.close();
});

/** A receiver answering as told, set as the team's webhook. */
async function receiverFor(answers: Parameters<typeof startWebhookReceiver>[0]) {
  const receiver = await startWebhookReceiver(answers);
  receivers.push(receiver);
  await database.db.update(team).set({ breachWebhookUrl: receiver.url }).where(eq(team.id, fx.team.id));
  return receiver;
}

/** A new engineer of the team over the toil cap, and the breach a check stores for them. */
async function breachOfNewEngineer(name: string, home: BreachTeamFixture = fx) {
  const { db } = database;
  const engineer = await makePerson(db, home.org.id, {
    name,
    timeZone: BERLIN,
    teams: [{ teamId: home.team.id, roles: ["engineer"] }],
  });
  await toilDays(db, engineer, home.team.id, FIRST_WEEK);
  const check = await checkCapBreaches(db, home.team.id, [engineer.id], NOW);
  const [breach] = check.detected;
  if (!breach) throw new Error("no breach detected");
  return { engineer, breach, deliveries: await check.deliveries };
}

async function signingSecret() {
  const [row] = await database.db
    .select({ secret: team.breachWebhookSecret })
    .from(team)
    .where(eq(team.id, fx.team.id));
  if (!row?.secret) throw new Error("the team has no signing secret");
  return row.secret;
}

async function stored(id: string) {
  const [row] = await database.db.select().from(capBreach).where(eq(capBreach.id, id));
  if (!row) throw new Error("breach gone");
  return row;
}

describe(`breach webhooks against a real HTTP server on ${testEngine}`, () => {
  test("one POST per breach, with the documented JSON", async () => {
    const receiver = await receiverFor(() => 204);
    const { engineer, breach, deliveries } = await breachOfNewEngineer("Paula Payload");
    expect(deliveries).toEqual([{ breachId: breach.id, attempt: 1, status: "sent", httpStatus: 204, error: null }]);
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/hooks/toilcap?token=s3cret");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["x-toilcap-event"]).toBe("toilcap.cap_breach");
    expect(request?.headers["x-toilcap-delivery"]).toBe(breach.id);
    expect(request?.headers["webhook-id"]).toBe(breach.id);
    expect(request?.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(await signingSecret()).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(verifiedBody(request, await signingSecret())).toEqual(request?.body);
    expect(request?.body).toEqual({
      type: "toilcap.cap_breach",
      id: breach.id,
      test: false,
      team: { id: fx.team.id, name: "Platform SRE" },
      engineer: { id: engineer.id, name: "Paula Payload", email: engineer.email },
      cap: "toil",
      share: 0.625,
      limit: 0.5,
      projected: false,
      period: { from: "2025-03-01T00:00:00.000+01:00", to: "2025-04-01T00:00:00.000+02:00", timeZone: BERLIN },
      detectedAt: NOW.toISOString(),
      summary: "Paula Payload's toil share in March 2025 reached 63%, over Platform SRE's 50% cap.",
      reportUrl: expect.stringMatching(
        new RegExp(`/reports\\?team=${fx.team.id}&period=custom&from=2025-03-01&to=2025-03-31$`),
      ),
    });
    const row = await stored(breach.id);
    expect(row).toMatchObject({ deliveryStatus: "sent", deliveryAttempts: 1, deliveryError: null, deliveredAt: NOW });
    // The sweep finds nothing new and nothing due.
    const sweep = await sweepCapBreaches(database.db, minutesLater(30));
    expect(sweep.detected).toBe(0);
    expect(sweep.retries.filter((r) => r.breachId === breach.id)).toEqual([]);
    expect(receiver.requests).toHaveLength(1);
  });

  test("a 500 is retried by the sweep once due, and then it is sent", async () => {
    const receiver = await receiverFor((n) => (n === 0 ? 500 : 200));
    const { breach, deliveries } = await breachOfNewEngineer("Rita Retry");
    expect(deliveries.map((d) => [d.status, d.error])).toEqual([["pending", "HTTP 500"]]);
    expect(await stored(breach.id)).toMatchObject({
      deliveryStatus: "pending",
      deliveryAttempts: 1,
      deliveryError: "HTTP 500",
      deliveredAt: null,
    });
    // Two minutes on the retry is not due yet (five minutes after detection).
    expect(await retryDeliveries(database.db, minutesLater(2))).toEqual([]);
    expect(receiver.requests).toHaveLength(1);
    const retried = await retryDeliveries(database.db, minutesLater(6));
    expect(retried).toEqual([{ breachId: breach.id, attempt: 2, status: "sent", httpStatus: 200, error: null }]);
    expect(await stored(breach.id)).toMatchObject({ deliveryStatus: "sent", deliveryAttempts: 2, deliveryError: null });
    expect(receiver.requests.map((r) => (r.body as { id: string }).id)).toEqual([breach.id, breach.id]);
    expect(await retryDeliveries(database.db, minutesLater(600))).toEqual([]);
    expect(receiver.requests).toHaveLength(2);
  });

  test("after five failed attempts it gives up", async () => {
    const receiver = await receiverFor(() => 503);
    const { breach } = await breachOfNewEngineer("Gina Giveup");
    for (const minutes of [5, 20, 60, 180]) await retryDeliveries(database.db, minutesLater(minutes + 1));
    expect(await stored(breach.id)).toMatchObject({
      deliveryStatus: "failed",
      deliveryAttempts: 5,
      deliveryError: "HTTP 503",
    });
    expect(receiver.requests).toHaveLength(5);
    receiver.answer(() => 200);
    await sweepCapBreaches(database.db, minutesLater(24 * 60));
    expect(receiver.requests).toHaveLength(5);
  });

  test("several sweeps at once make each attempt once", async () => {
    const receiver = await receiverFor((n) => (n === 0 ? 500 : 200));
    const { breach } = await breachOfNewEngineer("Connie Current");
    const runs = await Promise.all([1, 2, 3].map(() => retryDeliveries(database.db, minutesLater(6))));
    expect(runs.flat().filter((r) => r.breachId === breach.id)).toHaveLength(1);
    expect(receiver.requests).toHaveLength(2);
  });

  test("a receiver that does not answer within 5 s is a failed attempt", { timeout: 20_000 }, async () => {
    await receiverFor(() => "hang");
    const started = Date.now();
    const { breach, deliveries } = await breachOfNewEngineer("Tim Timeout");
    expect(Date.now() - started).toBeGreaterThanOrEqual(4900);
    expect(deliveries.map((d) => [d.status, d.httpStatus, d.error])).toEqual([
      ["pending", null, "timed out after 5 s"],
    ]);
    expect(await stored(breach.id)).toMatchObject({
      deliveryStatus: "pending",
      deliveryAttempts: 1,
      deliveryError: "timed out after 5 s",
    });
  });

  test("nobody listening is a failed attempt with the reason", async () => {
    const receiver = await receiverFor(() => 200);
    await receiver.close();
    const { deliveries } = await breachOfNewEngineer("Nora Nobody");
    expect(deliveries.map((d) => [d.status, d.error])).toEqual([["pending", "could not connect"]]);
  });

  test("without a URL nothing is sent, and a webhook turned off before a retry is not sent to", async () => {
    const receiver = await receiverFor((n) => (n === 0 ? 500 : 200));
    const { breach } = await breachOfNewEngineer("Olga Off");
    await database.db.update(team).set({ breachWebhookUrl: null }).where(eq(team.id, fx.team.id));
    const none = await breachOfNewEngineer("Nils None");
    expect(none.breach.deliveryStatus).toBe("none");
    expect(none.deliveries).toEqual([]);
    await retryDeliveries(database.db, minutesLater(6));
    expect(await stored(breach.id)).toMatchObject({ deliveryStatus: "none", deliveryAttempts: 2 });
    expect(await stored(none.breach.id)).toMatchObject({ deliveryStatus: "none", deliveryAttempts: 0 });
    expect(receiver.requests).toHaveLength(1);
  });

  test("a first attempt that never started (its server stopped) is picked up by the sweep after a minute", async () => {
    const receiver = await receiverFor(() => 200);
    const { db } = database;
    const engineer = await makePerson(db, fx.org.id, {
      name: "Stan Stopped",
      teams: [{ teamId: fx.team.id, roles: ["engineer"] }],
    });
    await toilDays(db, engineer, fx.team.id, FIRST_WEEK);
    // The check stores the breach; its delivery promise is dropped before it could run, as in a crash.
    const [row] = await db
      .insert(capBreach)
      .values({
        teamId: fx.team.id,
        personId: engineer.id,
        kind: "toil",
        periodStart: local("2025-03-01T00:00", BERLIN),
        periodEnd: local("2025-04-01T00:00", BERLIN),
        share: 0.7,
        cap: 0.5,
        detectedAt: NOW,
      })
      .returning();
    if (!row) throw new Error("no row");
    expect(await retryDeliveries(db, minutesLater(0.5))).toEqual([]);
    expect((await retryDeliveries(db, minutesLater(2))).map((r) => [r.breachId, r.attempt, r.status])).toEqual([
      [row.id, 1, "sent"],
    ]);
    expect(receiver.requests).toHaveLength(1);
  });

  test("a webhook refuses the server's own network unless its host is allow-listed, saying so without socket details", async () => {
    const receiver = await receiverFor(() => 200);
    vi.stubEnv(ALLOW_HOSTS_ENV, "");
    try {
      const { breach, deliveries } = await breachOfNewEngineer("Lou Loopback");
      expect(deliveries.map((d) => [d.status, d.httpStatus, d.error])).toEqual([
        ["pending", null, "refused: the webhook's host is not a public internet address"],
      ]);
      expect((await stored(breach.id)).deliveryError).not.toMatch(/127\.0\.0\.1|ECONN|:\d+/);
      expect(receiver.requests).toHaveLength(0);
    } finally {
      vi.stubEnv(ALLOW_HOSTS_ENV, "127.0.0.1");
    }
  });

  test("breaches found while the team had no webhook: this month's open ones are sent when a URL is set, signed with the secret shown", async () => {
    const { db } = database;
    const quiet = await makeBreachTeam(db);
    const open = await breachOfNewEngineer("Ona Open", quiet);
    const putAway = await breachOfNewEngineer("Pat Putaway", quiet);
    await db.update(capBreach).set({ acknowledgedAt: NOW }).where(eq(capBreach.id, putAway.breach.id));
    const february = await makePerson(db, quiet.org.id, {
      name: "Fritz February",
      timeZone: BERLIN,
      teams: [{ teamId: quiet.team.id, roles: ["engineer"] }],
    });
    await toilDays(db, february, quiet.team.id, ["2025-02-03", "2025-02-04", "2025-02-05"]);
    const [lastMonth] = (await checkCapBreaches(db, quiet.team.id, [february.id], local("2025-02-05T17:00", BERLIN)))
      .detected;
    expect([open.breach.deliveryStatus, putAway.breach.deliveryStatus, lastMonth?.deliveryStatus]).toEqual([
      "none",
      "none",
      "none",
    ]);

    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const manager = await callerAs(db, quiet.manager.id, () => NOW);
    const saved = await manager.breaches.setWebhook({ teamId: quiet.team.id, url: receiver.url });
    expect(saved).toMatchObject({
      url: receiver.url,
      hasSigningSecret: true,
      queued: 1,
      signingSecret: expect.stringMatching(/^whsec_/),
    });
    await settleBackgroundWork();
    expect(receiver.requests.map((r) => (r.body as { id: string }).id)).toEqual([open.breach.id]);
    expect(verifiedBody(receiver.requests[0], saved.signingSecret ?? "")).toMatchObject({
      id: open.breach.id,
      engineer: { name: "Ona Open" },
    });
    expect(await stored(open.breach.id)).toMatchObject({
      deliveryStatus: "sent",
      deliveryAttempts: 1,
      deliveryQueuedAt: NOW,
    });
    expect(await stored(putAway.breach.id)).toMatchObject({ deliveryStatus: "none" });
    expect(await stored(lastMonth?.id ?? "")).toMatchObject({ deliveryStatus: "none" });

    // Saving the same URL again queues nothing and shows no secret; a rotated secret signs what follows.
    expect(await manager.breaches.setWebhook({ teamId: quiet.team.id, url: receiver.url })).toMatchObject({
      queued: 0,
      signingSecret: null,
    });
    const { signingSecret: rotated } = await manager.breaches.rotateWebhookSecret({ teamId: quiet.team.id });
    expect(rotated).not.toBe(saved.signingSecret);
    await manager.breaches.testWebhook({ teamId: quiet.team.id });
    expect(verifiedBody(receiver.requests.at(-1), rotated)).toMatchObject({ test: true });
    expect(() => verifiedBody(receiver.requests.at(-1), saved.signingSecret ?? "")).toThrow();
  });

  test("a queued breach whose first attempt fails is retried on the schedule counted from when it was queued", async () => {
    const { db } = database;
    const quiet = await makeBreachTeam(db);
    const { breach } = await breachOfNewEngineer("Quinn Queued", quiet);
    const receiver = await startWebhookReceiver((n) => (n === 0 ? 500 : 200));
    receivers.push(receiver);
    const later = minutesLater(600);
    await (await callerAs(db, quiet.manager.id, () => later)).breaches.setWebhook({
      teamId: quiet.team.id,
      url: receiver.url,
    });
    await settleBackgroundWork();
    expect(await stored(breach.id)).toMatchObject({ deliveryStatus: "pending", deliveryAttempts: 1 });
    const afterLater = (minutes: number) => DateTime.fromJSDate(later).plus({ minutes }).toJSDate();
    const retriesOf = async (at: Date) =>
      (await retryDeliveries(db, at)).filter((r) => r.breachId === breach.id).map((r) => r.status);
    expect(await retriesOf(afterLater(2))).toEqual([]);
    expect(await retriesOf(afterLater(6))).toEqual(["sent"]);
  });
});
