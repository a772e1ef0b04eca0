import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import fc from "fast-check";
import type { Database } from "@/db/client";
import { useDatabase } from "@/server/db/runtime";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { capturedPages, deliver, makeCaptureTeam } from "@/server/testing/alertmanager-delivery";
import { notification, PAYMENTS_5XX, resolved, type TestAlert } from "@/server/testing/alertmanager-payloads";

const NOW = new Date("2026-03-20T12:00:00Z");
const FIRST_START = Date.parse("2026-03-04T10:00:00Z");
const MINUTE = 60_000;

let database: Database;
let fx: Awaited<ReturnType<typeof makeCaptureTeam>>;
let run = 0;

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

/** One firing of an alert: a fingerprint (one of three, so some fire twice), a start slot and how long it fired. */
const firing = fc.record({
  fingerprint: fc.integer({ min: 0, max: 2 }),
  slot: fc.integer({ min: 0, max: 12 }),
  minutes: fc.integer({ min: 1, max: 60 }),
});
const firings = fc.uniqueArray(firing, { minLength: 1, maxLength: 5, selector: (f) => `${f.fingerprint}/${f.slot}` });
/** A notification lists some firings, each as firing or as resolved. */
const notificationSpec = fc.array(fc.record({ which: fc.nat(), resolved: fc.boolean() }), {
  minLength: 1,
  maxLength: 4,
});
/** What Alertmanager sends, in what order: any of the notifications, each any number of times. */
const scenario = fc.record({
  firings,
  notifications: fc.array(notificationSpec, { minLength: 1, maxLength: 5 }),
  order: fc.array(fc.nat(), { minLength: 1, maxLength: 10 }),
});

describe(`retries and reorderings on ${testEngine}`, () => {
  test("any sequence of deliveries stores each firing once, resolved when any delivery said so, each notification one incident", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ firings: spec, notifications, order }) => {
        run += 1;
        const groupKey = `{}:{run="${run}"}`;
        const alerts: TestAlert[] = spec.map((f) => ({
          ...PAYMENTS_5XX,
          fingerprint: `run${run}-fp${f.fingerprint}`,
          startsAt: new Date(FIRST_START + f.slot * 15 * MINUTE).toISOString(),
        }));
        const endOf = (index: number) => {
          const f = spec[index];
          return new Date(FIRST_START + ((f?.slot ?? 0) * 15 + (f?.minutes ?? 1)) * MINUTE).toISOString();
        };
        const bodies = notifications.map((listed) => {
          const picked = new Map<number, boolean>();
          for (const { which, resolved: isResolved } of listed)
            picked.set(which % alerts.length, (picked.get(which % alerts.length) ?? false) || isResolved);
          return [...picked].map(([index, isResolved]) => ({ index, isResolved }));
        });
        const delivered = order.map((n) => bodies[n % bodies.length] ?? []);

        for (const listed of delivered) {
          const body = notification(
            listed.flatMap(({ index, isResolved }) => {
              const alert = alerts[index];
              if (!alert) return [];
              return [isResolved ? resolved(alert, endOf(index)) : alert];
            }),
            groupKey,
          );
          const answer = await deliver(fx.secret, body);
          expect(answer.status).toBe(200);
        }

        const pages = (await capturedPages(database.db, fx.team.id)).filter((page) => page.groupKey === groupKey);
        const sent = new Set(delivered.flat().map(({ index }) => index));
        const keyOf = (fingerprint: string | null, at: Date) => `${fingerprint}@${at.getTime()}`;
        // Each firing delivered is stored exactly once.
        expect(pages.map((page) => keyOf(page.alertFingerprint, page.openedAt)).sort()).toEqual(
          [...sent]
            .map((index) => keyOf(alerts[index]?.fingerprint ?? "", new Date(alerts[index]?.startsAt ?? 0)))
            .sort(),
        );
        const byKey = new Map(pages.map((page) => [keyOf(page.alertFingerprint, page.openedAt), page]));
        for (const index of sent) {
          const alert = alerts[index];
          if (!alert) continue;
          const page = byKey.get(keyOf(alert.fingerprint, new Date(alert.startsAt)));
          const saidResolved = delivered.some((listed) => listed.some((l) => l.index === index && l.isResolved));
          expect(page?.resolvedAt ?? null).toEqual(saidResolved ? new Date(endOf(index)) : null);
        }
        // The alerts of one notification form one incident, however the deliveries interleaved.
        for (const listed of delivered) {
          const incidents = new Set(
            listed.map(({ index }) => {
              const alert = alerts[index];
              return alert ? byKey.get(keyOf(alert.fingerprint, new Date(alert.startsAt)))?.incidentId : undefined;
            }),
          );
          expect(incidents.size).toBe(1);
        }
        // Every incident has one head, the page it is named after, and only it counts as an incident.
        for (const incidentId of new Set(pages.map((page) => page.incidentId))) {
          expect(
            pages.filter((page) => page.incidentId === incidentId && page.isIncident).map((page) => page.id),
          ).toEqual([incidentId]);
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
