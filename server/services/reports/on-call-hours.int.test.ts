import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { absence, interrupt } from "@/db/schema";
import { callerAs } from "@/server/testing/fixtures";
import { addInterrupt, addRotation, makeReportTeam, type ReportTeamFixture } from "@/server/testing/report-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { local, refusal } from "@/server/testing/work-log-fixtures";

const BERLIN = "Europe/Berlin";
const at = (isoLocal: string) => local(isoLocal, BERLIN);
const NOW = at("2025-03-20T12:00");
// The week of 10 March 2025 on Berlin's calendar; New York moved to summer time on Sunday 9 March.
const WEEK = { period: "custom" as const, from: at("2025-03-10T00:00"), to: at("2025-03-17T00:00") };

let database: Database;
let fx: ReportTeamFixture;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  fx = await makeReportTeam(db);
  const teamId = fx.team.id;
  const { erika, jonas, dana } = fx;
  // Primary hands off Mondays 09:00 Berlin: Jonas the week of 3 March, Erika the week of 10 March.
  await addRotation(db, {
    teamId,
    role: "primary",
    participants: [jonas.id, erika.id],
    timeZone: BERLIN,
    startsOn: "2025-03-03",
    recordedUntil: at("2025-03-03T09:00"),
  });
  // Dana (New York) is secondary every week; shadowing is not duty.
  await addRotation(db, {
    teamId,
    role: "secondary",
    participants: [dana.id],
    timeZone: BERLIN,
    startsOn: "2025-03-03",
    recordedUntil: at("2025-03-03T09:00"),
  });
  await addRotation(db, {
    teamId,
    role: "shadow",
    participants: [jonas.id],
    timeZone: BERLIN,
    startsOn: "2025-03-03",
    recordedUntil: at("2025-03-03T09:00"),
  });
  // Wednesday 12 March is a public holiday for Erika.
  await db
    .insert(absence)
    .values({ personId: erika.id, kind: "holiday", startsAt: at("2025-03-12T00:00"), endsAt: at("2025-03-13T00:00") });

  const page = (openedAt: Date, who: { id: string }, extra: { deletedAt?: Date } = {}) =>
    addInterrupt(db, { teamId, openedAt, kind: "page", assigneeId: who.id, ...extra });
  const night = await page(at("2025-03-10T23:30"), erika); // resolved 00:30, due Tuesday 09:00: 8.5 h of rest
  await db
    .update(interrupt)
    .set({ resolvedAt: at("2025-03-11T00:30") })
    .where(eq(interrupt.id, night.id));
  await page(at("2025-03-11T10:00"), erika);
  await page(at("2025-03-12T14:00"), erika); // holiday
  await page(at("2025-03-15T12:00"), erika); // weekend
  await page(at("2025-03-13T12:00"), erika, { deletedAt: NOW });
  await page(at("2025-03-10T08:00"), jonas); // before his working day
  await addInterrupt(db, { teamId, openedAt: at("2025-03-11T10:00"), kind: "ticket", assigneeId: erika.id });
  await addInterrupt(db, {
    teamId: fx.otherTeam.id,
    openedAt: at("2025-03-11T10:00"),
    kind: "page",
    assigneeId: erika.id,
  });
});
afterAll(async () => database?.close());

const as = (personId: string) => callerAs(database.db, personId, () => NOW);

describe(`on-call hours on ${testEngine}`, () => {
  test("the manager sees every engineer's duty by role and band, on each one's own clock", async () => {
    const report = await (await as(fx.manager.id)).reports.onCallHours({ teamId: fx.team.id, ...WEEK });
    const rows = Object.fromEntries(report.people.map((p) => [p.name, p]));
    expect(report.hiddenPeople).toBe(0);
    expect(report.people.map((p) => p.name)).toEqual(["Dana Kim", "Erika Berg", "Jonas Hahn", "Priya Raman"]);
    // Monday 09:00 to the period's end, Sunday midnight: 159 hours, less the holiday's day from the other bands.
    expect(rows["Erika Berg"]).toMatchObject({
      dutyHours: 159,
      byRole: { primary: 159, secondary: 0, ticket: 0 },
      byBand: { business: 32, evening: 26, night: 29, weekend: 48, holiday: 24 },
      pagesByBand: { business: 1, evening: 0, night: 1, weekend: 1, holiday: 1 },
      pages: 4,
      restFlags: [{ pagedAt: at("2025-03-10T23:30"), dueAt: at("2025-03-11T09:00"), restHours: 8.5 }],
    });
    // Secondary the whole week, read on New York's clock: Sunday 9 March 19:00 to Sunday 16 March 19:00 there.
    expect(rows["Dana Kim"]).toMatchObject({
      dutyHours: 168,
      byRole: { primary: 0, secondary: 168, ticket: 0 },
      byBand: { business: 40, evening: 35, night: 45, weekend: 5 + 43, holiday: 0 },
      pages: 0,
      restFlags: [],
    });
    // Jonas's primary week ended Monday 09:00; his shadow week is not duty.
    expect(rows["Jonas Hahn"]).toMatchObject({
      dutyHours: 9,
      byRole: { primary: 9, secondary: 0, ticket: 0 },
      byBand: { business: 0, evening: 2, night: 7, weekend: 0, holiday: 0 },
      pagesByBand: { business: 0, evening: 1, night: 0, weekend: 0, holiday: 0 },
    });
    expect(rows["Priya Raman"]).toMatchObject({ dutyHours: 0, pages: 0 });
  });

  test("an engineer sees only their own row", async () => {
    const report = await (await as(fx.jonas.id)).reports.onCallHours({ teamId: fx.team.id, ...WEEK });
    expect(report.people.map((p) => p.name)).toEqual(["Jonas Hahn"]);
    expect(report.hiddenPeople).toBe(3);
  });

  test("someone from another team is refused", async () => {
    expect(
      await refusal((await as(fx.outsider.id)).reports.onCallHours({ teamId: fx.team.id, ...WEEK })),
    ).toMatchObject({ code: "FORBIDDEN" });
  });

  test.each([
    {
      name: "a custom period without a start",
      input: { period: "custom", to: at("2025-03-17T00:00") },
      fields: ["from"],
    },
    { name: "an unknown period", input: { period: "fortnight" }, fields: ["period"] },
    {
      name: "an end before the start",
      input: { period: "custom", from: at("2025-03-17T00:00"), to: at("2025-03-10T00:00") },
      fields: ["to"],
    },
  ])("$name is a 400 naming the field", async ({ input, fields }) => {
    const manager = await as(fx.manager.id);
    const call = manager.reports.onCallHours as (input: unknown) => Promise<unknown>;
    expect(await refusal(call({ teamId: fx.team.id, ...input }))).toMatchObject({ code: "BAD_REQUEST", fields });
  });
});
