import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { absence, team, workEntry } from "@/db/schema";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { callerAs, makeOrganisation, makePerson, makeTeam } from "@/server/testing/fixtures";
import { local, makeShift, NO_TRAITS, refusal } from "@/server/testing/work-log-fixtures";

const BERLIN = "Europe/Berlin";
const at = (isoLocal: string) => local(isoLocal, BERLIN);
// Wednesday of the week Monday 10 March 2025 (no daylight-saving change), Berlin.
const NOW = at("2025-03-12T15:00");
// Sunday night of that week: all of its work has happened.
const WEEK_DONE = at("2025-03-16T23:00");
const now = () => WEEK_DONE;

let database: Database;
let ids: { team: string; erika: string; other: string };

/** Toil (or overhead) starting at a Berlin wall-clock time. */
async function logWork(personId: string, isoLocal: string, minutes: number, category: "toil" | "overhead" = "toil") {
  const [row] = await database.db
    .insert(workEntry)
    .values({ personId, teamId: ids.team, startsAt: at(isoLocal), minutes, category, summary: isoLocal, ...NO_TRAITS })
    .returning();
  if (!row) throw new Error("no entry");
  return row;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const org = await makeOrganisation(db);
  const home = await makeTeam(db, org.id, "Platform SRE");
  const teams = [{ teamId: home.id, roles: ["engineer" as const] }];
  ids = {
    team: home.id,
    erika: (await makePerson(db, org.id, { timeZone: BERLIN, teams })).id,
    other: (await makePerson(db, org.id, { timeZone: BERLIN, teams })).id,
  };
  const { erika } = ids;
  // Friday off: the default Mon-Fri 09:00-17:00 pattern leaves 4 x 480 = 1920 scheduled minutes.
  await db
    .insert(absence)
    .values({ personId: erika, startsAt: at("2025-03-14T00:00"), endsAt: at("2025-03-15T00:00") });
  // A deleted absence counts for nothing.
  await db
    .insert(absence)
    .values({ personId: erika, startsAt: at("2025-03-13T00:00"), endsAt: at("2025-03-14T00:00"), deletedAt: NOW });
  const shift = (role: "primary" | "ticket" | "shadow", from: string, to: string) =>
    makeShift(db, { teamId: home.id, personId: erika, role, startsAt: at(from), endsAt: at(to) });
  await shift("primary", "2025-03-11T13:00", "2025-03-12T11:00"); // duty Tue 13-17 (240) + Wed 09-11 (120) = 360, on call
  await shift("ticket", "2025-03-13T09:00", "2025-03-13T12:00"); // duty Thu 09-12 = 180, not on call
  await shift("shadow", "2025-03-10T09:00", "2025-03-10T17:00"); // shadowing is not duty

  await logWork(erika, "2025-03-10T10:00", 60); // Mon 10:00-11:00
  await logWork(erika, "2025-03-10T10:30", 60); // overlaps: together 10:00-11:30 = 90 logged
  await logWork(erika, "2025-03-11T14:00", 30); // inside duty: adds nothing
  await logWork(erika, "2025-03-12T16:30", 60); // 30 logged until 17:00, then 30 after hours
  await logWork(erika, "2025-03-15T10:00", 45); // Saturday: 45 after hours
  await logWork(erika, "2025-03-14T10:00", 60); // on leave: 60 after hours
  await logWork(erika, "2025-03-13T13:00", 120, "overhead"); // overhead is never operational
  const deleted = await logWork(erika, "2025-03-10T14:00", 60);
  await db.update(workEntry).set({ deletedAt: NOW }).where(eq(workEntry.id, deleted.id));
  await logWork(ids.other, "2025-03-10T09:00", 480); // someone else's day
});
afterAll(async () => database?.close());

// scheduled 1920; duty 360 + 180 = 540, of it on call 360; logged 90 + 30 = 120; after hours 30 + 45 + 60 = 135.
const HAND = {
  scheduled: 1920,
  duty: 540,
  onCallDuty: 360,
  logged: 120,
  afterHours: 135,
  operational: 540 + 120 + 135,
  worked: 1920 + 135,
  toilShare: 795 / 2055,
  onCallShare: 360 / 2055,
};

