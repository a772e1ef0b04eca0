import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DateTime } from "luxon";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { absence, person } from "@/db/schema";
import {
  aggregateTeam,
  computeAccounting,
  periodWindow,
  weeklyAccounting,
  weekWindows,
  type Accounting,
  type AccountingFacts,
  type Shift,
  type WorkEntry,
} from "@/server/domain/accounting";
import { sourceRates } from "@/server/domain/roi";
import { expandShifts, type RotationSpec } from "@/server/domain/rotations";
import { addDays, localDateOf, MINUTE_MS, wallClockInstant, type Interval } from "@/server/domain/time";
import { seededRandom, type Random } from "@/server/services/demo/prng";
import { callerAs, makeOrganisation, makePerson, makeTeam } from "@/server/testing/fixtures";
import { addRotation, logEntry } from "@/server/testing/report-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { makeShift, makeTemplate } from "@/server/testing/work-log-fixtures";

/**
 * The check: the report read from the database equals the pure domain computation on the same data.
 * Each seed generates a team (people in several zones with their own work patterns, leave, shifts recorded and a
 * rotation still being expanded, toil and overhead in this and other teams, deleted rows), writes it, and keeps the
 * facts in memory; computeAccounting on those facts must give every number of the report.
 */

const SEEDS = [11, 2024, 777];
const ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "UTC"] as const;
const ROLES = ["primary", "secondary", "ticket", "shadow"] as const;
// Between the European and the American change back to winter time.
const NOW = new Date("2025-10-29T13:37:00Z");
const MINUTE = (n: number) => NOW.getTime() + n * MINUTE_MS;
// Data spans 20 weeks back and 2 ahead, on whole minutes.
const SPAN_MINUTES = { from: -20 * 7 * 24 * 60, to: 2 * 7 * 24 * 60 };

/** The facts as generated, kept mutable while the rotation's shifts are added. */
type GeneratedFacts = AccountingFacts & { shifts: Shift[]; entries: WorkEntry[] };

interface Generated {
  teamId: string;
  managerId: string;
  managerZone: string;
  teamZone: string;
  members: Array<{ personId: string; facts: GeneratedFacts }>;
  /** Live toil of this team: what the sources report groups. */
  teamToil: Array<{ personId: string; start: number; minutes: number; templateId: string | null }>;
}

let database: Database;
const generated = new Map<number, Generated>();
/** What the comparisons covered, so a generator that stopped producing some case is noticed. */
const seen = { duty: 0, logged: 0, afterHours: 0, overCapRuns: 0 };

beforeAll(async () => {
  database = await createTestDatabase();
  for (const seed of SEEDS) generated.set(seed, await generate(seededRandom(seed)));
}, 120_000);
afterAll(async () => database?.close());

