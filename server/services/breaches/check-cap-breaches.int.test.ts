import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { person, teamMember } from "@/db/schema";
import { callerAs, makePerson } from "@/server/testing/fixtures";
import {
  BERLIN,
  breachesOf,
  makeBreachTeam,
  NEW_YORK,
  toilDays,
  type BreachTeamFixture,
} from "@/server/testing/breach-fixtures";
import { addRotation, logEntry } from "@/server/testing/report-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { startWebhookReceiver, type WebhookReceiver } from "@/server/testing/webhook-receiver";
import { ALLOW_HOSTS_ENV } from "@/server/integrations/breach-webhook/destination";
import { local } from "@/server/testing/work-log-fixtures";
import { settleBackgroundWork } from "./background";
import { checkCapBreaches } from "./check-cap-breaches";

const at = (isoLocal: string, zone = BERLIN) => local(isoLocal, zone);
// Wednesday 12 March 2025, 17:00 in Berlin (noon in New York, which moved to summer time on the 9th; Berlin
// moves on the 30th): March is a daylight-saving month on both sides.
const NOW = at("2025-03-12T17:00");
const FIRST_WEEK = ["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07"];

let database: Database;
let receiver: WebhookReceiver;
let fx: BreachTeamFixture;

beforeAll(async () => {
  // The receiver listens on loopback, which only an allow-listed host may reach.
  vi.stubEnv(ALLOW_HOSTS_ENV, "127.0.0.1");
  database = await createTestDatabase();
  receiver = await startWebhookReceiver();
  const { db } = database;
  fx = await makeBreachTeam(db, { webhookUrl: receiver.url });
  const teamId = fx.team.id;
  // Erika: all of the first week on toil, nothing since: 2400 of 3840 scheduled minutes so far.
  await toilDays(db, fx.erika, teamId, FIRST_WEEK);
  // Jonas: alone on a weekly primary rotation from Monday 10 March 09:00, so on call from then to the month's end.
  await addRotation(db, {
    teamId,
    role: "primary",
    participants: [fx.jonas.id],
    timeZone: BERLIN,
    startsOn: "2025-03-10",
    recordedUntil: at("2025-03-10T09:00"),
  });
  // Dana (New York): three days of toil, then alone on ticket duty from Monday 17 March 09:00, her time.
  await toilDays(db, fx.dana, teamId, ["2025-03-03", "2025-03-04", "2025-03-05"]);
  await addRotation(db, {
    teamId,
    role: "ticket",
    participants: [fx.dana.id],
    timeZone: NEW_YORK,
    startsOn: "2025-03-17",
    recordedUntil: at("2025-03-01T00:00", NEW_YORK),
    shiftUnit: "weeks",
  });
  // The manager is not an engineer, and a removed engineer no longer counts: neither can breach.
  await toilDays(db, fx.manager, teamId, FIRST_WEEK);
  const gone = await makePerson(db, fx.org.id, { name: "Gone Engineer", teams: [{ teamId, roles: ["engineer"] }] });
  await toilDays(db, gone, teamId, FIRST_WEEK);
  await db.update(person).set({ deletedAt: NOW }).where(eq(person.id, gone.id));
});
afterAll(async () => {
  await settleBackgroundWork();
  vi.unstubAllEnvs();
  await receiver?.close();
  await database?.close();
});

const summary = (rows: Awaited<ReturnType<typeof breachesOf>>, names: Map<string, string>) =>
  rows.map((r) => ({
    who: names.get(r.personId),
    kind: r.kind,
    projected: r.projected,
    status: r.deliveryStatus,
    attempts: r.deliveryAttempts,
  }));

