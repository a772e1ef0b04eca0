import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { absence, team } from "@/db/schema";
import { periodWindow } from "@/server/domain/accounting";
import { callerAs } from "@/server/testing/fixtures";
import { addRotation, logEntry, makeReportTeam, type ReportTeamFixture } from "@/server/testing/report-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { local, makeShift } from "@/server/testing/work-log-fixtures";

const BERLIN = "Europe/Berlin";
const NEW_YORK = "America/New_York";
const at = (isoLocal: string) => local(isoLocal, BERLIN);
const ny = (isoLocal: string) => local(isoLocal, NEW_YORK);
// Sunday night of the week of Monday 10 March 2025, Berlin: the week's work has all happened.
const WEEK_DONE = at("2025-03-16T23:00");

let database: Database;
let fx: ReportTeamFixture;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  fx = await makeReportTeam(db);
  const teamId = fx.team.id;
  const { erika, jonas, dana } = fx;

  // Erika: the share page's week (see my-share.int.test.ts), logged to this team.
  await db
    .insert(absence)
    .values({ personId: erika.id, startsAt: at("2025-03-14T00:00"), endsAt: at("2025-03-15T00:00") });
  const shift = (personId: string, role: "primary" | "ticket" | "shadow", from: Date, to: Date) =>
    makeShift(db, { teamId, personId, role, startsAt: from, endsAt: to });
  await shift(erika.id, "primary", at("2025-03-11T13:00"), at("2025-03-12T11:00")); // duty 240 + 120, on call
  await shift(erika.id, "ticket", at("2025-03-13T09:00"), at("2025-03-13T12:00")); // duty 180
  await shift(erika.id, "shadow", at("2025-03-10T09:00"), at("2025-03-10T17:00")); // not duty
  const log = (
    person: { id: string },
    startsAt: Date,
    minutes: number,
    extra: { category?: "overhead"; deletedAt?: Date } = {},
  ) => logEntry(db, { person, teamId, startsAt, minutes, ...extra });
  await log(erika, at("2025-03-10T10:00"), 60);
  await log(erika, at("2025-03-10T10:30"), 60); // together 90 logged
  await log(erika, at("2025-03-11T14:00"), 30); // inside duty
  await log(erika, at("2025-03-12T16:30"), 60); // 30 logged, 30 after hours
  await log(erika, at("2025-03-15T10:00"), 45); // Saturday: after hours
  await log(erika, at("2025-03-14T10:00"), 60); // on leave: after hours
  await log(erika, at("2025-03-13T13:00"), 120, { category: "overhead" });
  await log(erika, at("2025-03-10T14:00"), 60, { deletedAt: WEEK_DONE });

  // Jonas: primary on call three weeks running, from Monday 24 February 09:00, and paged one night.
  await shift(jonas.id, "primary", at("2025-02-24T09:00"), at("2025-03-17T09:00"));
  await log(jonas, at("2025-03-11T23:00"), 30);

  // Dana (New York): four hours of toil on Monday morning, her time; Priya: nothing at all.
  await log(dana, ny("2025-03-10T10:00"), 240);
});
afterAll(async () => database?.close());

// Hand-computed from docs/accounting.md's rules, minutes.
const ERIKA = {
  scheduled: 1920,
  duty: 540,
  onCallDuty: 360,
  logged: 120,
  afterHours: 135,
  operational: 795,
  worked: 2055,
  toilShare: 795 / 2055,
  onCallShare: 360 / 2055,
};
// Every scheduled minute is primary duty; the night page adds 30 after hours.
const JONAS = {
  scheduled: 2400,
  duty: 2400,
  onCallDuty: 2400,
  logged: 0,
  afterHours: 30,
  operational: 2430,
  worked: 2430,
  toilShare: 1,
  onCallShare: 2400 / 2430,
};
const DANA = {
  scheduled: 2400,
  duty: 0,
  onCallDuty: 0,
  logged: 240,
  afterHours: 0,
  operational: 240,
  worked: 2400,
  toilShare: 0.1,
  onCallShare: 0,
};
const PRIYA = {
  scheduled: 2400,
  duty: 0,
  onCallDuty: 0,
  logged: 0,
  afterHours: 0,
  operational: 0,
  worked: 2400,
  toilShare: 0,
  onCallShare: 0,
};
const TEAM = {
  scheduled: 9120,
  duty: 2940,
  onCallDuty: 2760,
  logged: 360,
  afterHours: 165,
  operational: 3465,
  worked: 9285,
  toilShare: 3465 / 9285,
  onCallShare: 2760 / 9285,
};

