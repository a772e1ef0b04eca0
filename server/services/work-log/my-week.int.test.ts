import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { callerAs, makeOrganisation, makePerson, makeTeam } from "@/server/testing/fixtures";
import { local, makeInterrupt } from "@/server/testing/work-log-fixtures";

const BERLIN = "Europe/Berlin";
const NEW_YORK = "America/New_York";
const HOUR = 3_600_000;

let database: Database;
let ids: { team: string; berliner: string; newYorker: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const org = await makeOrganisation(db);
  const team = await makeTeam(db, org.id, "Platform SRE");
  const teams = [{ teamId: team.id, roles: ["engineer" as const] }];
  ids = {
    team: team.id,
    berliner: (await makePerson(db, org.id, { timeZone: BERLIN, teams })).id,
    newYorker: (await makePerson(db, org.id, { timeZone: NEW_YORK, teams })).id,
  };
});
afterAll(async () => database?.close());

/** Logs `summary` as 30 minutes starting at a wall-clock time in `zone`. */
async function logAt(personId: string, isoLocal: string, zone: string, summary: string) {
  const caller = await callerAs(database.db, personId);
  const startsAt = local(isoLocal, zone);
  return caller.workLog.create({
    summary,
    duration: "30m",
    category: "toil",
    endsAt: new Date(startsAt.getTime() + 30 * 60_000),
  });
}

const summariesByDay = (week: { days: Array<{ date: string; entries: Array<{ summary: string }> }> }) =>
  Object.fromEntries(
    week.days.filter((d) => d.entries.length > 0).map((d) => [d.date, d.entries.map((e) => e.summary)]),
  );

describe(`the week view on ${testEngine}`, () => {
  test("Berlin, the week the clocks go forward: 167 hours, entries on their local day", async () => {
    const { berliner } = ids;
    await logAt(berliner, "2025-03-23T23:50", BERLIN, "previous Sunday night");
    await logAt(berliner, "2025-03-24T00:10", BERLIN, "Monday just after midnight");
    await logAt(berliner, "2025-03-26T12:00", BERLIN, "Wednesday lunch");
    await logAt(berliner, "2025-03-30T01:30", BERLIN, "Sunday before the change");
    await logAt(berliner, "2025-03-30T03:30", BERLIN, "Sunday after the change");
    await logAt(berliner, "2025-03-30T23:40", BERLIN, "Sunday late");
    await logAt(berliner, "2025-03-31T00:10", BERLIN, "next Monday");

    const caller = await callerAs(database.db, berliner, () => new Date("2025-03-26T10:00:00Z"));
    const week = await caller.workLog.week({});
    expect(week.timeZone).toBe(BERLIN);
    expect(week.from).toEqual(new Date("2025-03-23T23:00:00Z"));
    expect(week.to).toEqual(new Date("2025-03-30T22:00:00Z"));
    expect(week.to.getTime() - week.from.getTime()).toBe(167 * HOUR);
    expect(week.days.map((d) => d.label)).toEqual([
      "Mon 24 Mar",
      "Tue 25 Mar",
      "Wed 26 Mar",
      "Thu 27 Mar",
      "Fri 28 Mar",
      "Sat 29 Mar",
      "Sun 30 Mar",
    ]);
    expect(summariesByDay(week)).toEqual({
      "2025-03-24": ["Monday just after midnight"],
      "2025-03-26": ["Wednesday lunch"],
      "2025-03-30": ["Sunday before the change", "Sunday after the change", "Sunday late"],
    });
  });

  test("New York, the week the clocks go forward there: a Sunday-night entry stays on Sunday though it is Monday in UTC", async () => {
    const { newYorker } = ids;
    await logAt(newYorker, "2025-03-03T00:15", NEW_YORK, "Monday just after midnight");
    await logAt(newYorker, "2025-03-09T22:00", NEW_YORK, "Sunday night");
    await logAt(newYorker, "2025-03-10T00:05", NEW_YORK, "next Monday");

    const caller = await callerAs(database.db, newYorker);
    const week = await caller.workLog.week({ at: new Date("2025-03-05T17:00:00Z") });
    expect(week.from).toEqual(new Date("2025-03-03T05:00:00Z"));
    expect(week.to).toEqual(new Date("2025-03-10T04:00:00Z"));
    expect(week.days[0]).toMatchObject({ date: "2025-03-03", label: "Mon 3 Mar" });
    expect(summariesByDay(week)).toEqual({
      "2025-03-03": ["Monday just after midnight"],
      "2025-03-09": ["Sunday night"],
    });
    expect(week.days[6]?.entries[0]?.startsAt).toEqual(new Date("2025-03-10T02:00:00Z"));
  });

  test("the same instant is a different day for the Berliner and the New Yorker, and each sees only their own entries", async () => {
    // Thursday 5 June 2025 03:00 in Berlin is Wednesday 4 June 21:00 in New York.
    const instant = "2025-06-05T01:00:00Z";
    await logAt(ids.berliner, "2025-06-05T03:00", BERLIN, "Berlin night");
    await logAt(ids.newYorker, "2025-06-04T21:00", NEW_YORK, "New York evening");
    const at = new Date(instant);
    const berlinWeek = await (await callerAs(database.db, ids.berliner)).workLog.week({ at });
    const newYorkWeek = await (await callerAs(database.db, ids.newYorker)).workLog.week({ at });
    expect(summariesByDay(berlinWeek)).toEqual({ "2025-06-05": ["Berlin night"] });
    expect(summariesByDay(newYorkWeek)).toEqual({ "2025-06-04": ["New York evening"] });
  });

  test("deleted entries leave the week; the caller's interrupts appear on the day they were opened, with the time logged on them", async () => {
    const { db } = database;
    const caller = await callerAs(db, ids.berliner);
    const gone = await logAt(ids.berliner, "2025-09-09T10:00", BERLIN, "deleted");
    await caller.workLog.remove({ id: gone.id });
    const page = await makeInterrupt(db, ids.team, {
      summary: "payments-api 5xx",
      openedAt: local("2025-09-10T00:30", BERLIN),
      assigneeId: ids.berliner,
    });
    await makeInterrupt(db, ids.team, {
      summary: "someone else's",
      openedAt: local("2025-09-10T10:00", BERLIN),
      assigneeId: ids.newYorker,
    });
    await caller.interrupts.logTime({
      interruptId: page.id,
      duration: "45m",
      endsAt: local("2025-09-10T01:30", BERLIN),
    });

    const week = await caller.workLog.week({ at: local("2025-09-12T12:00", BERLIN) });
    expect(week.days.flatMap((d) => d.entries.map((e) => e.summary))).toEqual(["payments-api 5xx"]);
    const wednesday = week.days[2];
    expect(wednesday?.date).toBe("2025-09-10");
    expect(wednesday?.interrupts).toMatchObject([
      { id: page.id, summary: "payments-api 5xx", kind: "page", loggedMinutes: 45 },
    ]);
    expect(wednesday?.entries).toMatchObject([{ interruptId: page.id, interruptSummary: "payments-api 5xx" }]);
    expect(week.days.flatMap((d) => d.interrupts)).toHaveLength(1);
  });
});