async function generate(random: Random): Promise<Generated> {
  const { db } = database;
  const org = await makeOrganisation(db);
  const managerZone = random.pick(ZONES);
  // The team's calendar is another zone than its manager's: the report follows the team's.
  const teamZone = ZONES[(ZONES.indexOf(managerZone) + 1) % ZONES.length] ?? "UTC";
  const team = await makeTeam(db, org.id, undefined, teamZone);
  const elsewhere = await makeTeam(db, org.id);
  const manager = await makePerson(db, org.id, {
    timeZone: managerZone,
    teams: [{ teamId: team.id, roles: ["manager"] }],
  });
  const templates = [
    await makeTemplate(db, team.id, { name: "Rotate keys", defaultMinutes: 15 }),
    await makeTemplate(db, team.id, { name: "Drain node", defaultMinutes: 30 }),
  ];
  const spanMinute = () => random.int(SPAN_MINUTES.from, SPAN_MINUTES.to);

  const members: Generated["members"] = [];
  const teamToil: Generated["teamToil"] = [];
  const count = random.int(3, 5);
  for (let index = 0; index < count; index++) {
    const timeZone = random.pick(ZONES);
    const engineer = await makePerson(db, org.id, { timeZone, teams: [{ teamId: team.id, roles: ["engineer"] }] });
    const days = [1, 2, 3, 4, 5, 6, 7].filter(() => random.chance(0.7));
    const workPattern = {
      days: days.length > 0 ? days : [1],
      startMinute: random.int(6, 11) * 60,
      endMinute: random.int(14, 20) * 60,
    };
    await db
      .update(person)
      .set({
        workDays: workPattern.days,
        workStartMinute: workPattern.startMinute,
        workEndMinute: workPattern.endMinute,
      })
      .where(eq(person.id, engineer.id));

    const absences: Interval[] = [];
    for (let n = random.int(0, 3); n > 0; n--) {
      const start = MINUTE(spanMinute());
      const end = start + random.int(60, 4 * 24 * 60) * MINUTE_MS;
      const deleted = random.chance(0.25);
      await db.insert(absence).values({
        personId: engineer.id,
        startsAt: new Date(start),
        endsAt: new Date(end),
        deletedAt: deleted ? NOW : null,
      });
      if (!deleted) absences.push({ start, end });
    }
    const shifts: Shift[] = [];
    for (let n = random.int(0, 4); n > 0; n--) {
      const start = MINUTE(random.int(SPAN_MINUTES.from, 0));
      const end = Math.min(start + random.int(60, 8 * 24 * 60) * MINUTE_MS, NOW.getTime());
      const role = random.pick(ROLES);
      await makeShift(db, {
        teamId: team.id,
        personId: engineer.id,
        role,
        startsAt: new Date(start),
        endsAt: new Date(end),
      });
      shifts.push({ role, start, end });
    }
    const entries: WorkEntry[] = [];
    for (let n = random.int(10, 40); n > 0; n--) {
      const start = MINUTE(spanMinute());
      const minutes = random.int(1, 300);
      const category = random.chance(0.8) ? ("toil" as const) : ("overhead" as const);
      const inTeam = random.chance(0.85);
      const deleted = random.chance(0.1);
      const templateId = inTeam && random.chance(0.5) ? random.pick(templates).id : null;
      await logEntry(db, {
        person: engineer,
        teamId: inTeam ? team.id : elsewhere.id,
        startsAt: new Date(start),
        minutes,
        category,
        ...(templateId ? { templateId } : {}),
        ...(deleted ? { deletedAt: NOW } : {}),
      });
      if (deleted) continue;
      entries.push({ start, minutes, category });
      if (inTeam && category === "toil") teamToil.push({ personId: engineer.id, start, minutes, templateId });
    }
    members.push({ personId: engineer.id, facts: { timeZone, workPattern, absences, shifts, entries } });
  }

  // A daily rotation still running: recorded up to its last hand-off before now, expanded since.
  const participants = members.slice(0, 2).map((m) => m.personId);
  const spec: RotationSpec = {
    id: "generated",
    role: random.pick(["primary", "secondary", "ticket"] as const),
    timeZone: random.pick(ZONES),
    shiftLength: { unit: "days", count: 1 },
    handoff: { weekday: 1, minute: random.int(0, 23) * 60 },
    startsOn: "2025-10-01",
    participants,
    dutyWindows: null,
  };
  const createdAt = wallClockInstant({ year: 2025, month: 10, day: 1 }, 0, spec.timeZone);
  await addRotation(db, {
    teamId: team.id,
    role: spec.role,
    participants,
    timeZone: spec.timeZone,
    startsOn: spec.startsOn,
    recordedUntil: new Date(createdAt),
    shiftUnit: "days",
    handoffMinute: spec.handoff.minute,
  });
  for (const shift of expandShifts(spec, [], [], { start: createdAt, end: NOW.getTime() })) {
    members
      .find((m) => m.personId === shift.personId)
      ?.facts.shifts.push({ role: shift.role, start: shift.start, end: shift.end });
  }
  return { teamId: team.id, managerId: manager.id, managerZone, teamZone, members, teamToil };
}

/** The period the report must have used, computed with the domain's calendar only. */
function expectedPeriod(kind: "week" | "month" | "quarter" | "rolling90", timeZone: string): Interval {
  if (kind !== "rolling90") return periodWindow(kind, NOW.getTime(), timeZone);
  const today = localDateOf(NOW.getTime(), timeZone);
  return {
    start: wallClockInstant(addDays(today, -89), 0, timeZone),
    end: wallClockInstant(addDays(today, 1), 0, timeZone),
  };
}

const cut = (period: Interval): Interval => ({ start: period.start, end: Math.min(period.end, NOW.getTime()) });

