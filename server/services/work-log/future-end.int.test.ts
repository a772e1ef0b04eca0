import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { interrupt, workEntry } from "@/db/schema";
import { ENTRY_END_SKEW_MINUTES } from "@/server/domain/accounting";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { callerAs, makeOrganisation, makePerson, makeTeam } from "@/server/testing/fixtures";
import { makeInterrupt, makeTemplate, refusal } from "@/server/testing/work-log-fixtures";

// Just after Berlin's clocks went forward: "tomorrow" is a local day of 23 hours away, not a fixed offset.
const NOW = new Date("2026-03-29T08:00:00Z");
const now = () => NOW;
const MINUTE = 60_000;
const TOMORROW = new Date("2026-03-30T08:00:00Z");
const JUST_INSIDE_SKEW = new Date(NOW.getTime() + ENTRY_END_SKEW_MINUTES * MINUTE);
const JUST_PAST_SKEW = new Date(NOW.getTime() + (ENTRY_END_SKEW_MINUTES + 1) * MINUTE);

let database: Database;
let ids: { team: string; alice: string; template: string; page: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const org = await makeOrganisation(db);
  const team = await makeTeam(db, org.id, "Future SRE");
  const alice = await makePerson(db, org.id, { teams: [{ teamId: team.id, roles: ["engineer"] }] });
  const template = await makeTemplate(db, team.id, { name: "Rotate certificates", defaultMinutes: 30 });
  const page = await makeInterrupt(db, team.id, {
    summary: "Disk full",
    openedAt: new Date(NOW.getTime() - 30 * MINUTE),
    assigneeId: alice.id,
  });
  ids = { team: team.id, alice: alice.id, template: template.id, page: page.id };
});
afterAll(async () => database?.close());

async function entryCount(): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(workEntry);
  return row?.n ?? -1;
}

const quick = { summary: "Restarted stuck batch job", duration: "25m", category: "toil" as const };

describe(`work cannot end in the future on ${testEngine}`, () => {
  test("the quick log refuses an entry ending tomorrow at endsAt, and saves nothing", async () => {
    const alice = await callerAs(database.db, ids.alice, now);
    const before = await entryCount();
    const refused = await refusal(alice.workLog.create({ ...quick, endsAt: TOMORROW }));
    expect(refused).toMatchObject({ code: "BAD_REQUEST", fields: ["endsAt"] });
    expect(refused.message).toMatch(/future/);
    expect(await entryCount()).toBe(before);
  });

  test("a few minutes of clock skew are allowed; one minute more is not", async () => {
    const alice = await callerAs(database.db, ids.alice, now);
    const entry = await alice.workLog.create({ ...quick, endsAt: JUST_INSIDE_SKEW });
    expect(entry.endsAt).toEqual(JUST_INSIDE_SKEW);
    expect(await refusal(alice.workLog.create({ ...quick, endsAt: JUST_PAST_SKEW }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["endsAt"],
    });
  });

  test("editing an entry cannot move its end into the future", async () => {
    const alice = await callerAs(database.db, ids.alice, now);
    const entry = await alice.workLog.create(quick);
    const refused = await refusal(alice.workLog.update({ id: entry.id, ...quick, endsAt: TOMORROW }));
    expect(refused).toMatchObject({ code: "BAD_REQUEST", fields: ["endsAt"] });
    const [row] = await database.db.select().from(workEntry).where(eq(workEntry.id, entry.id));
    expect(row?.startsAt).toEqual(entry.startsAt);
  });

  test("logging from a template and logging interrupt time refuse a future end too", async () => {
    const alice = await callerAs(database.db, ids.alice, now);
    const before = await entryCount();
    expect(
      await refusal(alice.templates.logFromTemplate({ templateId: ids.template, endsAt: TOMORROW })),
    ).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["endsAt"],
    });
    expect(
      await refusal(alice.interrupts.logTime({ interruptId: ids.page, duration: "20m", endsAt: TOMORROW })),
    ).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["endsAt"],
    });
    expect(await entryCount()).toBe(before);
  });

  test("confirming a captured page refuses minutes that run past now, at the minutes field", async () => {
    await database.db.update(interrupt).set({ captureStatus: "captured" }).where(eq(interrupt.id, ids.page));
    const alice = await callerAs(database.db, ids.alice, now);
    // The page opened 30 minutes ago: an hour of work would end half an hour from now.
    expect(await refusal(alice.capture.confirm({ interruptId: ids.page, minutes: 60 }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["minutes"],
    });
    const confirmed = await alice.capture.confirm({ interruptId: ids.page, minutes: 30 });
    expect(confirmed.entry.endsAt).toEqual(NOW);
  });
});