const thisWeek = () => ({ teamId: fx.team.id, period: "week" as const });

describe(`team toil report on ${testEngine}`, () => {
  test("a manager sees every engineer's numbers by docs/accounting.md's rules, and the team's", async () => {
    const manager = await callerAs(database.db, fx.manager.id, () => WEEK_DONE);
    const report = await manager.reports.teamToil(thisWeek());
    expect(report.period).toEqual({
      kind: "week",
      from: at("2025-03-10T00:00"),
      to: at("2025-03-17T00:00"),
      accountedTo: WEEK_DONE,
      timeZone: BERLIN,
    });
    expect(report.caps).toEqual({ toilCap: 0.5, onCallCap: 0.25 });
    // Engineers only: the manager-only member is not on the report.
    expect(report.members.map((m) => m.name)).toEqual(["Dana Kim", "Erika Berg", "Jonas Hahn", "Priya Raman"]);
    expect(report.members.map((m) => m.accounting)).toEqual([DANA, ERIKA, JONAS, PRIYA]);
    expect(report.hiddenMembers).toBe(0);
    expect(report.totals.accounting).toEqual(TEAM);
  });

  test("each row says who is over the caps, by how much, and since when", async () => {
    const manager = await callerAs(database.db, fx.manager.id, () => WEEK_DONE);
    const { members, totals } = await manager.reports.teamToil(thisWeek());
    const jonas = members.find((m) => m.personId === fx.jonas.id);
    expect(jonas?.toilShareParts).toEqual({ duty: 2400 / 2430, logged: 0, afterHours: 30 / 2430 });
    expect(jonas?.toilCap).toEqual({ provisional: false, over: true, overBy: 0.5, overByMinutes: 2430 - 0.5 * 2430 });
    expect(jonas?.onCallCap).toEqual({
      provisional: false,
      over: true,
      overBy: 2400 / 2430 - 0.25,
      overByMinutes: 2400 - 0.25 * 2430,
    });
    // Over in the weeks of 24 February, 3 and 10 March; the week of 17 February had no duty.
    expect(jonas?.overCapRun).toEqual({ since: at("2025-02-24T00:00"), weeks: 3, atLeast: false });

    const erika = members.find((m) => m.personId === fx.erika.id);
    expect(erika?.toilShareParts).toEqual({ duty: 540 / 2055, logged: 120 / 2055, afterHours: 135 / 2055 });
    expect(erika?.toilCap).toEqual({ provisional: false, over: false, overBy: 0, overByMinutes: 0 });
    expect(erika?.overCapRun).toBeNull();

    expect(totals.membersOverToilCap).toBe(1);
    expect(totals.membersOverOnCallCap).toBe(1);
    // Shares 0, 0.1, 0.387 and 1: the median is the mean of the middle two.
    expect(totals.toilShareSpread).toEqual({ min: 0, median: (0.1 + 795 / 2055) / 2, max: 1, members: 4 });
    expect(totals.toilShareParts.duty + totals.toilShareParts.logged + totals.toilShareParts.afterHours).toBeCloseTo(
      TEAM.toilShare,
      12,
    );
  });

  test("a stricter team cap puts Erika over since this week", async () => {
    const { db } = database;
    await db.update(team).set({ toilCap: 0.3 }).where(eq(team.id, fx.team.id));
    try {
      const manager = await callerAs(db, fx.manager.id, () => WEEK_DONE);
      const report = await manager.reports.teamToil(thisWeek());
      expect(report.caps.toilCap).toBe(0.3);
      const erika = report.members.find((m) => m.personId === fx.erika.id);
      expect(erika?.toilCap.over).toBe(true);
      expect(erika?.toilCap.overBy).toBeCloseTo(795 / 2055 - 0.3, 12);
      expect(erika?.overCapRun).toEqual({ since: at("2025-03-10T00:00"), weeks: 1, atLeast: false });
      expect(report.totals.membersOverToilCap).toBe(2);
    } finally {
      await db.update(team).set({ toilCap: 0.5 }).where(eq(team.id, fx.team.id));
    }
  });

  test("an engineer sees their own row and the team's figures, nobody else's row", async () => {
    const erika = await callerAs(database.db, fx.erika.id, () => WEEK_DONE);
    const report = await erika.reports.teamToil(thisWeek());
    expect(report.members.map((m) => m.personId)).toEqual([fx.erika.id]);
    expect(report.members[0]?.accounting).toEqual(ERIKA);
    expect(report.hiddenMembers).toBe(3);
    expect(report.totals.accounting).toEqual(TEAM);
  });

  test("a running week is counted up to now, the same rule as my share", async () => {
    const wednesday = at("2025-03-12T15:00");
    const manager = await callerAs(database.db, fx.manager.id, () => wednesday);
    const report = await manager.reports.teamToil(thisWeek());
    expect(report.period.accountedTo).toEqual(wednesday);
    const erika = report.members.find((m) => m.personId === fx.erika.id);
    expect(erika?.accounting).toMatchObject({ scheduled: 1320, duty: 360, logged: 90, afterHours: 0 });
    // Dana's Wednesday has not begun in New York (10:00 there is 15:00 here): Monday, Tuesday and one hour.
    const dana = report.members.find((m) => m.personId === fx.dana.id);
    expect(dana?.accounting).toMatchObject({ scheduled: 2 * 480 + 60, logged: 240 });
  });

  test("periods: a past week by `at`, a future week counts nothing, month, quarter and a rolling 90 days", async () => {
    const manager = await callerAs(database.db, fx.manager.id, () => WEEK_DONE);
    const past = await manager.reports.teamToil({ ...thisWeek(), at: at("2025-03-05T12:00") });
    expect(past.period).toMatchObject({
      from: at("2025-03-03T00:00"),
      to: at("2025-03-10T00:00"),
      accountedTo: at("2025-03-10T00:00"),
    });
    expect(past.members.find((m) => m.personId === fx.jonas.id)?.accounting.toilShare).toBe(1);
    const future = await manager.reports.teamToil({ ...thisWeek(), at: at("2025-03-20T12:00") });
    expect(future.period.accountedTo).toEqual(future.period.from);
    expect(future.totals.accounting.worked).toBe(0);
    expect(future.totals.toilShareSpread).toBeNull();

    const month = await manager.reports.teamToil({ teamId: fx.team.id, period: "month" });
    expect(month.period).toMatchObject({ from: at("2025-03-01T00:00"), to: at("2025-04-01T00:00") });
    const quarter = await manager.reports.teamToil({ teamId: fx.team.id, period: "quarter" });
    expect(quarter.period).toMatchObject({ from: at("2025-01-01T00:00"), to: at("2025-04-01T00:00") });
    const rolling = await manager.reports.teamToil({ teamId: fx.team.id, period: "rolling90" });
    // 90 local days ending with today, Sunday 16 March: from Tuesday 17 December.
    expect(rolling.period).toMatchObject({
      from: at("2024-12-17T00:00"),
      to: at("2025-03-17T00:00"),
      accountedTo: WEEK_DONE,
    });
    // Everything logged happened inside each of them; Jonas's on-call weeks of 3 March (and of 24 February) too.
    expect(month.totals.accounting.operational).toBe(TEAM.operational + 2400);
    for (const report of [quarter, rolling])
      expect(report.totals.accounting.operational).toBe(TEAM.operational + 2 * 2400);
  });

  test("the trend: weekly shares of each engineer and of the team, with the caps", async () => {
    const manager = await callerAs(database.db, fx.manager.id, () => WEEK_DONE);
    const trend = await manager.reports.trend({ teamId: fx.team.id, weeks: 3 });
    expect(trend.teamWeeks.map((w) => w.label)).toEqual(["24 Feb", "3 Mar", "10 Mar"]);
    expect(trend.caps).toEqual({ toilCap: 0.5, onCallCap: 0.25 });
    // Week of 24 February: Jonas's 2400 on call of the team's 4 x 2400 worked.
    expect(trend.teamWeeks[0]).toMatchObject({ toilShare: 0.25, operational: 2400, worked: 9600 });
    expect(trend.teamWeeks[2]).toMatchObject({
      toilShare: TEAM.toilShare,
      operational: TEAM.operational,
      worked: TEAM.worked,
    });
    const jonas = trend.members.find((m) => m.personId === fx.jonas.id);
    expect(jonas?.weeks.map((w) => w.toilShare)).toEqual([1, 1, 1]);

    const erika = await callerAs(database.db, fx.erika.id, () => WEEK_DONE);
    const own = await erika.reports.trend({ teamId: fx.team.id, weeks: 3 });
    expect(own.members.map((m) => m.personId)).toEqual([fx.erika.id]);
    expect(own.hiddenMembers).toBe(3);
    expect(own.teamWeeks).toEqual(trend.teamWeeks);
  });
});

