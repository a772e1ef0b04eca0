import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { callerAs } from "@/server/testing/fixtures";
import { addInterrupt, logEntry, makeReportTeam, type ReportTeamFixture } from "@/server/testing/report-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { local, makeShift } from "@/server/testing/work-log-fixtures";

const at = (isoLocal: string) => local(isoLocal, "Europe/Berlin");
const NOW = at("2025-03-17T08:00");
const WEEK = { from: at("2025-03-10T00:00"), to: at("2025-03-17T00:00") };

let database: Database;
let fx: ReportTeamFixture;
const ids = { page: "", quiet: "" };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  fx = await makeReportTeam(db);
  const teamId = fx.team.id;
  const { erika } = fx;
  await makeShift(db, {
    teamId,
    personId: erika.id,
    role: "primary",
    startsAt: at("2025-03-11T13:00"),
    endsAt: at("2025-03-12T11:00"),
  });
  const page = await addInterrupt(db, {
    teamId,
    openedAt: at("2025-03-11T13:55"),
    assigneeId: erika.id,
    alertName: "QueueBacklog",
  });
  const quiet = await addInterrupt(db, {
    teamId,
    openedAt: at("2025-03-12T10:00"),
    assigneeId: erika.id,
    kind: "ticket",
  });
  Object.assign(ids, { page: page.id, quiet: quiet.id });
  await logEntry(db, {
    person: erika,
    teamId,
    startsAt: at("2025-03-10T10:00"),
    minutes: 60,
    summary: "Cleared the queue",
  });
  await logEntry(db, {
    person: erika,
    teamId,
    startsAt: at("2025-03-11T14:00"),
    minutes: 30,
    summary: "Answered the page",
    interruptId: page.id,
  });
  await logEntry(db, { person: erika, teamId, startsAt: at("2025-03-12T16:30"), minutes: 60, summary: "Ran late" });
  await logEntry(db, {
    person: erika,
    teamId: fx.otherTeam.id,
    startsAt: at("2025-03-13T10:00"),
    minutes: 45,
    summary: "Helped Data SRE",
  });
  await logEntry(db, {
    person: erika,
    teamId,
    startsAt: at("2025-03-13T13:00"),
    minutes: 120,
    summary: "Planning",
    category: "overhead",
  });
  await logEntry(db, {
    person: fx.jonas,
    teamId,
    startsAt: at("2025-03-10T10:00"),
    minutes: 60,
    summary: "Jonas's toil",
  });
});
afterAll(async () => database?.close());

describe(`drill-down into a person on ${testEngine}`, () => {
  test("the entries, shifts and interrupts behind Erika's bar, and how each entry counted", async () => {
    const manager = await callerAs(database.db, fx.manager.id, () => NOW);
    const drill = await manager.reports.drillDown({ teamId: fx.team.id, personId: fx.erika.id, ...WEEK });
    expect(drill).toMatchObject({
      person: { id: fx.erika.id, name: "Erika Berg" },
      onlyOwn: false,
      source: null,
      accountedTo: WEEK.to,
    });
    // Duty Tue 13-17 and Wed 09-11; logged 60 + 30 + 45; Wednesday's last 30 minutes after hours.
    expect(drill.accounting).toEqual({
      scheduled: 2400,
      duty: 360,
      onCallDuty: 360,
      logged: 135,
      afterHours: 30,
      operational: 525,
      worked: 2430,
      toilShare: 525 / 2430,
      onCallShare: 360 / 2430,
    });
    expect(drill.entries.map((e) => [e.detail?.summary ?? null, e.minutes, e.counted])).toEqual([
      ["Cleared the queue", 60, { logged: 60, afterHours: 0, withinDuty: 0 }],
      ["Answered the page", 30, { logged: 0, afterHours: 0, withinDuty: 30 }],
      ["Ran late", 60, { logged: 30, afterHours: 30, withinDuty: 0 }],
      // Another team's entry counts in her share, but what it was stays that team's.
      [null, 45, { logged: 45, afterHours: 0, withinDuty: 0 }],
    ]);
    expect(drill.entries[3]?.teamId).toBe(fx.otherTeam.id);
    expect(drill.shifts).toEqual([
      {
        rotationId: expect.any(String),
        rotationName: expect.any(String),
        role: "primary",
        from: at("2025-03-11T13:00"),
        to: at("2025-03-12T11:00"),
        dutyMinutes: 360,
      },
    ]);
    // The page she logged time on, and the ticket assigned to her with none logged.
    expect(drill.interrupts.map((i) => [i.id, i.loggedMinutes])).toEqual([
      [ids.page, 30],
      [ids.quiet, 0],
    ]);
  });

  test("the person's bar and their drill-down agree", async () => {
    const manager = await callerAs(database.db, fx.manager.id, () => NOW);
    const report = await manager.reports.teamToil({ teamId: fx.team.id, period: "custom", ...WEEK });
    const drill = await manager.reports.drillDown({ teamId: fx.team.id, personId: fx.erika.id, ...WEEK });
    expect(report.members.find((m) => m.personId === fx.erika.id)?.accounting).toEqual(drill.accounting);
  });

  test("an engineer naming nobody drills into themselves", async () => {
    const erika = await callerAs(database.db, fx.erika.id, () => NOW);
    const drill = await erika.reports.drillDown({ teamId: fx.team.id, ...WEEK });
    expect(drill.person?.id).toBe(fx.erika.id);
    expect(drill.onlyOwn).toBe(true);
    expect(new Set(drill.entries.map((e) => e.personId))).toEqual(new Set([fx.erika.id]));
  });

  test("a window still running is cut at now", async () => {
    const wednesday = at("2025-03-12T10:00");
    const manager = await callerAs(database.db, fx.manager.id, () => wednesday);
    const drill = await manager.reports.drillDown({ teamId: fx.team.id, personId: fx.erika.id, ...WEEK });
    expect(drill.accountedTo).toEqual(wednesday);
    expect(drill.entries.map((e) => e.detail?.summary)).toEqual(["Cleared the queue", "Answered the page"]);
    expect(drill.shifts[0]).toMatchObject({ to: wednesday, dutyMinutes: 240 + 60 });
  });
});
