import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, team } from "@/db/schema";
import { breachesOf, toilDays } from "@/server/testing/breach-fixtures";
import { callerAs, makeOrganisation, makePerson, makeTeam } from "@/server/testing/fixtures";
import { logEntry } from "@/server/testing/report-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { local, refusal } from "@/server/testing/work-log-fixtures";
import { settleBackgroundWork } from "../breaches/background";
import { checkCapBreaches } from "../breaches/check-cap-breaches";

const BERLIN = "Europe/Berlin";
const NEW_YORK = "America/New_York";
const TOKYO = "Asia/Tokyo";
// 12 of March 2026's 22 working days all on toil: 96 h of 176 h, 54.5%, over the 50% cap.
const MARCH_WORKDAYS = ["02", "03", "04", "05", "06", "09", "10", "11", "12", "13", "16", "17"].map(
  (d) => `2026-03-${d}`,
);

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await settleBackgroundWork();
  await database?.close();
});

/** A team on `zone`'s calendar: a manager in Tokyo, an engineer in Berlin. */
async function zonedTeam(zone: string) {
  const { db } = database;
  const org = await makeOrganisation(db);
  const created = await makeTeam(db, org.id, undefined, zone);
  const manager = await makePerson(db, org.id, {
    name: "Mona Manager",
    timeZone: TOKYO,
    teams: [{ teamId: created.id, roles: ["manager"] }],
  });
  const erika = await makePerson(db, org.id, {
    name: "Erika Berg",
    timeZone: BERLIN,
    teams: [{ teamId: created.id, roles: ["engineer"] }],
  });
  return { team: created, manager, erika };
}

describe(`team time zone on ${testEngine}`, () => {
  test("the team report's week is the team's week, not the viewer's, and follows a change of zone", async () => {
    const { team: t, manager } = await zonedTeam(NEW_YORK);
    // Monday 2 March 2026, 03:00 UTC: still Sunday evening in New York, Monday noon in Tokyo.
    const now = new Date("2026-03-02T03:00:00Z");
    const mona = await callerAs(database.db, manager.id, () => now);
    const inNewYork = await mona.reports.teamToil({ teamId: t.id, period: "week" });
    expect(inNewYork.period).toMatchObject({
      timeZone: NEW_YORK,
      from: local("2026-02-23T00:00", NEW_YORK),
      to: local("2026-03-02T00:00", NEW_YORK),
    });
    expect((await mona.reports.trend({ teamId: t.id, weeks: 2 })).timeZone).toBe(NEW_YORK);

    await mona.teams.updateTimeZone({ teamId: t.id, timeZone: TOKYO });
    const inTokyo = await mona.reports.teamToil({ teamId: t.id, period: "week" });
    expect(inTokyo.period).toMatchObject({ timeZone: TOKYO, from: local("2026-03-02T00:00", TOKYO), accountedTo: now });
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, t.id), eq(auditLog.action, "team.time-zone")));
    expect(audit).toMatchObject({ before: { timeZone: NEW_YORK }, after: { timeZone: TOKYO } });
  });

  test("a zone that is not an IANA name is a 400 at timeZone and changes nothing", async () => {
    const { team: t, manager } = await zonedTeam(BERLIN);
    const mona = await callerAs(database.db, manager.id);
    expect(await refusal(mona.teams.updateTimeZone({ teamId: t.id, timeZone: "Mars/Olympus" }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["timeZone"],
    });
    const [row] = await database.db.select({ timeZone: team.timeZone }).from(team).where(eq(team.id, t.id));
    expect(row?.timeZone).toBe(BERLIN);
  });

  test("a new team takes its creator's zone unless one is given", async () => {
    const org = await makeOrganisation(database.db);
    const admin = await makePerson(database.db, org.id, { isAdmin: true, timeZone: TOKYO });
    const ada = await callerAs(database.db, admin.id);
    expect((await ada.teams.create({ name: "Night SRE" })).timeZone).toBe(TOKYO);
    expect((await ada.teams.create({ name: "Day SRE", timeZone: NEW_YORK })).timeZone).toBe(NEW_YORK);
  });

  test("breach months are the team's: at 19:30 on 31 March in New York it is still March for a Berlin engineer", async () => {
    const { db } = database;
    const { team: t, erika } = await zonedTeam(NEW_YORK);
    await toilDays(db, erika, t.id, MARCH_WORKDAYS);
    // 1 April 01:30 in Berlin.
    const now = new Date("2026-03-31T23:30:00Z");
    await (await checkCapBreaches(db, t.id, "all", now)).deliveries;
    const rows = await breachesOf(db, t.id);
    expect(rows.map((r) => [r.kind, r.projected, r.periodStart.toISOString()])).toEqual([
      ["toil", false, local("2026-03-01T00:00", NEW_YORK).toISOString()],
    ]);
  });

  test("the same instant on a Berlin team is April, provisional: no breach", async () => {
    const { db } = database;
    const { team: t, erika } = await zonedTeam(BERLIN);
    await toilDays(db, erika, t.id, MARCH_WORKDAYS);
    await logEntry(db, { person: erika, teamId: t.id, startsAt: local("2026-04-01T00:30", BERLIN), minutes: 25 });
    await (await checkCapBreaches(db, t.id, "all", new Date("2026-03-31T23:30:00Z"))).deliveries;
    expect(await breachesOf(db, t.id)).toEqual([]);
  });
});

describe(`provisional shares on ${testEngine}`, () => {
  test("25 minutes before the workday on a Monday: the report says too early to tell, and no breach is recorded", async () => {
    const { db } = database;
    const { team: t, manager, erika } = await zonedTeam(BERLIN);
    await logEntry(db, { person: erika, teamId: t.id, startsAt: local("2026-03-30T08:10", BERLIN), minutes: 25 });
    const now = local("2026-03-30T08:40", BERLIN);
    const mona = await callerAs(db, manager.id, () => now);
    const report = await mona.reports.teamToil({ teamId: t.id, period: "week" });
    const [row] = report.members;
    expect(row?.accounting).toMatchObject({ scheduled: 0, afterHours: 25, worked: 25, toilShare: 1 });
    expect(row?.toilCap).toEqual({ provisional: true, over: false, overBy: 0, overByMinutes: 0 });
    expect(report.totals.toilCap).toMatchObject({ provisional: true, over: false });
    expect(report.totals.membersOverToilCap).toBe(0);
    expect(report.totals.toilShareSpread).toBeNull();

    const mine = await (await callerAs(db, erika.id, () => now)).share.mine({ period: "week" });
    expect(mine).toMatchObject({ provisional: true, overToilCap: false, overOnCallCap: false, timeZone: BERLIN });

    const trend = await mona.reports.trend({ teamId: t.id, weeks: 2 });
    // Last week is a whole week of 40 scheduled hours without toil (0%); this one is too early to tell (a gap).
    expect(trend.teamWeeks.map((w) => [w.toilShare, w.provisional, w.partial])).toEqual([
      [0, false, false],
      [null, true, true],
    ]);

    await (await checkCapBreaches(db, t.id, "all", now)).deliveries;
    expect(await breachesOf(db, t.id)).toEqual([]);
  });
});
