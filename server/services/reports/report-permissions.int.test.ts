import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { automationEstimate } from "@/db/schema";
import { callerAs } from "@/server/testing/fixtures";
import { logEntry, makeReportTeam, type ReportTeamFixture } from "@/server/testing/report-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { local, makeTemplate, refusal } from "@/server/testing/work-log-fixtures";

const at = (isoLocal: string) => local(isoLocal, "Europe/Berlin");
const NOW = at("2025-03-16T23:00");
const WEEK = { from: at("2025-03-10T00:00"), to: at("2025-03-17T00:00") };

let database: Database;
let fx: ReportTeamFixture;
let templateId: string;
let otherTemplateId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  fx = await makeReportTeam(db);
  templateId = (await makeTemplate(db, fx.team.id, { name: "Restart the queue", defaultMinutes: 20 })).id;
  otherTemplateId = (await makeTemplate(db, fx.otherTeam.id, { name: "Their chore", defaultMinutes: 20 })).id;
  for (const person of [fx.erika, fx.jonas]) {
    await logEntry(db, {
      person,
      teamId: fx.team.id,
      startsAt: at("2025-03-11T10:00"),
      minutes: 30,
      templateId,
      summary: `secret of ${person.name}`,
    });
  }
});
afterAll(async () => database?.close());

const as = (personId: string | null) => callerAs(database.db, personId, () => NOW);

/** Every report procedure, called with valid input on `teamId`. */
function everyProcedure(caller: Awaited<ReturnType<typeof as>>, teamId: string) {
  return {
    teamToil: () => caller.reports.teamToil({ teamId, period: "week" }),
    trend: () => caller.reports.trend({ teamId, weeks: 2 }),
    interruptLoad: () => caller.reports.interruptLoad({ teamId, period: "week" }),
    toilSources: () => caller.reports.toilSources({ teamId, period: "week", groupBy: "template" }),
    drillDown: () => caller.reports.drillDown({ teamId, ...WEEK }),
    listEstimates: () => caller.reports.listEstimates({ teamId }),
    saveEstimate: () =>
      caller.reports.saveEstimate({ teamId, sourceKind: "alert", sourceKey: "DiskFull", buildHours: 8 }),
    removeEstimate: () => caller.reports.removeEstimate({ teamId, id: "00000000-0000-4000-8000-000000000000" }),
  };
}

async function codes(calls: Record<string, () => Promise<unknown>>): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const [name, call] of Object.entries(calls)) result[name] = (await refusal(call())).code;
  return result;
}

describe(`who may read which report on ${testEngine}`, () => {
  test("signed out: UNAUTHORIZED everywhere", async () => {
    const anonymous = await as(null);
    expect(Object.values(await codes(everyProcedure(anonymous, fx.team.id)))).toEqual(Array(8).fill("UNAUTHORIZED"));
  });

  test("a member of another team (even its manager): FORBIDDEN everywhere", async () => {
    const outsider = await as(fx.outsider.id);
    expect(Object.values(await codes(everyProcedure(outsider, fx.team.id)))).toEqual(Array(8).fill("FORBIDDEN"));
  });

  test("an engineer reads every report but changes no estimate", async () => {
    const engineer = await as(fx.erika.id);
    expect(await codes(everyProcedure(engineer, fx.team.id))).toEqual({
      teamToil: "OK",
      trend: "OK",
      interruptLoad: "OK",
      toilSources: "OK",
      drillDown: "OK",
      listEstimates: "OK",
      saveEstimate: "FORBIDDEN",
      removeEstimate: "FORBIDDEN",
    });
  });

  test("a manager and an admin of the organisation may do everything (the unknown estimate is NOT_FOUND)", async () => {
    for (const personId of [fx.manager.id, fx.admin.id]) {
      const caller = await as(personId);
      const result = await codes(everyProcedure(caller, fx.team.id));
      expect(result).toMatchObject({
        teamToil: "OK",
        trend: "OK",
        interruptLoad: "OK",
        toilSources: "OK",
        drillDown: "OK",
        listEstimates: "OK",
        saveEstimate: "OK",
      });
      expect(result.removeEstimate).toBe("NOT_FOUND");
    }
  });

  test("an admin of another organisation does not find the team", async () => {
    const foreign = await as(fx.foreignAdmin.id);
    const result = await codes(everyProcedure(foreign, fx.team.id));
    expect(new Set(Object.values(result))).toEqual(new Set(["NOT_FOUND"]));
  });
});

