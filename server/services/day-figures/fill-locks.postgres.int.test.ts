import { afterAll, beforeAll, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { personDayFigures } from "@/db/schema";
import { makeOrganisation, makePerson, makeTeam } from "@/server/testing/fixtures";
import { logEntry } from "@/server/testing/report-fixtures";
import { createTestDatabase } from "@/server/testing/test-db";
import { fillDayFigures } from "./fill-day-figures";

// PostgreSQL alone: on PGlite one connection runs one transaction at a time, so no write is ever in flight.
const NOW = new Date("2026-03-05T12:00:00Z");

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

test("a fill skips a person whose write is in flight, and a write after a fill forgets the days it touches", async () => {
  const { db } = database;
  const org = await makeOrganisation(db);
  const team = await makeTeam(db, org.id);
  const engineer = await makePerson(db, org.id, { timeZone: "UTC" });
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let started: () => void = () => {};
  const writing = new Promise<void>((resolve) => {
    started = resolve;
  });
  const write = db.transaction(async (tx) => {
    await logEntry(tx, { person: engineer, teamId: team.id, startsAt: new Date("2026-03-03T20:00:00Z"), minutes: 60 });
    started();
    await held;
  });
  await writing;
  // The uncommitted entry holds the person's lock: storing their days now could miss it.
  expect(await fillDayFigures(db, NOW, 10, 3)).toEqual({ people: 0, days: 0, busy: 1 });
  release();
  await write;
  expect(await fillDayFigures(db, NOW, 10, 3)).toEqual({ people: 1, days: 3, busy: 0 });
  const [day] = await db.select().from(personDayFigures).where(eq(personDayFigures.day, "2026-03-03"));
  expect(day?.afterHoursMs).toBe(60 * 60_000);
  await logEntry(db, { person: engineer, teamId: team.id, startsAt: new Date("2026-03-04T20:00:00Z"), minutes: 30 });
  const days = await db.select({ day: personDayFigures.day }).from(personDayFigures);
  expect(days.map((row) => row.day).sort()).toEqual(["2026-03-02", "2026-03-03"]);
});
