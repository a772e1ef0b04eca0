import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import fc from "fast-check";
import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Database } from "@/db/client";
import { capBreach, team } from "@/db/schema";
import { makeOrganisation, makePerson, makeTeam } from "@/server/testing/fixtures";
import { addRotation, logEntry } from "@/server/testing/report-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { startWebhookReceiver, type WebhookReceiver } from "@/server/testing/webhook-receiver";
import { ALLOW_HOSTS_ENV } from "@/server/integrations/breach-webhook/destination";
import { settleBackgroundWork } from "./background";
import { checkCapBreaches } from "./check-cap-breaches";
import { retryDeliveries } from "./retry-deliveries";

/**
 * Whatever the order, timing and repetition of checks (several at once, as from several app servers), and
 * whatever is logged in between: at most one row per engineer, cap and period, and each row's webhook is
 * delivered once. Engineers in three zones, over March and April 2026 (Berlin and New York change to summer
 * time in March on different Sundays; Kolkata never does).
 */

const ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kolkata"] as const;
const START = DateTime.fromISO("2026-03-01T00:00", { zone: "UTC" });
const SPAN_HOURS = 61 * 24;

type Step =
  | { kind: "check"; hour: number; copies: number; who: "all" | number }
  | { kind: "log"; who: number; hour: number; minutes: number }
  | { kind: "retry"; hour: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("check" as const),
      hour: fc.integer({ min: 0, max: SPAN_HOURS }),
      copies: fc.integer({ min: 1, max: 3 }),
      who: fc.oneof(fc.constant("all" as const), fc.integer({ min: 0, max: 2 })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("log" as const),
      who: fc.integer({ min: 0, max: 2 }),
      hour: fc.integer({ min: 0, max: SPAN_HOURS }),
      minutes: fc.integer({ min: 60, max: 1440 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("retry" as const), hour: fc.integer({ min: 0, max: SPAN_HOURS }) }),
  },
);

let database: Database;
let receiver: WebhookReceiver;
let orgId: string;

beforeAll(async () => {
  // The receiver listens on loopback, which only an allow-listed host may reach.
  vi.stubEnv(ALLOW_HOSTS_ENV, "127.0.0.1");
  database = await createTestDatabase();
  receiver = await startWebhookReceiver();
  orgId = (await makeOrganisation(database.db)).id;
});
afterAll(async () => {
  await settleBackgroundWork();
  vi.unstubAllEnvs();
  await receiver?.close();
  await database?.close();
});

/** A fresh team per run, so runs never see each other's rows: three engineers, one of them on call every other week. */
async function freshTeam() {
  const { db } = database;
  const created = await makeTeam(db, orgId);
  await db.update(team).set({ breachWebhookUrl: receiver.url }).where(eq(team.id, created.id));
  const people = [];
  for (const zone of ZONES)
    people.push(await makePerson(db, orgId, { timeZone: zone, teams: [{ teamId: created.id, roles: ["engineer"] }] }));
  const [first, second] = people;
  if (!first || !second) throw new Error("no people");
  await addRotation(db, {
    teamId: created.id,
    role: "primary",
    participants: [first.id, second.id],
    timeZone: "Europe/Berlin",
    startsOn: "2026-03-02",
    recordedUntil: START.toJSDate(),
  });
  return { teamId: created.id, people };
}

describe(`a breach is stored and sent once, on ${testEngine}`, () => {
  test("whatever the order and repetition of checks", { timeout: 240_000 }, async () => {
    let breachesSeen = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 3, maxLength: 10 }), async (steps) => {
        const { db } = database;
        const { teamId, people } = await freshTeam();
        const at = (hour: number) => START.plus({ hours: hour }).toJSDate();
        for (const step of steps) {
          if (step.kind === "log") {
            const who = people[step.who];
            if (who) await logEntry(db, { person: who, teamId, startsAt: at(step.hour), minutes: step.minutes });
          } else if (step.kind === "retry") {
            await retryDeliveries(db, at(step.hour));
          } else {
            const ids = step.who === "all" ? "all" : [people[step.who]?.id ?? ""];
            const checks = await Promise.all(
              Array.from({ length: step.copies }, () => checkCapBreaches(db, teamId, ids, at(step.hour))),
            );
            await Promise.all(checks.map((c) => c.deliveries));
          }
        }
        const rows = await db.select().from(capBreach).where(eq(capBreach.teamId, teamId));
        const keys = rows.map((r) => `${r.personId}/${r.kind}/${r.periodStart.toISOString()}`);
        expect(new Set(keys).size).toBe(keys.length);
        const ids = new Set(rows.map((r) => r.id));
        const received = receiver.requests.map((r) => (r.body as { id: string }).id).filter((id) => ids.has(id));
        // The receiver answers 200, so each row is sent on its first attempt and never again.
        expect(received.sort()).toEqual([...ids].sort());
        for (const row of rows) expect([row.deliveryStatus, row.deliveryAttempts]).toEqual(["sent", 1]);
        breachesSeen += rows.length;
      }),
      { numRuns: 12 },
    );
    // The runs must have had breaches to deliver, or the property said nothing.
    expect(breachesSeen).toBeGreaterThan(12);
  });
});
