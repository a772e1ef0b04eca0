import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Database } from "@/db/client";
import { toilTemplate } from "@/db/schema";
import { callerAs } from "@/server/testing/fixtures";
import { addInterrupt, logEntry, makeReportTeam, type ReportTeamFixture } from "@/server/testing/report-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { local, makeService, makeTemplate } from "@/server/testing/work-log-fixtures";

const BERLIN = "Europe/Berlin";
const at = (isoLocal: string) => local(isoLocal, BERLIN);
const NOW = at("2025-03-16T23:00");
// February 2025 in Berlin: 28 days, no change of clocks.
const FEBRUARY = { period: "custom" as const, from: at("2025-02-01T00:00"), to: at("2025-03-01T00:00") };
const DAY_MS = 86_400_000;
const SPAN_DAYS = 28;
const YEAR_DAYS = 365.2425;
const MONTH_DAYS = YEAR_DAYS / 12;

let database: Database;
let fx: ReportTeamFixture;
const ids = { restart: "", rotate: "", retired: "", billing: "" };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  fx = await makeReportTeam(db);
  const teamId = fx.team.id;
  const { erika, jonas, dana } = fx;
  const billing = await makeService(db, teamId, "billing");
  const restart = await makeTemplate(db, teamId, {
    name: "Restart the queue",
    defaultMinutes: 30,
    serviceId: billing.id,
  });
  const rotate = await makeTemplate(db, teamId, { name: "Rotate certificates", defaultMinutes: 120 });
  const retired = await makeTemplate(db, teamId, { name: "Reindex search", defaultMinutes: 600 });
  await db
    .update(toilTemplate)
    .set({ deletedAt: at("2025-01-20T00:00") })
    .where(eq(toilTemplate.id, retired.id));
  Object.assign(ids, { restart: restart.id, rotate: rotate.id, retired: retired.id, billing: billing.id });

  // Restart the queue: 10 x 30 min on billing, by Erika (6) and Jonas (4).
  for (let day = 1; day <= 10; day++) {
    const person = day <= 6 ? erika : jonas;
    const startsAt = at(`2025-02-${String(day + 2).padStart(2, "0")}T10:00`);
    await logEntry(db, { person, teamId, startsAt, minutes: 30, templateId: restart.id, serviceId: billing.id });
  }
  // Rotate certificates: 2 x 120 min before its automation on 15 February, 30 min after; all Dana's.
  await logEntry(db, { person: dana, teamId, startsAt: at("2025-02-03T15:00"), minutes: 120, templateId: rotate.id });
  await logEntry(db, { person: dana, teamId, startsAt: at("2025-02-10T15:00"), minutes: 120, templateId: rotate.id });
  await logEntry(db, { person: dana, teamId, startsAt: at("2025-02-20T15:00"), minutes: 30, templateId: rotate.id });
  // One DiskFull page worked by two people: one occurrence of 90 minutes.
  const disk = await addInterrupt(db, {
    teamId,
    openedAt: at("2025-02-12T03:00"),
    alertName: "DiskFull",
    assigneeId: erika.id,
  });
  await logEntry(db, { person: erika, teamId, startsAt: at("2025-02-12T03:05"), minutes: 60, interruptId: disk.id });
  await logEntry(db, { person: jonas, teamId, startsAt: at("2025-02-12T03:30"), minutes: 30, interruptId: disk.id });
  // Not toil of this team in February: overhead, deleted, another team's, started in January.
  await logEntry(db, {
    person: erika,
    teamId,
    startsAt: at("2025-02-04T10:00"),
    minutes: 50,
    templateId: restart.id,
    category: "overhead",
  });
  await logEntry(db, {
    person: erika,
    teamId,
    startsAt: at("2025-02-05T10:00"),
    minutes: 50,
    templateId: restart.id,
    deletedAt: NOW,
  });
  await logEntry(db, { person: erika, teamId: fx.otherTeam.id, startsAt: at("2025-02-06T10:00"), minutes: 50 });
  await logEntry(db, { person: erika, teamId, startsAt: at("2025-01-31T23:30"), minutes: 50, templateId: restart.id });
  // The retired template's toil ended with its automation on 10 January.
  await logEntry(db, { person: jonas, teamId, startsAt: at("2024-12-02T10:00"), minutes: 600, templateId: retired.id });

  const manager = await callerAs(db, fx.manager.id, () => NOW);
  await manager.reports.saveEstimate({
    teamId,
    sourceKind: "template",
    sourceKey: restart.id,
    buildHours: 20,
    maintenanceHoursPerMonth: 1,
  });
  await manager.reports.saveEstimate({
    teamId,
    sourceKind: "template",
    sourceKey: rotate.id,
    buildHours: 6,
    automatedOn: "2025-02-15",
  });
  await manager.reports.saveEstimate({
    teamId,
    sourceKind: "template",
    sourceKey: retired.id,
    buildHours: 40,
    automatedOn: "2025-01-10",
  });
});
afterAll(async () => database?.close());

