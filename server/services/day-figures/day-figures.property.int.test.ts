import { afterAll, beforeAll, describe, expect, test } from "vitest";
import fc from "fast-check";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  absence,
  person,
  personDayFigures,
  rotation,
  rotationOverride,
  rotationParticipant,
  shiftRecord,
  workEntry,
} from "@/db/schema";
import { makeOrganisation, makePerson, makeTeam } from "@/server/testing/fixtures";
import { addRotation, logEntry } from "@/server/testing/report-fixtures";
import { createTestDatabase } from "@/server/testing/test-db";
import { loadPeopleFacts, loadProfiles } from "../share/people-facts";
import { fillDayFigures } from "./fill-day-figures";
import { DAY_MS, dayStartMs, liveRuleTime, ruleTimes } from "./rule-time";
import { summedRuleTime } from "./summed-time";

/**
 * Whatever is written, by any path that reaches the tables (entries, absences, recorded shifts, covers, turn order,
 * rotation settings, a person's zone and work pattern), and whenever the cache is filled, partly or not at all:
 * every cached day equals its recomputation and the summed time of any range equals computing it from the facts.
 * Three engineers in three zones over March 2026 (Berlin and New York change to summer time on different Sundays).
 */

const START = Date.parse("2026-03-01T00:00:00Z");
const SPAN_HOURS = 35 * 24;
const NOW = new Date(START + SPAN_HOURS * 3_600_000);
const ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kolkata"] as const;
// The month and a few days before it: enough for every write, a short fill per step.
const HORIZON_DAYS = 40;
const at = (hour: number) => new Date(START + hour * 3_600_000);

type Step =
  | { kind: "log"; who: number; hour: number; minutes: number; toil: boolean }
  | { kind: "editEntry"; pick: number; hour: number; minutes: number; toil: boolean }
  | { kind: "dropEntry"; pick: number; hard: boolean }
  | { kind: "absence"; who: number; hour: number; hours: number }
  | { kind: "dropAbsence"; pick: number }
  | { kind: "record"; who: number; hour: number; hours: number; role: "primary" | "ticket" | "shadow" }
  | { kind: "dropRecord"; pick: number }
  | { kind: "cover"; who: number; hour: number; hours: number }
  | { kind: "dropCover"; pick: number }
  | { kind: "turns"; order: number[] }
  | { kind: "rotation"; handoffMinute: number; unit: "days" | "weeks" }
  | { kind: "profile"; who: number; zone: number; startMinute: number; days: number[] }
  | { kind: "fill"; maxPeople: number };

const who = fc.integer({ min: 0, max: 2 });
const hour = fc.integer({ min: 0, max: SPAN_HOURS });
const pick = fc.nat();
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("log" as const),
      who,
      hour,
      minutes: fc.integer({ min: 1, max: 900 }),
      toil: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("editEntry" as const),
      pick,
      hour,
      minutes: fc.integer({ min: 1, max: 900 }),
      toil: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("dropEntry" as const), pick, hard: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("absence" as const), who, hour, hours: fc.integer({ min: 1, max: 80 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("dropAbsence" as const), pick }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("record" as const),
      who,
      hour,
      hours: fc.integer({ min: 1, max: 72 }),
      role: fc.constantFrom("primary" as const, "ticket" as const, "shadow" as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("dropRecord" as const), pick }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("cover" as const), who, hour, hours: fc.integer({ min: 1, max: 72 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("dropCover" as const), pick }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("turns" as const),
      order: fc.shuffledSubarray([0, 1, 2], { minLength: 1 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("rotation" as const),
      handoffMinute: fc.integer({ min: 0, max: 1439 }),
      unit: fc.constantFrom("days" as const, "weeks" as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("profile" as const),
      who,
      zone: fc.integer({ min: 0, max: 2 }),
      startMinute: fc.integer({ min: 0, max: 900 }),
      days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("fill" as const), maxPeople: fc.integer({ min: 1, max: 3 }) }),
  },
);

let database: Database;
let orgId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  orgId = (await makeOrganisation(database.db)).id;
});
afterAll(async () => database?.close());

async function freshTeam() {
  const { db } = database;
  const created = await makeTeam(db, orgId);
  const people = [];
  for (const timeZone of ZONES) {
    people.push(await makePerson(db, orgId, { timeZone, teams: [{ teamId: created.id, roles: ["engineer"] }] }));
  }
  // Nothing recorded: every shift of the month is expanded from the settings, so they all matter.
  const rota = await addRotation(db, {
    teamId: created.id,
    role: "primary",
    participants: [people[0]?.id ?? "", people[1]?.id ?? ""],
    timeZone: "Europe/Berlin",
    startsOn: "2026-02-23",
    recordedUntil: new Date(START),
  });
  return { teamId: created.id, rotationId: rota.id, people: people.map((p) => p.id) };
}

function nth<T>(rows: readonly T[], index: number): T | undefined {
  return rows.length === 0 ? undefined : rows[index % rows.length];
}

