/** Alertmanager deliveries counted by outcome (webhook_request_count), through the receiver's route handler. */
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { webhookRequestCount } from "@/db/schema";
import { useDatabase } from "@/server/db/runtime";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { failingNextTransaction, requestCounts } from "@/server/testing/ticket-delivery";
import { receiveAlertmanagerWebhook } from "./receive-webhook";
import { deliver, makeCaptureTeam } from "@/server/testing/alertmanager-delivery";
import { notification, PAYMENTS_5XX, resolved } from "@/server/testing/alertmanager-payloads";

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

const counts = () => requestCounts(database.db, fx.integration.id);

describe(`Alertmanager request counts on ${testEngine}`, () => {
  test("accepted when a delivery stores or resolves something, duplicate when it changes nothing, rejected for 4xx", async () => {
    const firing = notification([PAYMENTS_5XX]);
    expect((await deliver(fx.secret, firing)).status).toBe(200);
    expect(await counts()).toEqual({ accepted: 1, duplicate: 0, rejected: 0, failed: 0 });
    await deliver(fx.secret, firing);
    await deliver(fx.secret, firing);
    expect(await counts()).toEqual({ accepted: 1, duplicate: 2, rejected: 0, failed: 0 });
    await deliver(fx.secret, notification([resolved(PAYMENTS_5XX, "2026-03-04T13:40:00Z")]));
    expect(await counts()).toEqual({ accepted: 2, duplicate: 2, rejected: 0, failed: 0 });
    expect((await deliver(fx.secret, "{")).status).toBe(400);
    expect((await deliver(fx.secret, { ...firing, version: "3" })).status).toBe(400);
    const padded = JSON.stringify(notification([{ ...PAYMENTS_5XX, summary: "x".repeat(8 * 1024 * 1024) }]));
    expect((await deliver(fx.secret, padded)).status).toBe(413);
    expect(await counts()).toEqual({ accepted: 2, duplicate: 2, rejected: 3, failed: 0 });
  });

  test("an unknown secret is not counted anywhere", async () => {
    const total = async () =>
      (
        await database.db
          .select({ n: sql<number>`coalesce(sum(${webhookRequestCount.count}), 0)::int` })
          .from(webhookRequestCount)
      )[0]?.n;
    const before = await total();
    expect((await deliver("A".repeat(43), notification([PAYMENTS_5XX]))).status).toBe(404);
    expect(await total()).toBe(before);
  });

  test("a failure after the integration was found answers 503 and is counted as failed", async () => {
    const before = await counts();
    const failing = failingNextTransaction(database.db);
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const request = new Request("http://toilcap.test/hook", {
      method: "POST",
      body: JSON.stringify(notification([{ ...PAYMENTS_5XX, fingerprint: "f0" }])),
    });
    const response = await receiveAlertmanagerWebhook(request, fx.secret, {
      db: () => Promise.resolve(failing),
      now: () => NOW,
    });
    quiet.mockRestore();
    expect(response.status).toBe(503);
    expect(await counts()).toEqual({ ...before, failed: before.failed + 1 });
  });
});
