import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rotation } from "@/db/schema";
import { calendarFeed } from "@/server/services/rotations/calendar/calendar-feed";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { at, callerAt, failureOf, hours, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";

let database: Database;
let fx: Awaited<ReturnType<typeof makeRotationTeam>>;
let people: string[];
// Sunday 1 March 2026, noon in Berlin: planning nights from Monday 2 March, across the spring change on 29 March.
const now = at("2026-03-01T12:00");
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const NIGHTS = [{ days: EVERY_DAY, startMinute: 20 * 60, endMinute: 8 * 60 }];
const nightsDraft = (changes: Parameters<typeof weeklyDraft>[1] = {}) =>
  weeklyDraft(people, { name: "Nights", shiftUnit: "days", handoffMinute: 20 * 60, dutyWindows: NIGHTS, ...changes });

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await makeRotationTeam(database.db, 2);
  people = fx.engineers.map((e) => e.id);
});
afterAll(async () => database?.close());

describe(`duty windows and end dates through the rotations router on ${testEngine}`, () => {
  test("a planner saves nights with a last day; members read them back and see duty only at night, and none after the end", async () => {
    const planner = await callerAt(database.db, fx.planner.id, now);
    const { id: rotationId } = await planner.rotations.create({
      teamId: fx.team.id,
      ...nightsDraft({ endsOn: "2026-04-06" }),
    });
    const engineer = await callerAt(database.db, people[0] ?? null, now);
    expect(await engineer.rotations.get({ teamId: fx.team.id, rotationId })).toMatchObject({
      dutyWindows: NIGHTS,
      endsOn: "2026-04-06",
    });
    expect((await engineer.rotations.list({ teamId: fx.team.id })).find((r) => r.id === rotationId)).toMatchObject({
      dutyWindows: NIGHTS,
      endsOn: "2026-04-06",
    });

    const schedule = await engineer.rotations.schedule({
      teamId: fx.team.id,
      from: at("2026-03-27T12:00"),
      to: at("2026-04-10T00:00"),
    });
    const nights = schedule.shifts.filter((s) => s.rotationId === rotationId);
    // 27 March to the last hand-off on 6 April at 20:00: ten nights, the one into the summer-time Sunday 11 hours long.
    expect(nights.map((s) => hours(s.startsAt, s.endsAt))).toEqual([12, 11, 12, 12, 12, 12, 12, 12, 12, 12]);
    expect(nights[0]?.startsAt).toEqual(at("2026-03-27T20:00"));
    expect(nights[nights.length - 1]?.endsAt).toEqual(at("2026-04-06T08:00"));
    expect((await engineer.rotations.gaps({ teamId: fx.team.id, rotationId })).gaps).toEqual([]);

    // The rotation's calendar feed lists the same nights, and nothing after the last day.
    const link = await engineer.rotations.resetCalendarLink({ teamId: fx.team.id, rotationId });
    const feed = await calendarFeed(database.db, link.path.split("/").at(-1) ?? "", now);
    const starts = [...(feed?.ics ?? "").matchAll(/DTSTART;TZID=Europe\/Berlin:(\d{8}T\d{6})/g)].map((m) => m[1]);
    expect(starts).toHaveLength(35);
    expect(starts[0]).toBe("20260302T200000");
    expect(starts.at(-1)).toBe("20260405T200000");

    const atNoon = await callerAt(database.db, people[0] ?? null, at("2026-03-03T12:00"));
    const onCall = (await atNoon.rotations.onCallNow({ teamId: fx.team.id })).find((r) => r.rotationId === rotationId);
    expect(onCall?.onCall).toBeNull();
  });

  test("the preview of a night draft shows 20:00 to 08:00 shifts and no gaps in the days between", async () => {
    const planner = await callerAt(database.db, fx.planner.id, now);
    const preview = await planner.rotations.preview({
      teamId: fx.team.id,
      draft: nightsDraft(),
      horizon: { from: at("2026-03-02T00:00"), weeks: 1 },
    });
    expect(preview.shifts.slice(0, 2).map((s) => [s.startsAt, s.endsAt])).toEqual([
      [at("2026-03-02T20:00"), at("2026-03-03T08:00")],
      [at("2026-03-03T20:00"), at("2026-03-04T08:00")],
    ]);
    expect(preview.gaps).toEqual([]);
    expect(preview.quality.coverage).toBe(1);
  });

  test("the older working-hours fields still save, as one window", async () => {
    const planner = await callerAt(database.db, fx.planner.id, now);
    const legacy = weeklyDraft(people, {
      name: "Tickets",
      role: "ticket",
      workingHoursOnly: true,
      workingDays: [5, 1, 2, 3, 4],
      workingStartMinute: 540,
      workingEndMinute: 1020,
    });
    const created = await planner.rotations.create({ teamId: fx.team.id, ...legacy });
    const got = await planner.rotations.get({ teamId: fx.team.id, rotationId: created.id });
    expect(got.dutyWindows).toEqual([{ days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 }]);
  });

  test.each([
    {
      name: "overlapping windows, at the later one",
      changes: {
        dutyWindows: [
          { days: [5], startMinute: 1200, endMinute: 480 },
          { days: [6], startMinute: 420, endMinute: 600 },
        ],
      },
      message: /^dutyWindows\.1: Window 2 overlaps window 1 on Saturday/,
    },
    { name: "an empty list", changes: { dutyWindows: [] }, message: /^dutyWindows: Add at least one duty window/ },
    {
      name: "a window without days",
      changes: { dutyWindows: [{ days: [], startMinute: 0, endMinute: 60 }] },
      message: /^dutyWindows\.0\.days: Pick at least one day/,
    },
    {
      name: "a start past the day",
      changes: { dutyWindows: [{ days: [1], startMinute: 1440, endMinute: 60 }] },
      message: /^dutyWindows\.0\.startMinute: Window start must be at most 1439/,
    },
    {
      name: "an end date before the first day",
      changes: { endsOn: "2026-03-01" },
      message: /^endsOn: The end date must be after the first day/,
    },
    {
      name: "an end date that is not a date",
      changes: { endsOn: "2026-02-30" },
      message: /^endsOn: Enter a real calendar date/,
    },
    {
      name: "windows and working hours at once",
      changes: { workingHoursOnly: true, workingDays: [1], workingStartMinute: 540, workingEndMinute: 1020 },
      message: /^workingHoursOnly: Give duty windows or working hours, not both/,
    },
  ])("refuses $name with 400 naming the field", async ({ changes, message }) => {
    const planner = await callerAt(database.db, fx.planner.id, now);
    const refused = await failureOf(planner.rotations.create({ teamId: fx.team.id, ...nightsDraft(changes) }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(message);
  });

  test("the backfill migration turns a stored working-hours rotation into one window and clears the old columns", async () => {
    const planner = await callerAt(database.db, fx.planner.id, now);
    const { id } = await planner.rotations.create({
      teamId: fx.team.id,
      ...weeklyDraft(people, { name: "Old tickets", role: "ticket" }),
    });
    await database.db
      .update(rotation)
      .set({
        dutyWindows: null,
        workingHoursOnly: true,
        workingDays: [1, 2, 3, 4, 5],
        workingStartMinute: 540,
        workingEndMinute: 1440,
      })
      .where(eq(rotation.id, id));
    // Before the backfill the row still reads as its working hours.
    expect((await planner.rotations.get({ teamId: fx.team.id, rotationId: id })).dutyWindows).toEqual([
      { days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1440 },
    ]);
    const migrations = path.join(process.cwd(), "db", "migrations");
    const backfill = fs.readdirSync(migrations).find((name) => name.endsWith("_backfill_duty_windows.sql"));
    if (!backfill) throw new Error("no backfill migration");
    await database.db.execute(sql.raw(fs.readFileSync(path.join(migrations, backfill), "utf8")));
    const [row] = await database.db.select().from(rotation).where(eq(rotation.id, id));
    expect(row).toMatchObject({
      dutyWindows: [{ days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1440 }],
      workingHoursOnly: false,
      workingDays: null,
      workingStartMinute: null,
      workingEndMinute: null,
    });
  });
});
