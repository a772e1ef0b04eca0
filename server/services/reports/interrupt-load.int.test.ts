import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { callerAs } from "@/server/testing/fixtures";
import {
  addInterrupt,
  addRotation,
  logEntry,
  makeReportTeam,
  type ReportTeamFixture,
} from "@/server/testing/report-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { local } from "@/server/testing/work-log-fixtures";

const BERLIN = "Europe/Berlin";
const at = (isoLocal: string) => local(isoLocal, BERLIN);
// Sunday night of the week of 10 March 2025, Berlin; Erika's primary week runs until Monday 09:00.
const NOW = at("2025-03-16T23:00");

let database: Database;
let fx: ReportTeamFixture;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  fx = await makeReportTeam(db);
  const teamId = fx.team.id;
  const { erika, jonas, dana } = fx;
  // Weekly primary, Mondays 09:00 Berlin: Jonas the week of 3 March, Erika the week of 10 March.
  await addRotation(db, {
    teamId,
    role: "primary",
    participants: [jonas.id, erika.id],
    timeZone: BERLIN,
    startsOn: "2025-03-03",
    recordedUntil: at("2025-03-03T09:00"),
  });

  const page = (
    openedAt: Date,
    assignee: { id: string } | null,
    extra: { isIncident?: boolean; actionable?: boolean; deletedAt?: Date } = {},
  ) => addInterrupt(db, { teamId, openedAt, kind: "page", ...(assignee ? { assigneeId: assignee.id } : {}), ...extra });
  await page(at("2025-03-05T10:00"), jonas, { isIncident: true, actionable: true }); // Jonas's shift, before the period
  const early = await page(at("2025-03-10T08:00"), jonas, { actionable: true }); // before his working day: off-hours
  const burst = await page(at("2025-03-11T10:00"), erika, { isIncident: true, actionable: true });
  await page(at("2025-03-11T12:00"), erika, { isIncident: true, actionable: true });
  await page(at("2025-03-11T14:00"), erika, { isIncident: true, actionable: true }); // three in one 12-hour window
  const night = await page(at("2025-03-12T23:30"), erika, { isIncident: true }); // asleep, not reviewed yet
  await page(at("2025-03-12T12:00"), erika, { isIncident: true, deletedAt: NOW });
  await addInterrupt(db, { teamId: fx.otherTeam.id, openedAt: at("2025-03-12T12:00"), isIncident: true });
  // 10:00 in Berlin is 05:00 in New York (summer time there since 9 March): Dana's ticket reached her asleep.
  const ticket = await addInterrupt(db, {
    teamId,
    openedAt: at("2025-03-11T10:00"),
    kind: "ticket",
    assigneeId: dana.id,
    actionable: false,
  });
  await addInterrupt(db, { teamId, openedAt: at("2025-03-13T16:00"), kind: "request" });

  const onIt = (person: { id: string }, interruptId: string, startsAt: Date, minutes: number) =>
    logEntry(db, { person, teamId, startsAt, minutes, interruptId });
  await onIt(erika, burst.id, at("2025-03-11T10:00"), 60); // business 60
  await onIt(erika, night.id, at("2025-03-12T23:30"), 45); // sleep 45
  await onIt(jonas, early.id, at("2025-03-10T08:00"), 90); // off-hours 60, then business 30
  await onIt(dana, ticket.id, at("2025-03-11T10:00"), 30); // sleep 30
});
afterAll(async () => database?.close());

const input = () => ({ teamId: fx.team.id, period: "week" as const });

describe(`interrupt load on ${testEngine}`, () => {
  test("pages, tickets and requests of the period, and how their review went", async () => {
    const manager = await callerAs(database.db, fx.manager.id, () => NOW);
    const report = await manager.reports.interruptLoad(input());
    const counts = {
      total: 7,
      pages: 5,
      tickets: 1,
      requests: 1,
      incidents: 4,
      actionable: 4,
      notActionable: 1,
      unreviewed: 2,
      actionableRatio: 0.8,
    };
    expect(report.totals).toEqual(counts);
    expect(report.weeks).toEqual([{ from: at("2025-03-10T00:00"), to: NOW, label: "10 Mar", ...counts }]);
  });

  test("per on-call shift, against 2 incidents per 12-hour window; a shift is judged whole", async () => {
    const manager = await callerAs(database.db, fx.manager.id, () => NOW);
    const report = await manager.reports.interruptLoad(input());
    expect(report.incidentLimit).toEqual({ incidents: 2, windowHours: 12 });
    expect(report.shifts.map(({ windows, ...shift }) => ({ ...shift, windows: windows.length }))).toEqual([
      {
        rotationId: expect.any(String),
        rotationName: "primary rotation",
        role: "primary",
        person: { id: fx.jonas.id, name: "Jonas Hahn" },
        from: at("2025-03-03T09:00"),
        to: at("2025-03-10T09:00"),
        incidents: 1,
        busiestWindow: 1,
        overLimit: false,
        windows: 14,
      },
      {
        rotationId: expect.any(String),
        rotationName: "primary rotation",
        role: "primary",
        person: { id: fx.erika.id, name: "Erika Berg" },
        // Still running: counted up to now, 158 hours in 13 whole windows and a last one of 2 hours.
        from: at("2025-03-10T09:00"),
        to: NOW,
        incidents: 4,
        busiestWindow: 3,
        overLimit: true,
        windows: 14,
      },
    ]);
    const erikas = report.shifts[1]?.windows ?? [];
    expect(erikas[2]).toEqual({
      from: at("2025-03-11T09:00"),
      to: at("2025-03-11T21:00"),
      incidents: 3,
      overLimit: true,
    });
    expect(erikas.at(-1)).toEqual({ from: at("2025-03-16T21:00"), to: NOW, incidents: 0, overLimit: false });
    expect(report.shiftsOverLimit).toBe(1);
  });

  test("by band of the day, each on the clock of the person it reached", async () => {
    const manager = await callerAs(database.db, fx.manager.id, () => NOW);
    const report = await manager.reports.interruptLoad(input());
    expect(report.bands).toEqual([
      { band: "business", interrupts: 3, pages: 3, tickets: 0, requests: 0, minutes: 60 + 30 },
      { band: "off-hours", interrupts: 1, pages: 1, tickets: 0, requests: 0, minutes: 60 },
      { band: "sleep", interrupts: 2, pages: 1, tickets: 1, requests: 0, minutes: 45 + 30 },
    ]);
    expect(report.unassigned).toBe(1);
  });

  test("an engineer sees the team's load and their own shifts, not who held the others", async () => {
    const erika = await callerAs(database.db, fx.erika.id, () => NOW);
    const report = await erika.reports.interruptLoad(input());
    expect(report.shifts.map((s) => s.person)).toEqual([null, { id: fx.erika.id, name: "Erika Berg" }]);
    expect(report.totals.total).toBe(7);
  });

  test("a period in the future has no load", async () => {
    const manager = await callerAs(database.db, fx.manager.id, () => NOW);
    const report = await manager.reports.interruptLoad({ ...input(), at: at("2025-03-19T12:00") });
    expect(report).toMatchObject({ weeks: [], shifts: [], shiftsOverLimit: 0, unassigned: 0 });
    expect(report.totals.total).toBe(0);
  });
});