describe(`whose detail each viewer sees on ${testEngine}`, () => {
  test("an engineer drilling into someone else: FORBIDDEN; into themselves: their entries only", async () => {
    const engineer = await as(fx.erika.id);
    const other = await refusal(engineer.reports.drillDown({ teamId: fx.team.id, personId: fx.jonas.id, ...WEEK }));
    expect(other).toMatchObject({ code: "FORBIDDEN", fields: ["personId"] });
    const own = await engineer.reports.drillDown({ teamId: fx.team.id, personId: fx.erika.id, ...WEEK });
    expect(own.entries.map((e) => e.detail?.summary)).toEqual(["secret of Erika Berg"]);
  });

  test("an engineer drilling into a source sees only their own entries behind it", async () => {
    const engineer = await as(fx.erika.id);
    const row = await engineer.reports.drillDown({
      teamId: fx.team.id,
      ...WEEK,
      sourceKind: "template",
      sourceKey: templateId,
    });
    expect(row.onlyOwn).toBe(true);
    expect(row.entries.map((e) => e.personId)).toEqual([fx.erika.id]);
    // The source's row itself is a team figure: both people's time.
    const sources = await engineer.reports.toilSources({ teamId: fx.team.id, period: "week", groupBy: "template" });
    expect(sources.sources.find((s) => s.key === templateId)).toMatchObject({ totalMinutes: 60, peopleAffected: 2 });
  });

  test("a manager drills into anyone of the team, but not into someone outside it", async () => {
    const manager = await as(fx.manager.id);
    const row = await manager.reports.drillDown({
      teamId: fx.team.id,
      ...WEEK,
      sourceKind: "template",
      sourceKey: templateId,
    });
    expect(row.onlyOwn).toBe(false);
    expect(row.entries.map((e) => e.personName).sort()).toEqual(["Erika Berg", "Jonas Hahn"]);
    const jonas = await manager.reports.drillDown({ teamId: fx.team.id, personId: fx.jonas.id, ...WEEK });
    expect(jonas.person).toEqual({ id: fx.jonas.id, name: "Jonas Hahn" });
    expect(
      await refusal(manager.reports.drillDown({ teamId: fx.team.id, personId: fx.outsider.id, ...WEEK })),
    ).toMatchObject({
      code: "NOT_FOUND",
      fields: ["personId"],
    });
  });
});

describe(`bad input is refused at its field on ${testEngine}`, () => {
  test.each([
    {
      name: "custom period without a start",
      call: "teamToil",
      input: { period: "custom", to: WEEK.to },
      fields: ["from"],
    },
    {
      name: "custom period ending before it starts",
      call: "teamToil",
      input: { period: "custom", from: WEEK.to, to: WEEK.from },
      fields: ["to"],
    },
    {
      name: "a range on a calendar period",
      call: "interruptLoad",
      input: { period: "week", from: WEEK.from },
      fields: ["period"],
    },
    { name: "an unknown period", call: "teamToil", input: { period: "year" }, fields: ["period"] },
    {
      name: "a year out of range",
      call: "teamToil",
      input: { period: "week", at: new Date("1999-06-01T00:00:00Z") },
      fields: ["at"],
    },
    {
      name: "an unknown grouping",
      call: "toilSources",
      input: { period: "week", groupBy: "team" },
      fields: ["groupBy"],
    },
    { name: "no weeks", call: "trend", input: { weeks: 0 }, fields: ["weeks"] },
    { name: "a fractional week count", call: "trend", input: { weeks: 1.5 }, fields: ["weeks"] },
    {
      name: "a person who is not an id",
      call: "drillDown",
      input: { ...WEEK, personId: "erika" },
      fields: ["personId"],
    },
    {
      name: "a source kind without its key",
      call: "drillDown",
      input: { ...WEEK, sourceKind: "alert" },
      fields: ["sourceKey"],
    },
    {
      name: "negative build time",
      call: "saveEstimate",
      input: { sourceKind: "alert", sourceKey: "DiskFull", buildHours: -1 },
      fields: ["buildHours"],
    },
    {
      name: "a template key that is no id",
      call: "saveEstimate",
      input: { sourceKind: "template", sourceKey: "restart", buildHours: 2 },
      fields: ["sourceKey"],
    },
    {
      name: "a date that is no date",
      call: "saveEstimate",
      input: { sourceKind: "alert", sourceKey: "DiskFull", buildHours: 2, automatedOn: "2025-02-30" },
      fields: ["automatedOn"],
    },
    { name: "an unknown field", call: "teamToil", input: { period: "week", team: "x" }, fields: [""] },
  ])("$name", async ({ call, input, fields }) => {
    const manager = await as(fx.manager.id);
    const procedure = manager.reports[call as "teamToil"] as (input: unknown) => Promise<unknown>;
    expect(await refusal(procedure({ teamId: fx.team.id, ...input }))).toMatchObject({ code: "BAD_REQUEST", fields });
  });

  test.each([
    {
      name: "a custom range over two years",
      call: "teamToil",
      input: () => ({ period: "custom", from: at("2021-01-01T00:00"), to: at("2025-01-01T00:00") }),
      field: "to",
    },
    {
      name: "a drill-down over two years",
      call: "drillDown",
      input: () => ({ from: at("2021-01-01T00:00"), to: at("2025-01-01T00:00") }),
      field: "to",
    },
    {
      name: "an automation date in the future",
      call: "saveEstimate",
      input: () => ({ sourceKind: "alert", sourceKey: "DiskFull", buildHours: 2, automatedOn: "2025-03-18" }),
      field: "automatedOn",
    },
    {
      name: "another team's template",
      call: "saveEstimate",
      input: () => ({ sourceKind: "template", sourceKey: otherTemplateId, buildHours: 2 }),
      field: "sourceKey",
    },
  ])("$name: refused by the service, naming the field", async ({ call, input, field }) => {
    const manager = await as(fx.manager.id);
    const procedure = manager.reports[call as "teamToil"] as (input: unknown) => Promise<unknown>;
    expect(await refusal(procedure({ teamId: fx.team.id, ...input() }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: [field],
    });
  });

  test("nothing refused was written", async () => {
    const rows = await database.db.select().from(automationEstimate);
    // Only the manager's and the admin's valid saves above, one live row for the alert.
    expect(rows.filter((r) => r.deletedAt === null).map((r) => r.sourceKey)).toEqual(["DiskFull"]);
  });
});