describe(`my share on ${testEngine}`, () => {
  test("this week, by the rules of docs/accounting.md, against the team's caps", async () => {
    const erika = await callerAs(database.db, ids.erika, now);
    const share = await erika.share.mine({ period: "week" });
    expect(share.period).toEqual({ from: at("2025-03-10T00:00"), to: at("2025-03-17T00:00"), kind: "week" });
    expect(share.accountedTo).toEqual(WEEK_DONE);
    expect(share.accounting).toEqual(HAND);
    expect(share).toMatchObject({ toilCap: 0.5, onCallCap: 0.25, overToilCap: false, overOnCallCap: false });
  });

  test("a running week counts up to now: what is still scheduled, planned or logged ahead does not count yet", async () => {
    const erika = await callerAs(database.db, ids.erika, () => NOW);
    const share = await erika.share.mine({ period: "week" });
    expect(share.period).toEqual({ from: at("2025-03-10T00:00"), to: at("2025-03-17T00:00"), kind: "week" });
    expect(share.accountedTo).toEqual(NOW);
    // Mon 480 + Tue 480 + Wed 09:00-15:00 360; the primary shift's 360 is all before now, Thursday's ticket duty
    // is not; Monday's 90 logged counts, Wednesday 16:30 and the weekend's entries lie ahead.
    expect(share.accounting).toEqual({
      scheduled: 1320,
      duty: 360,
      onCallDuty: 360,
      logged: 90,
      afterHours: 0,
      operational: 450,
      worked: 1320,
      toilShare: 450 / 1320,
      onCallShare: 360 / 1320,
    });
  });

  test("a chosen range gives the same numbers, and a stricter team cap flags it", async () => {
    const { db } = database;
    await db.update(team).set({ toilCap: 0.3, onCallCap: 0.15 }).where(eq(team.id, ids.team));
    try {
      const erika = await callerAs(db, ids.erika, now);
      const share = await erika.share.mine({
        period: "custom",
        from: at("2025-03-10T00:00"),
        to: at("2025-03-17T00:00"),
      });
      expect(share.accounting).toEqual(HAND);
      expect(share).toMatchObject({ toilCap: 0.3, onCallCap: 0.15, overToilCap: true, overOnCallCap: true });
    } finally {
      await db.update(team).set({ toilCap: 0.5, onCallCap: 0.25 }).where(eq(team.id, ids.team));
    }
  });

  test("month and quarter follow the caller's calendar, across the change to summer time", async () => {
    const erika = await callerAs(database.db, ids.erika, now);
    const month = await erika.share.mine({ period: "month" });
    expect(month.period).toEqual({
      from: new Date("2025-02-28T23:00:00Z"),
      to: new Date("2025-03-31T22:00:00Z"),
      kind: "month",
    });
    expect(month.accountedTo).toEqual(WEEK_DONE);
    // The 10 weekdays of March up to now, minus the Friday off; the week's operational time is the month's.
    expect(month.accounting).toMatchObject({ scheduled: 9 * 480, operational: HAND.operational });
    const quarter = await erika.share.mine({ period: "quarter" });
    expect(quarter.period.from).toEqual(new Date("2024-12-31T23:00:00Z"));
    expect(quarter.period.to).toEqual(new Date("2025-03-31T22:00:00Z"));
  });

  test("a bad range is refused at its field", async () => {
    const erika = await callerAs(database.db, ids.erika, now);
    const cases = [
      { period: "custom" as const, from: at("2025-03-17T00:00"), to: at("2025-03-10T00:00") },
      { period: "custom" as const, from: at("2025-03-17T00:00") },
      { period: "custom" as const, from: at("2020-01-01T00:00"), to: at("2025-01-01T00:00") },
    ];
    for (const input of cases)
      expect(await refusal(erika.share.mine(input))).toMatchObject({ code: "BAD_REQUEST", fields: ["to"] });
    expect(await refusal(erika.share.mine({ period: "year" } as never))).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["period"],
    });
  });

  test("the trend ends with the current week, each week cut from one load of the data", async () => {
    const erika = await callerAs(database.db, ids.erika, now);
    const trend = await erika.share.trend({ weeks: 3 });
    expect(trend.weeks.map((w) => w.label)).toEqual(["24 Feb", "3 Mar", "10 Mar"]);
    expect(trend.weeks[2]).toEqual({
      from: at("2025-03-10T00:00"),
      to: at("2025-03-17T00:00"),
      label: "10 Mar",
      toilShare: HAND.toilShare,
      onCallShare: HAND.onCallShare,
      operational: HAND.operational,
      worked: HAND.worked,
      provisional: false,
      partial: true,
    });
    expect(trend.weeks[0]).toMatchObject({
      toilShare: 0,
      operational: 0,
      worked: 2400,
      provisional: false,
      partial: false,
    });
    expect(trend).toMatchObject({ toilCap: 0.5, onCallCap: 0.25 });
    expect((await erika.share.trend({})).weeks).toHaveLength(12);
  });

  test("a trend week with the change to summer time lasts 167 hours and still schedules 40", async () => {
    const erika = await callerAs(database.db, ids.erika, () => at("2025-04-02T12:00"));
    const { weeks } = await erika.share.trend({ weeks: 2 });
    const [dstWeek] = weeks;
    expect(dstWeek?.label).toBe("24 Mar");
    expect((dstWeek?.to.getTime() ?? 0) - (dstWeek?.from.getTime() ?? 0)).toBe(167 * 3_600_000);
    expect(dstWeek?.worked).toBe(2400);
  });

  test("the overview counts week, month, quarter and trend as share.mine and share.trend do, from one load", async () => {
    const erika = await callerAs(database.db, ids.erika, now);
    const overview = await erika.share.overview({ weeks: 3 });
    expect(overview).toEqual({
      week: await erika.share.mine({ period: "week" }),
      month: await erika.share.mine({ period: "month" }),
      quarter: await erika.share.mine({ period: "quarter" }),
      trend: await erika.share.trend({ weeks: 3 }),
    });
    expect(overview.week.accounting).toEqual(HAND);
  });

  test("in a week that began last quarter, the overview's quarter leaves out what the week counts", async () => {
    const { db } = database;
    const org = await makeOrganisation(db);
    const home = await makeTeam(db, org.id, "Quarter edge");
    const quinn = await makePerson(db, org.id, {
      timeZone: BERLIN,
      teams: [{ teamId: home.id, roles: ["engineer"] }],
    });
    // Monday 31 March is in the week of Wednesday 2 April, but not in its quarter (from 1 April).
    await db.insert(workEntry).values({
      personId: quinn.id,
      teamId: home.id,
      startsAt: at("2025-03-31T10:00"),
      minutes: 60,
      category: "toil",
      summary: "Last day of the quarter",
      ...NO_TRAITS,
    });
    const caller = await callerAs(db, quinn.id, () => at("2025-04-02T15:00"));
    const overview = await caller.share.overview({ weeks: 2 });
    expect(overview.week.accounting.logged).toBe(60);
    expect(overview.quarter.accounting.logged).toBe(0);
    expect(overview.week).toEqual(await caller.share.mine({ period: "week" }));
    expect(overview.quarter).toEqual(await caller.share.mine({ period: "quarter" }));
    expect(overview.trend).toEqual(await caller.share.trend({ weeks: 2 }));
  });
});