async function apply(step: Step, team: Awaited<ReturnType<typeof freshTeam>>): Promise<void> {
  const { db } = database;
  const personId = "who" in step ? (team.people[step.who] ?? "") : "";
  switch (step.kind) {
    case "log":
      await logEntry(db, {
        person: { id: personId },
        teamId: team.teamId,
        startsAt: at(step.hour),
        minutes: step.minutes,
        category: step.toil ? "toil" : "overhead",
      });
      return;
    case "editEntry": {
      const row = nth(
        await db
          .select({ id: workEntry.id })
          .from(workEntry)
          .where(eq(workEntry.teamId, team.teamId))
          .orderBy(workEntry.id),
        step.pick,
      );
      if (row)
        await db
          .update(workEntry)
          .set({ startsAt: at(step.hour), minutes: step.minutes, category: step.toil ? "toil" : "overhead" })
          .where(eq(workEntry.id, row.id));
      return;
    }
    case "dropEntry": {
      const row = nth(
        await db
          .select({ id: workEntry.id })
          .from(workEntry)
          .where(and(eq(workEntry.teamId, team.teamId), isNull(workEntry.deletedAt)))
          .orderBy(workEntry.id),
        step.pick,
      );
      if (!row) return;
      if (step.hard) await db.delete(workEntry).where(eq(workEntry.id, row.id));
      else await db.update(workEntry).set({ deletedAt: NOW }).where(eq(workEntry.id, row.id));
      return;
    }
    case "absence":
      await db.insert(absence).values({ personId, startsAt: at(step.hour), endsAt: at(step.hour + step.hours) });
      return;
    case "dropAbsence": {
      const rows = await db
        .select({ id: absence.id })
        .from(absence)
        .where(isNull(absence.deletedAt))
        .orderBy(absence.id);
      const row = nth(
        rows.filter(() => true),
        step.pick,
      );
      if (row) await db.update(absence).set({ deletedAt: NOW }).where(eq(absence.id, row.id));
      return;
    }
    case "record":
      await db.insert(shiftRecord).values({
        rotationId: team.rotationId,
        teamId: team.teamId,
        personId,
        role: step.role,
        startsAt: at(step.hour),
        endsAt: at(step.hour + step.hours),
      });
      return;
    case "dropRecord": {
      const row = nth(
        await db
          .select({ id: shiftRecord.id })
          .from(shiftRecord)
          .where(eq(shiftRecord.teamId, team.teamId))
          .orderBy(shiftRecord.id),
        step.pick,
      );
      if (row) await db.delete(shiftRecord).where(eq(shiftRecord.id, row.id));
      return;
    }
    case "cover":
      await db
        .insert(rotationOverride)
        .values({ rotationId: team.rotationId, personId, startsAt: at(step.hour), endsAt: at(step.hour + step.hours) });
      return;
    case "dropCover": {
      const row = nth(
        await db
          .select({ id: rotationOverride.id })
          .from(rotationOverride)
          .where(and(eq(rotationOverride.rotationId, team.rotationId), isNull(rotationOverride.deletedAt)))
          .orderBy(rotationOverride.id),
        step.pick,
      );
      if (row) await db.update(rotationOverride).set({ deletedAt: NOW }).where(eq(rotationOverride.id, row.id));
      return;
    }
    case "turns":
      await db.delete(rotationParticipant).where(eq(rotationParticipant.rotationId, team.rotationId));
      await db.insert(rotationParticipant).values(
        step.order.map((index, position) => ({
          rotationId: team.rotationId,
          position,
          personId: team.people[index] ?? "",
        })),
      );
      return;
    case "rotation":
      await db
        .update(rotation)
        .set({ handoffMinute: step.handoffMinute, shiftUnit: step.unit })
        .where(eq(rotation.id, team.rotationId));
      return;
    case "profile":
      await db
        .update(person)
        .set({
          timeZone: ZONES[step.zone] ?? "UTC",
          workStartMinute: step.startMinute,
          workEndMinute: step.startMinute + 480,
          workDays: step.days,
        })
        .where(eq(person.id, personId));
      return;
    case "fill":
      await fillDayFigures(db, NOW, step.maxPeople, HORIZON_DAYS);
      return;
  }
}

describe("person_day_figures", () => {
  test("after any writes and fills, cached days and summed ranges equal a recomputation from the facts", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(stepArb, fc.boolean()), { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 0, max: SPAN_HOURS * 60 - 1 }),
        fc.integer({ min: 1, max: SPAN_HOURS * 60 }),
        async (steps, fromMinute, lengthMinutes) => {
          const team = await freshTeam();
          // Filled at the start, so the writes that follow have cached days to forget.
          await fillDayFigures(database.db, NOW, 1000, HORIZON_DAYS);
          for (const [step, fillAfter] of steps) {
            await apply(step, team);
            // Often filled again, so the next write has fresh days to forget.
            if (fillAfter) await fillDayFigures(database.db, NOW, 1000, HORIZON_DAYS);
          }
          const { db } = database;
          const profiles = [...(await loadProfiles(db, team.people)).values()];
          // Every cached day is what computing that day alone from the facts gives now.
          const cached = await db
            .select()
            .from(personDayFigures)
            .where(inArray(personDayFigures.personId, team.people));
          const facts = await loadPeopleFacts(
            db,
            profiles,
            { start: START - HORIZON_DAYS * DAY_MS, end: NOW.getTime() },
            NOW,
          );
          for (const row of cached) {
            const own = facts.get(row.personId)?.facts;
            const day = { start: dayStartMs(row.day), end: dayStartMs(row.day) + DAY_MS };
            expect({ day: row.day, ...(own ? ruleTimes(own, [day])[0] : undefined) }).toEqual({
              day: row.day,
              scheduled: row.scheduledMs,
              duty: row.dutyMs,
              onCallDuty: row.onCallDutyMs,
              logged: row.loggedMs,
              afterHours: row.afterHoursMs,
            });
          }
          // Any range, summed from the cache and the facts, equals computing it from the facts alone.
          const start = START + fromMinute * 60_000;
          const range = { start, end: Math.min(NOW.getTime(), start + lengthMinutes * 60_000 + DAY_MS) };
          expect(await summedRuleTime(db, profiles, range, NOW)).toEqual(await liveRuleTime(db, profiles, range, NOW));
        },
      ),
      { numRuns: 12 },
    );
  }, 600_000);
});