describe.each(SEEDS)(`the report equals the pure computation on generated data (seed %i, ${testEngine})`, (seed) => {
  const data = () => {
    const found = generated.get(seed);
    if (!found) throw new Error("not generated");
    return found;
  };

  test.each(["week", "month", "quarter", "rolling90", "custom"] as const)("%s", async (kind) => {
    const { teamId, managerId, teamZone, members } = data();
    const custom = { from: new Date(MINUTE(-9 * 7 * 24 * 60 + 13)), to: new Date(MINUTE(3 * 24 * 60)) };
    const period =
      kind === "custom" ? { start: custom.from.getTime(), end: custom.to.getTime() } : expectedPeriod(kind, teamZone);
    const accounted = cut(period);

    const manager = await callerAs(database.db, managerId, () => NOW);
    const report = await manager.reports.teamToil({ teamId, period: kind, ...(kind === "custom" ? custom : {}) });
    expect(report.period).toMatchObject({
      from: new Date(period.start),
      to: new Date(period.end),
      accountedTo: new Date(accounted.end),
    });

    const expected = new Map<string, Accounting>(
      members.map((m) => [m.personId, computeAccounting({ ...m.facts, period: accounted })]),
    );
    expect(report.members).toHaveLength(members.length);
    for (const row of report.members) {
      const want = expected.get(row.personId);
      expect(want).toBeDefined();
      // Sums of whole-millisecond intervals, divided once: equal, not merely close.
      expect(row.accounting).toEqual(want);
      if (row.accounting.duty > 0) seen.duty += 1;
      if (row.accounting.logged > 0) seen.logged += 1;
      if (row.accounting.afterHours > 0) seen.afterHours += 1;
      if (row.overCapRun) seen.overCapRuns += 1;
    }
    expect(report.totals.accounting).toEqual(aggregateTeam([...expected.values()]));

    // "Over since": walk back over the weeks of the team's calendar with the domain's weekly accounting; a week
    // with less than 8 scheduled hours (provisional) says nothing.
    for (const member of members) {
      const lastMonday = periodWindow("week", Math.max(accounted.start, accounted.end - 1), teamZone).start;
      const firstMonday = wallClockInstant(addDays(localDateOf(lastMonday, teamZone), -7 * 51), 0, teamZone);
      const weeks = weekWindows(teamZone, firstMonday, 52).map((w) => ({
        start: w.start,
        end: Math.min(w.end, accounted.end),
      }));
      const weekly = accounted.end > accounted.start ? weeklyAccounting(member.facts, weeks) : [];
      let since: number | null = null;
      for (let i = weekly.length - 1; i >= 0; i--) {
        const week = weekly[i];
        if (!week || week.accounting.scheduled < 8 * 60) continue;
        if (week.accounting.toilShare <= report.caps.toilCap) break;
        since = week.window.start;
      }
      const row = report.members.find((r) => r.personId === member.personId);
      expect(row?.overCapRun?.since ?? null).toEqual(since === null ? null : new Date(since));
    }
  });

  test("toil sources, summed in the database, equal the entries grouped in memory", async () => {
    const { teamId, managerId, teamZone, teamToil } = data();
    const manager = await callerAs(database.db, managerId, () => NOW);
    const report = await manager.reports.toilSources({ teamId, period: "quarter", groupBy: "template" });
    const window = cut(expectedPeriod("quarter", teamZone));
    const inWindow = teamToil.filter((e) => e.start >= window.start && e.start < window.end);
    const keys = [...new Set(inWindow.map((e) => e.templateId))];
    expect(report.sources.map((s) => s.key).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      const own = inWindow.filter((e) => e.templateId === key);
      const totalMinutes = own.reduce((sum, e) => sum + e.minutes, 0);
      const source = report.sources.find((s) => s.key === key);
      expect(source).toMatchObject({
        occurrences: own.length,
        totalMinutes,
        peopleAffected: new Set(own.map((e) => e.personId)).size,
        ...sourceRates({ occurrences: own.length, totalMinutes, spanMs: window.end - window.start }),
      });
    }
    expect(report.sources.at(-1)?.cumulativeShare ?? 1).toBe(1);
  });
});

test("the generated cases covered duty, logged and after-hours time and runs over the cap", () => {
  expect(seen.duty).toBeGreaterThan(3);
  expect(seen.logged).toBeGreaterThan(3);
  expect(seen.afterHours).toBeGreaterThan(3);
  expect(seen.overCapRuns).toBeGreaterThan(0);
});

test("the generated data crossed a change of clocks", () => {
  const berlin = DateTime.fromJSDate(NOW, { zone: "Europe/Berlin" });
  expect(berlin.minus({ weeks: 1 }).offset).not.toBe(berlin.offset);
});