/** Hours a month and a year of `minutes` seen over February's 28 days. */
const perMonth = (minutes: number) => (minutes / 60) * (MONTH_DAYS / SPAN_DAYS);
const perYear = (minutes: number) => (minutes / 60) * (YEAR_DAYS / SPAN_DAYS);

async function sources(groupBy: "template" | "service" | "alert") {
  const manager = await callerAs(database.db, fx.manager.id, () => NOW);
  return manager.reports.toilSources({ teamId: fx.team.id, ...FEBRUARY, groupBy });
}

describe(`toil sources on ${testEngine}`, () => {
  test("by template: ranked by yearly cost, with the Pareto line, occurrences and people", async () => {
    const report = await sources("template");
    expect(report.period).toMatchObject({ from: FEBRUARY.from, to: FEBRUARY.to, accountedTo: FEBRUARY.to });
    expect(report.sources.map((s) => [s.rank, s.label, s.occurrences, s.totalMinutes, s.peopleAffected])).toEqual([
      [1, "Restart the queue", 10, 300, 2],
      [2, "Rotate certificates", 3, 270, 1],
      [3, "No template", 1, 90, 2],
      // Automated before the period: no toil left, listed for its estimate and savings.
      [4, "Reindex search", 0, 0, 0],
    ]);
    const [restart, rotate, none, retired] = report.sources;
    expect(restart?.averageMinutes).toBe(30);
    expect(restart?.occurrencesPerYear).toBeCloseTo((10 * YEAR_DAYS) / SPAN_DAYS, 9);
    expect(restart?.hoursPerMonth).toBeCloseTo(perMonth(300), 9);
    expect(restart?.yearlyCostHours).toBeCloseTo(perYear(300), 9);
    expect(rotate?.yearlyCostHours).toBeCloseTo(perYear(270), 9);
    expect(none?.key).toBeNull();
    expect(report.totalMinutes).toBe(660);
    expect(report.totalYearlyCostHours).toBeCloseTo(perYear(660), 9);
    [300 / 660, 270 / 660, 90 / 660, 0].forEach((share, index) => {
      expect(report.sources[index]?.share).toBeCloseTo(share, 12);
    });
    expect(restart?.cumulativeShare).toBeCloseTo(300 / 660, 12);
    expect(rotate?.cumulativeShare).toBeCloseTo(570 / 660, 12);
    expect(retired?.cumulativeShare).toBe(1);
  });

  test("an estimate not yet built pays back from today at the source's current rate", async () => {
    const restart = (await sources("template")).sources.find((s) => s.key === ids.restart);
    const net = perMonth(300) - 1;
    expect(restart?.estimate).toMatchObject({
      buildHours: 20,
      maintenanceHoursPerMonth: 1,
      automatedOn: null,
      savingsBasis: "current-rate",
    });
    expect(restart?.estimate?.payback.netHoursPerMonth).toBeCloseTo(net, 9);
    expect(restart?.estimate?.payback.paybackMonths).toBeCloseTo(20 / net, 9);
    const breakEven = DateTime.fromISO("2025-03-16")
      .plus({ days: Math.ceil((20 / net) * MONTH_DAYS) })
      .toISODate();
    expect(restart?.estimate?.payback.breakEvenOn).toBe(breakEven);
    expect(restart?.measured).toBeNull();
  });

  test("once automated, the hours before and after are measured over equal spans, and pay back from that date", async () => {
    const rotate = (await sources("template")).sources.find((s) => s.key === ids.rotate);
    // From 15 February to now (29 days 23 hours), and as long before it.
    const automatedAt = at("2025-02-15T00:00");
    const spanDays = (NOW.getTime() - automatedAt.getTime()) / DAY_MS;
    expect(rotate?.measured).toMatchObject({
      beforeFrom: new Date(automatedAt.getTime() - (NOW.getTime() - automatedAt.getTime())),
      automatedAt,
      afterTo: NOW,
    });
    expect(rotate?.measured?.beforeHoursPerMonth).toBeCloseTo(4 * (MONTH_DAYS / spanDays), 9);
    expect(rotate?.measured?.afterHoursPerMonth).toBeCloseTo(0.5 * (MONTH_DAYS / spanDays), 9);
    expect(rotate?.measured?.savedHoursPerMonth).toBeCloseTo(3.5 * (MONTH_DAYS / spanDays), 9);
    expect(rotate?.estimate?.savingsBasis).toBe("measured");
    const months = 6 / (3.5 * (MONTH_DAYS / spanDays));
    expect(rotate?.estimate?.payback.paybackMonths).toBeCloseTo(months, 9);
    expect(rotate?.estimate?.payback.breakEvenOn).toBe(
      DateTime.fromISO("2025-02-15")
        .plus({ days: Math.ceil(months * MONTH_DAYS) })
        .toISODate(),
    );

    // Automated on 10 January: 90 days after it at most (to 10 April) but no later than now; all 600 minutes before.
    const retired = (await sources("template")).sources.find((s) => s.key === ids.retired);
    const since = at("2025-01-10T00:00");
    const retiredSpan = (NOW.getTime() - since.getTime()) / DAY_MS;
    expect(retired?.measured?.beforeHoursPerMonth).toBeCloseTo(10 * (MONTH_DAYS / retiredSpan), 9);
    expect(retired?.measured?.afterHoursPerMonth).toBe(0);
  });

  test("by service and by alert name, the same toil grouped otherwise", async () => {
    const byService = await sources("service");
    expect(byService.sources.map((s) => [s.label, s.occurrences, s.totalMinutes, s.peopleAffected])).toEqual([
      ["No service", 4, 360, 3],
      ["billing", 10, 300, 2],
    ]);
    expect(byService.sources.every((s) => s.estimate === null)).toBe(true);
    const byAlert = await sources("alert");
    expect(byAlert.sources.map((s) => [s.label, s.key, s.occurrences, s.totalMinutes, s.peopleAffected])).toEqual([
      ["Not from an alert", null, 13, 570, 3],
      ["DiskFull", "DiskFull", 1, 90, 2],
    ]);
  });

  test("a drill-down into a source row lists exactly the entries it sums", async () => {
    const manager = await callerAs(database.db, fx.manager.id, () => NOW);
    const base = { teamId: fx.team.id, from: FEBRUARY.from, to: FEBRUARY.to };
    const restart = await manager.reports.drillDown({ ...base, sourceKind: "template", sourceKey: ids.restart });
    expect(restart.source).toEqual({ kind: "template", key: ids.restart, label: "Restart the queue" });
    expect(restart.entries.reduce((sum, e) => sum + e.minutes, 0)).toBe(300);
    expect(restart.entries).toHaveLength(10);
    const alert = await manager.reports.drillDown({ ...base, sourceKind: "alert", sourceKey: "DiskFull" });
    expect(alert.entries.map((e) => [e.personName, e.minutes])).toEqual([
      ["Erika Berg", 60],
      ["Jonas Hahn", 30],
    ]);
    expect(alert.interrupts.map((i) => [i.summary, i.loggedMinutes])).toEqual([
      [expect.stringContaining("DiskFull"), 90],
    ]);
    const none = await manager.reports.drillDown({ ...base, sourceKind: "template", sourceKey: null });
    expect(none.entries.map((e) => e.minutes)).toEqual([60, 30]);
    // A key that is no id matches nothing rather than failing.
    const unknown = await manager.reports.drillDown({ ...base, sourceKind: "service", sourceKey: "billing" });
    expect(unknown.entries).toEqual([]);
  });
});
