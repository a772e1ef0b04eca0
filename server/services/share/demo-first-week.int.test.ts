import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Database } from "@/db/client";
import { absence, person, shiftRecord, workEntry } from "@/db/schema";
import { demoFirstWeek, seedDemo } from "@/server/services/demo/seed-demo";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { callerAs } from "@/server/testing/fixtures";

/**
 * "My share" for the demo's first week must match a computation done by hand from the rows, walking the
 * week minute by minute and asking the questions of docs/accounting.md's rules for each minute: no interval
 * algebra and no call into the accounting domain.
 */

const NOW = new Date("2025-05-07T15:00:00Z");
const MINUTE = 60_000;
const { from, to } = demoFirstWeek(NOW);

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, { now: NOW });
});
afterAll(async () => database?.close());

interface Span {
  start: number;
  end: number;
}
const covers = (span: Span, t: number) => span.start <= t && t < span.end;

/** The rows the accounting reads for one person, as the database holds them. */
async function rowsOf(email: string) {
  const { db } = database;
  const [who] = await db.select().from(person).where(eq(person.email, email));
  if (!who) throw new Error(`no demo person ${email}`);
  const overlapsWeek = { start: new Date(from), end: new Date(to) };
  const absences = await db
    .select()
    .from(absence)
    .where(
      and(
        eq(absence.personId, who.id),
        isNull(absence.deletedAt),
        lt(absence.startsAt, overlapsWeek.end),
        gt(absence.endsAt, overlapsWeek.start),
      ),
    );
  const shifts = await db
    .select()
    .from(shiftRecord)
    .where(
      and(
        eq(shiftRecord.personId, who.id),
        lt(shiftRecord.startsAt, overlapsWeek.end),
        gt(shiftRecord.endsAt, overlapsWeek.start),
      ),
    );
  const entries = (
    await db
      .select()
      .from(workEntry)
      .where(and(eq(workEntry.personId, who.id), isNull(workEntry.deletedAt)))
  ).filter((e) => e.startsAt.getTime() < to && e.startsAt.getTime() + e.minutes * MINUTE > from);
  return { who, absences, shifts, entries };
}

/** Rules 1-7 of docs/accounting.md, applied to each minute of the week in turn. */
function handComputation(rows: Awaited<ReturnType<typeof rowsOf>>) {
  const { who } = rows;
  const span = (r: { startsAt: Date; endsAt: Date }): Span => ({
    start: r.startsAt.getTime(),
    end: r.endsAt.getTime(),
  });
  const absences = rows.absences.map(span);
  const dutyShifts = rows.shifts.filter((s) => s.role !== "shadow").map(span);
  const onCallShifts = rows.shifts.filter((s) => s.role === "primary" || s.role === "secondary").map(span);
  const toil = rows.entries
    .filter((e) => e.category === "toil")
    .map((e) => ({ start: e.startsAt.getTime(), end: e.startsAt.getTime() + e.minutes * MINUTE }));
  // Every boundary is a whole minute, so looking at the first instant of each minute sees all of it.
  for (const s of [...absences, ...dutyShifts, ...toil])
    expect(s.start % MINUTE === 0 && s.end % MINUTE === 0).toBe(true);

  const minutes = { scheduled: 0, duty: 0, onCallDuty: 0, logged: 0, afterHours: 0 };
  for (let t = from; t < to; t += MINUTE) {
    const wall = DateTime.fromMillis(t, { zone: who.timeZone });
    const minuteOfDay = wall.hour * 60 + wall.minute;
    const inPattern =
      who.workDays.includes(wall.weekday) && minuteOfDay >= who.workStartMinute && minuteOfDay < who.workEndMinute;
    const scheduled = inPattern && !absences.some((a) => covers(a, t)); // rule 1
    const duty = scheduled && dutyShifts.some((s) => covers(s, t)); // rule 2
    const onCall = duty && onCallShifts.some((s) => covers(s, t)); // rule 7
    const toiling = toil.some((e) => covers(e, t)); // overlapping entries count once
    if (scheduled) minutes.scheduled += 1;
    if (duty) minutes.duty += 1;
    if (onCall) minutes.onCallDuty += 1;
    if (toiling && scheduled && !duty) minutes.logged += 1; // rule 3
    if (toiling && !scheduled) minutes.afterHours += 1; // rule 4
  }
  const operational = minutes.duty + minutes.logged + minutes.afterHours; // rule 5
  const worked = minutes.scheduled + minutes.afterHours;
  return {
    ...minutes,
    operational,
    worked,
    toilShare: worked > 0 ? operational / worked : 0, // rule 6
    onCallShare: worked > 0 ? minutes.onCallDuty / worked : 0,
  };
}

async function shareOf(personId: string) {
  const caller = await callerAs(database.db, personId, () => NOW);
  return caller.share.mine({ period: "custom", from: new Date(from), to: new Date(to) });
}

describe(`the demo's first week on ${testEngine}`, () => {
  test("the week is Monday to Monday on Berlin's wall clock", () => {
    const start = DateTime.fromMillis(from, { zone: "Europe/Berlin" });
    expect(start.toFormat("ccc HH:mm")).toBe("Mon 00:00");
    expect(DateTime.fromMillis(to, { zone: "Europe/Berlin" }).toISO()).toBe(start.plus({ weeks: 1 }).toISO());
  });

  test("Erik (Berlin), primary on call all week: every scheduled minute is duty, and night pages are after hours", async () => {
    const rows = await rowsOf("erik@northwind.example");
    const hand = handComputation(rows);
    // 5 weekdays x 8 h, all under his primary shift, so nothing is left to count as logged.
    expect(rows.absences).toEqual([]);
    expect(hand).toMatchObject({ scheduled: 5 * 480, duty: 5 * 480, onCallDuty: 5 * 480, logged: 0 });
    expect(hand.afterHours).toBeGreaterThan(0);
    expect((await shareOf(rows.who.id)).accounting).toEqual(hand);
  });

  test("Daniel (New York): his own 09:00-17:00, toil inside it logged, toil outside it after hours", async () => {
    const rows = await rowsOf("daniel@northwind.example");
    expect(rows.who.timeZone).toBe("America/New_York");
    const hand = handComputation(rows);
    expect(hand.scheduled).toBe(5 * 480);
    expect(hand.logged).toBeGreaterThan(0);
    expect(hand.afterHours).toBeGreaterThan(0);
    expect((await shareOf(rows.who.id)).accounting).toEqual(hand);
  });

  test("Amara (Berlin, 08:00-16:00) with a 09:00-17:00 ticket day: only the overlap is duty", async () => {
    const rows = await rowsOf("amara@northwind.example");
    const hand = handComputation(rows);
    expect(hand.scheduled).toBe(5 * 480);
    expect(hand.onCallDuty).toBe(0);
    expect((await shareOf(rows.who.id)).accounting).toEqual(hand);
  });

  test("Jonas (Berlin, Monday to Thursday)", async () => {
    const rows = await rowsOf("jonas@northwind.example");
    const hand = handComputation(rows);
    expect(hand.scheduled).toBe(4 * 480);
    expect((await shareOf(rows.who.id)).accounting).toEqual(hand);
  });
});