describe(`my share and the team report agree on ${testEngine}`, () => {
  // Wednesday 9 April 2025, 09:00 in New York: Dana's secondary shift since Monday 09:00 is still running.
  const NOW = ny("2025-04-09T09:00");

  beforeAll(async () => {
    const { db } = database;
    await addRotation(db, {
      teamId: fx.team.id,
      role: "secondary",
      participants: [fx.dana.id],
      timeZone: NEW_YORK,
      startsOn: "2025-03-31",
      recordedUntil: ny("2025-03-31T09:00"),
    });
    await logEntry(db, { person: fx.dana, teamId: fx.team.id, startsAt: ny("2025-04-08T20:00"), minutes: 60 });
    await logEntry(db, { person: fx.dana, teamId: fx.otherTeam.id, startsAt: ny("2025-04-02T10:00"), minutes: 90 });
    await db
      .insert(absence)
      .values({ personId: fx.dana.id, startsAt: ny("2025-04-04T00:00"), endsAt: ny("2025-04-05T00:00") });
    await logEntry(db, { person: fx.erika, teamId: fx.team.id, startsAt: at("2025-04-08T11:00"), minutes: 50 });
  });

  test("the shift in progress counts as duty on both, though it is not recorded yet", async () => {
    const dana = await callerAs(database.db, fx.dana.id, () => NOW);
    const mine = await dana.share.mine({ period: "week" });
    // Monday and Tuesday on her clock, all under the running shift; Tuesday evening's hour is after hours.
    const week = {
      scheduled: 960,
      duty: 960,
      onCallDuty: 960,
      logged: 0,
      afterHours: 60,
      operational: 1020,
      worked: 1020,
      toilShare: 1,
      onCallShare: 960 / 1020,
    };
    expect(mine.accounting).toEqual(week);
    const report = await dana.reports.teamToil({ teamId: fx.team.id, period: "week" });
    expect(report.members.find((m) => m.personId === fx.dana.id)?.accounting).toEqual(week);
  });

  test.each(["week", "month", "quarter", "custom"] as const)(
    "%s: the same numbers for the same engineer on the same calendar",
    async (period) => {
      const range = period === "custom" ? { from: at("2025-02-20T00:00"), to: at("2025-04-30T00:00") } : {};
      // Dana's own pages follow New York's calendar, the team's report Berlin's: the same periods only for a chosen range.
      for (const person of period === "custom" ? [fx.dana, fx.erika, fx.jonas] : [fx.erika, fx.jonas]) {
        const caller = await callerAs(database.db, person.id, () => NOW);
        const mine = await caller.share.mine({ period, ...range });
        const report = await caller.reports.teamToil({ teamId: fx.team.id, period, ...range });
        const row = report.members.find((m) => m.personId === person.id);
        expect(row?.accounting).toEqual(mine.accounting);
        expect(report.period).toMatchObject({
          from: mine.period.from,
          to: mine.period.to,
          accountedTo: mine.accountedTo,
        });
      }
    },
  );

  test.each(["week", "month", "quarter"] as const)(
    "%s: an engineer in New York sees her own period on her zone, the team's on Berlin's",
    async (period) => {
      const dana = await callerAs(database.db, fx.dana.id, () => NOW);
      const mine = await dana.share.mine({ period });
      const report = await dana.reports.teamToil({ teamId: fx.team.id, period });
      expect(mine.timeZone).toBe(NEW_YORK);
      expect(report.period.timeZone).toBe(BERLIN);
      expect(report.period.from).toEqual(new Date(periodWindow(period, NOW.getTime(), BERLIN).start));
      expect(mine.period.from).toEqual(new Date(periodWindow(period, NOW.getTime(), NEW_YORK).start));
    },
  );
});
