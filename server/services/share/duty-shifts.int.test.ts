import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rotation } from "@/db/schema";
import { generateOrg } from "@/server/bench/org/generate-org";
import { queryRows } from "@/server/bench/org/query-rows";
import { computeAccounting } from "@/server/domain/accounting";
import { DEFAULT_WORK_PATTERN } from "@/server/domain/time";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { recordShifts } from "../rotations/record-shifts";
import { shiftsInWindow, type ScheduledShift } from "../rotations/window-shifts";
import { shiftsOfPeople } from "./duty-shifts";
import { readPackedFacts } from "./packed-facts";

// Generated history ends at GENERATED; the reads happen ten days later, when a week and a half is unrecorded.
const GENERATED = new Date("2026-03-20T10:00:00Z");
const LATER = new Date("2026-03-30T16:30:00Z");
const WINDOW = { start: new Date("2026-02-23T00:00:00Z").getTime(), end: LATER.getTime() };

let database: Database;
let people: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  await generateOrg(database.db, testEngine, { engineers: 8, teams: 2, days: 60 }, GENERATED);
  people = (await queryRows(database.db, sql`select id from person where email like 'engineer-%' order by email`)).map(
    (row) => String(row.id),
  );
});
afterAll(async () => database?.close());

/** Each person's duty accounting for the window from these shifts: the numbers the reports derive from them. */
function dutyOf(shifts: ReadonlyMap<string, readonly ScheduledShift[]>) {
  return new Map(
    people.map((id) => {
      const own = (shifts.get(id) ?? []).map((shift) => ({ role: shift.role, start: shift.start, end: shift.end }));
      const { scheduled, duty, onCallDuty } = computeAccounting({
        period: WINDOW,
        timeZone: "Europe/Berlin",
        workPattern: DEFAULT_WORK_PATTERN,
        absences: [],
        shifts: own,
        entries: [],
      });
      return [
        id,
        { scheduled, duty, onCallDuty, covered: own.reduce((sum, shift) => sum + shift.end - shift.start, 0) },
      ];
    }),
  );
}

/** The read-only path as loadPeopleFacts takes it: packed facts (with the records), then the expanded rotations. */
async function readOnly(window: { start: number; end: number }) {
  return shiftsOfPeople(database.db, people, window, await readPackedFacts(database.db, people, window));
}

/** The sweep's recording, then the schedule's read of records and what follows them. */
async function recordingRead(): Promise<Map<string, ScheduledShift[]>> {
  const ids = (await database.db.select({ id: rotation.id }).from(rotation)).map((row) => row.id);
  await recordShifts(database.db, { rotationIds: ids }, LATER);
  // Read after recording: how far each rotation is recorded is part of the row.
  const rows = await database.db.select().from(rotation);
  const byPerson = new Map<string, ScheduledShift[]>(people.map((id) => [id, []]));
  for (const shift of await shiftsInWindow(database.db, rows, WINDOW)) byPerson.get(shift.personId)?.push(shift);
  return byPerson;
}

describe("shiftsOfPeople (read-only)", () => {
  test("covers the same time as the schedule's recording read, before and after it records", async () => {
    const records = async () =>
      Number((await queryRows(database.db, sql`select count(*) as count from shift_record`))[0]?.count);
    const before = await readOnly(WINDOW);
    const unrecorded = await records();
    const recorded = await recordingRead();
    // The comparison means something only if the schedule's read did record the ten days.
    expect(await records()).toBeGreaterThan(unrecorded);
    const after = await readOnly(WINDOW);
    expect(dutyOf(before)).toEqual(dutyOf(recorded));
    expect(dutyOf(after)).toEqual(dutyOf(recorded));
    expect([...dutyOf(before).values()].some((person) => person.duty > 0)).toBe(true);
  });

  test("writes nothing: no shift records, no recorded-until moved", async () => {
    const rows = async () =>
      (await database.db.select({ id: rotation.id, until: rotation.recordedUntil }).from(rotation))
        .map((r) => `${r.id}:${r.until?.toISOString()}`)
        .sort();
    const [{ count: recordsBefore = 0 } = {}] = await queryRows(
      database.db,
      sql`select count(*)::int as count from shift_record`,
    );
    const untilBefore = await rows();
    await readOnly({ start: WINDOW.start, end: LATER.getTime() + 86_400_000 });
    const [{ count: recordsAfter = 0 } = {}] = await queryRows(
      database.db,
      sql`select count(*)::int as count from shift_record`,
    );
    expect(recordsAfter).toBe(recordsBefore);
    expect(await rows()).toEqual(untilBefore);
  });

  test("a removed rotation keeps its history but is not expanded further", async () => {
    const [first] = await database.db.select({ id: rotation.id }).from(rotation).limit(1);
    if (!first) throw new Error("no rotation");
    const before = await readOnly(WINDOW);
    await database.db
      .update(rotation)
      .set({ deletedAt: LATER })
      .where(inArray(rotation.id, [first.id]));
    const after = await readOnly(WINDOW);
    const of = (shifts: ReadonlyMap<string, readonly ScheduledShift[]>) =>
      [...shifts.values()].flat().filter((s) => s.rotationId === first.id);
    expect(of(after).every((shift) => shift.source === "record")).toBe(true);
    expect(of(after).length).toBeLessThan(of(before).length);
  });
});