describe(`checkCapBreaches on ${testEngine}`, () => {
  test("stores each engineer's breaches of the team's month once, and sends each once", async () => {
    const { db } = database;
    const names = new Map([fx.erika, fx.jonas, fx.dana, fx.kiran].map((p) => [p.id, p.name]));
    const check = await checkCapBreaches(db, fx.team.id, "all", NOW);
    const deliveries = await check.deliveries;
    const rows = await breachesOf(db, fx.team.id);
    const expected = [
      { who: "Erika Berg", kind: "toil", projected: false },
      { who: "Jonas Hahn", kind: "on-call", projected: false },
      { who: "Jonas Hahn", kind: "toil", projected: true },
      { who: "Dana Kim", kind: "toil", projected: true },
    ].map((row) => ({ ...row, status: "sent", attempts: 1 }));
    const byWho = (a: { who?: string; kind: string }, b: { who?: string; kind: string }) =>
      `${a.who}${a.kind}`.localeCompare(`${b.who}${b.kind}`);
    expect(summary(rows, names).sort(byWho)).toEqual(expected.sort(byWho));
    expect(check.detected).toHaveLength(4);
    expect(deliveries.map((d) => d.status)).toEqual(["sent", "sent", "sent", "sent"]);
    expect(receiver.requests).toHaveLength(4);
    expect(new Set(receiver.requests.map((r) => (r.body as { id: string }).id))).toEqual(
      new Set(rows.map((r) => r.id)),
    );

    const erika = rows.find((r) => r.personId === fx.erika.id);
    expect(erika?.share).toBeCloseTo(2400 / 3840, 4);
    expect(erika?.periodStart.toISOString()).toBe("2025-02-28T23:00:00.000Z");
    expect(erika?.periodEnd.toISOString()).toBe("2025-03-31T22:00:00.000Z");
    // Jonas so far: 10-12 March on call, 1440 of 3840; to the month's end 1440 + 13 days of 480, of 21 days.
    const jonas = rows.filter((r) => r.personId === fx.jonas.id);
    expect(jonas.find((r) => r.kind === "on-call")?.share).toBeCloseTo(1440 / 3840, 4);
    expect(jonas.find((r) => r.kind === "toil")?.share).toBeCloseTo((1440 + 13 * 480) / (21 * 480), 4);
    // Dana's month is the team's (Berlin's), which holds all of her New York March: 17-21, 24-28 and 31 March on
    // ticket duty, 09:00-17:00 there.
    const dana = rows.find((r) => r.personId === fx.dana.id);
    expect(dana?.periodStart.toISOString()).toBe("2025-02-28T23:00:00.000Z");
    expect(dana?.periodEnd.toISOString()).toBe("2025-03-31T22:00:00.000Z");
    expect(dana?.share).toBeCloseTo((1440 + 11 * 480) / (21 * 480), 4);
  });

  test("the stored shares are the Team reports page's numbers for the same month", async () => {
    const { db } = database;
    const rows = await breachesOf(db, fx.team.id);
    const manager = await callerAs(db, fx.manager.id, () => NOW);
    const report = await manager.reports.teamToil({ teamId: fx.team.id, period: "month" });
    const member = (id: string) => report.members.find((m) => m.personId === id);
    expect(rows.find((r) => r.personId === fx.erika.id)?.share).toBeCloseTo(
      member(fx.erika.id)?.accounting.toilShare ?? -1,
      4,
    );
    expect(member(fx.erika.id)?.toilCap.over).toBe(true);
    expect(rows.find((r) => r.personId === fx.jonas.id && r.kind === "on-call")?.share).toBeCloseTo(
      member(fx.jonas.id)?.accounting.onCallShare ?? -1,
      4,
    );
    expect(member(fx.jonas.id)?.toilCap.over).toBe(false);
    expect(member(fx.kiran.id)?.toilCap.over).toBe(false);
  });

  test("checking again, in any number at once, stores and sends nothing more", async () => {
    const { db } = database;
    const before = receiver.requests.length;
    const checks = await Promise.all([1, 2, 3, 4].map(() => checkCapBreaches(db, fx.team.id, "all", NOW)));
    expect(checks.flatMap((c) => c.detected)).toEqual([]);
    expect((await Promise.all(checks.map((c) => c.deliveries))).flat()).toEqual([]);
    expect(receiver.requests.length).toBe(before);
    expect(await breachesOf(db, fx.team.id)).toHaveLength(4);
  });

  test("a projected breach that becomes actual is updated, not sent again", async () => {
    const { db } = database;
    const before = receiver.requests.length;
    // Thursday 20 March: Jonas has been on call 10-14 and 17-20 March, 9 of the 14 working days so far.
    const later = at("2025-03-20T17:00");
    const check = await checkCapBreaches(db, fx.team.id, [fx.jonas.id], later);
    expect(check.detected).toEqual([]);
    expect(check.confirmed.map((r) => [r.kind, r.projected])).toEqual([["toil", false]]);
    const toil = (await breachesOf(db, fx.team.id, fx.jonas.id)).find((r) => r.kind === "toil");
    expect(toil?.projected).toBe(false);
    expect(toil?.share).toBeCloseTo((9 * 480) / (14 * 480), 4);
    expect(toil?.detectedAt.toISOString()).toBe(NOW.toISOString());
    expect(receiver.requests.length).toBe(before);
  });

  test("only the people asked about are checked", async () => {
    const { db } = database;
    const kiranToil = await makePerson(db, fx.org.id, {
      name: "Late Toiler",
      teams: [{ teamId: fx.team.id, roles: ["engineer"] }],
    });
    await toilDays(db, kiranToil, fx.team.id, FIRST_WEEK);
    const others = await checkCapBreaches(db, fx.team.id, [fx.erika.id, fx.dana.id], NOW);
    expect(others.detected).toEqual([]);
    const own = await checkCapBreaches(db, fx.team.id, [kiranToil.id], NOW);
    expect(own.detected.map((r) => [r.personId, r.kind])).toEqual([[kiranToil.id, "toil"]]);
    await own.deliveries;
  });

  test("a new month is a new period on the team's calendar: Berlin's April, even for an engineer in New York", async () => {
    const { db } = database;
    // 22:30 UTC on 31 March: half past midnight on 1 April in Berlin (summer time), 18:30 on 31 March in New York.
    const instant = new Date("2025-03-31T22:30:00Z");
    const check = await checkCapBreaches(db, fx.team.id, [fx.jonas.id, fx.dana.id], instant);
    await check.deliveries;
    const april = check.detected.map((r) => ({
      who: r.personId,
      kind: r.kind,
      projected: r.projected,
      from: r.periodStart.toISOString(),
    }));
    expect(april).toEqual(
      expect.arrayContaining([
        { who: fx.jonas.id, kind: "toil", projected: true, from: "2025-03-31T22:00:00.000Z" },
        { who: fx.jonas.id, kind: "on-call", projected: true, from: "2025-03-31T22:00:00.000Z" },
        { who: fx.dana.id, kind: "toil", projected: true, from: "2025-03-31T22:00:00.000Z" },
      ]),
    );
    expect((await breachesOf(db, fx.team.id, fx.jonas.id)).map((r) => r.periodStart.toISOString())).toEqual([
      "2025-02-28T23:00:00.000Z",
      "2025-03-31T22:00:00.000Z",
      "2025-02-28T23:00:00.000Z",
      "2025-03-31T22:00:00.000Z",
    ]);
  });

  test("a team without a webhook stores breaches as 'none' and sends nothing; a removed team is not checked", async () => {
    const { db } = database;
    const before = receiver.requests.length;
    const quiet = await makePerson(db, fx.org.id, {
      name: "Quiet Team Engineer",
      teams: [{ teamId: fx.otherTeam.id, roles: ["engineer"] }],
    });
    await toilDays(db, quiet, fx.otherTeam.id, FIRST_WEEK);
    const check = await checkCapBreaches(db, fx.otherTeam.id, "all", NOW);
    expect(check.detected.map((r) => r.deliveryStatus)).toEqual(["none"]);
    expect(await check.deliveries).toEqual([]);
    expect(receiver.requests.length).toBe(before);
    const nobody = await checkCapBreaches(db, "00000000-0000-4000-8000-000000000000", "all", NOW);
    expect(nobody.detected).toEqual([]);
  });

  test("someone in two teams breaches against each team's own cap", async () => {
    const { db } = database;
    await db.insert(teamMember).values({ teamId: fx.otherTeam.id, personId: fx.erika.id, role: "engineer" });
    const check = await checkCapBreaches(db, fx.otherTeam.id, [fx.erika.id], NOW);
    expect(check.detected.map((r) => [r.teamId, r.kind, r.projected])).toEqual([[fx.otherTeam.id, "toil", false]]);
    await logEntry(db, { person: fx.erika, teamId: fx.team.id, startsAt: at("2025-03-10T09:00"), minutes: 60 });
    expect((await checkCapBreaches(db, fx.team.id, [fx.erika.id], NOW)).detected).toEqual([]);
  });
});
