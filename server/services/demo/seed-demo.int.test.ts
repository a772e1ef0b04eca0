import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { verifyPassword } from "better-auth/crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Database, Db } from "@/db/client";
import {
  absence,
  account,
  interrupt,
  organisation,
  person,
  rotation,
  rotationOverride,
  shiftRecord,
  team,
  teamMember,
  user,
  workEntry,
} from "@/db/schema";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import {
  DEMO_PASSWORD,
  DemoDataExistsError,
  demoFirstWeek,
  hasDemoData,
  seedDemo,
  type DemoAccount,
} from "./seed-demo";

// A Wednesday afternoon whose twelve weeks span the spring DST change, Easter and Labour Day.
const NOW = new Date("2025-05-07T15:00:00Z");
const BERLIN = "Europe/Berlin";

let database: Database;
let seeded: { accounts: DemoAccount[]; teamId: string };
let hadDataBefore: boolean;

beforeAll(async () => {
  database = await createTestDatabase();
  hadDataBefore = await hasDemoData(database.db);
  const started = performance.now();
  seeded = await seedDemo(database.db, { now: NOW });
  console.info(`seedDemo on ${testEngine}: ${Math.round(performance.now() - started)} ms`);
});
afterAll(async () => database?.close());

async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = {
    organisation,
    team,
    person,
    teamMember,
    user,
    account,
    absence,
    rotation,
    rotationOverride,
    shiftRecord,
    interrupt,
    workEntry,
  };
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
    counts[name] = row?.n ?? -1;
  }
  return counts;
}

/** Minutes logged per person and category, keyed by email so two databases compare. */
async function minutesByPerson(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .select({ email: person.email, category: workEntry.category, minutes: sql<number>`sum(${workEntry.minutes})::int` })
    .from(workEntry)
    .innerJoin(person, eq(person.id, workEntry.personId))
    .groupBy(person.email, workEntry.category)
    .orderBy(asc(person.email), asc(workEntry.category));
  return Object.fromEntries(rows.map((r) => [`${r.email} ${r.category}`, r.minutes]));
}

async function platformEngineers(db: Db) {
  return db
    .select({ id: person.id, email: person.email })
    .from(teamMember)
    .innerJoin(person, eq(person.id, teamMember.personId))
    .where(and(eq(teamMember.teamId, seeded.teamId), eq(teamMember.role, "engineer")));
}

describe(`demo seed on ${testEngine}`, () => {
  test("seeds a fresh database, which hasDemoData then reports", async () => {
    expect(hadDataBefore).toBe(false);
    expect(await hasDemoData(database.db)).toBe(true);
    const [org] = await database.db.select().from(organisation);
    expect(org?.name).toBe("Northwind Cloud");
    const teams = await database.db.select().from(team).orderBy(asc(team.name));
    expect(teams.map((t) => [t.name, t.toilCap, t.onCallCap])).toEqual([
      ["Data Platform", 0.5, 0.25],
      ["Platform SRE", 0.5, 0.25],
    ]);
    expect(teams.find((t) => t.name === "Platform SRE")?.id).toBe(seeded.teamId);
    expect(await platformEngineers(database.db)).toHaveLength(10);
  });

  test("refuses to seed a second time and leaves the data alone", async () => {
    const before = await tableCounts(database.db);
    await expect(seedDemo(database.db, { now: NOW })).rejects.toBeInstanceOf(DemoDataExistsError);
    expect(await tableCounts(database.db)).toEqual(before);
  });

  test("is deterministic: the same now gives the same rows and minutes on another database", async () => {
    const other = await createTestDatabase();
    try {
      const again = await seedDemo(other.db, { now: NOW });
      expect(again.accounts).toEqual(seeded.accounts);
      expect(await tableCounts(other.db)).toEqual(await tableCounts(database.db));
      expect(await minutesByPerson(other.db)).toEqual(await minutesByPerson(database.db));
    } finally {
      await other.close();
    }
  });

  test("no work is logged after now, and none before the first week", async () => {
    const [row] = await database.db
      .select({
        firstStart: sql<string>`min(${workEntry.startsAt})`,
        lastStart: sql<string>`max(${workEntry.startsAt})`,
        lastEnd: sql<string>`max(${workEntry.startsAt} + ${workEntry.minutes} * interval '1 minute')`,
        shortest: sql<number>`min(${workEntry.minutes})`,
        longest: sql<number>`max(${workEntry.minutes})`,
      })
      .from(workEntry);
    expect(new Date(row?.lastStart ?? "").getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(new Date(row?.lastEnd ?? "").getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(new Date(row?.firstStart ?? "").getTime()).toBeGreaterThanOrEqual(demoFirstWeek(NOW).from);
    expect(row?.shortest).toBeGreaterThanOrEqual(10);
    expect(row?.longest).toBeLessThanOrEqual(120);
    const [opened] = await database.db.select({ last: sql<string>`max(${interrupt.openedAt})` }).from(interrupt);
    expect(new Date(opened?.last ?? "").getTime()).toBeLessThanOrEqual(NOW.getTime());
  });

  test("every shift record lies within the twelve weeks, and weekly hand-offs stay at Monday 09:00 in Berlin", async () => {
    const shifts = await database.db.select().from(shiftRecord);
    const { from } = demoFirstWeek(NOW);
    expect(shifts.length).toBeGreaterThan(0);
    for (const shift of shifts) {
      expect(shift.startsAt.getTime()).toBeGreaterThanOrEqual(from);
      expect(shift.endsAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(shift.endsAt.getTime()).toBeGreaterThan(shift.startsAt.getTime());
    }
    const handoffs = shifts
      .filter((s) => s.role === "secondary")
      .map((s) => DateTime.fromJSDate(s.startsAt, { zone: BERLIN }).toFormat("ccc HH:mm"));
    expect(new Set(handoffs)).toEqual(new Set(["Mon 09:00"]));
    expect(shifts.filter((s) => s.role === "secondary")).toHaveLength(12);
    // Primary: twelve weeks, one of them split in three by the override.
    expect(shifts.filter((s) => s.role === "primary")).toHaveLength(14);
    const [override] = await database.db.select().from(rotationOverride);
    expect(
      shifts.some((s) => s.personId === override?.personId && s.startsAt.getTime() === override?.startsAt.getTime()),
    ).toBe(true);
  });

  test("nobody holds a shift while on leave or off sick", async () => {
    const clashes = await database.db
      .select({ shift: shiftRecord.id })
      .from(shiftRecord)
      .innerJoin(absence, eq(absence.personId, shiftRecord.personId))
      .where(
        and(
          inArray(absence.kind, ["leave", "sick"]),
          sql`${absence.startsAt} < ${shiftRecord.endsAt} and ${shiftRecord.startsAt} < ${absence.endsAt}`,
        ),
      );
    expect(clashes).toEqual([]);
  });

  test("each Platform SRE engineer logs toil; the heaviest logs more than half his scheduled time in the last full week", async () => {
    const { db } = database;
    const minutes = await minutesByPerson(db);
    for (const engineer of await platformEngineers(db)) {
      expect(minutes[`${engineer.email} toil`] ?? 0, engineer.email).toBeGreaterThan(0);
    }
    const weekStart = DateTime.fromJSDate(NOW, { zone: BERLIN }).startOf("week").minus({ weeks: 1 });
    const inWeek = (column: typeof workEntry.startsAt | typeof absence.startsAt) =>
      sql`${column} >= ${weekStart.toJSDate()} and ${column} < ${weekStart.plus({ weeks: 1 }).toJSDate()}`;
    const [lukas] = await db.select().from(person).where(eq(person.email, "lukas@northwind.example"));
    const [toil] = await db
      .select({ minutes: sql<number>`sum(${workEntry.minutes})::int` })
      .from(workEntry)
      .where(and(eq(workEntry.personId, lukas?.id ?? ""), eq(workEntry.category, "toil"), inWeek(workEntry.startsAt)));
    const daysOff = await db
      .select()
      .from(absence)
      .where(and(eq(absence.personId, lukas?.id ?? ""), inWeek(absence.startsAt)));
    // Mon-Fri 09:00-17:00 less whole days off: a rough scheduled time, enough to see him over the 50% cap.
    const scheduledMinutes = (5 - daysOff.length) * 8 * 60;
    expect(toil?.minutes ?? 0).toBeGreaterThan(0.5 * scheduledMinutes);
  });

  test("pages go to whoever was primary when they fired; some work is linked to interrupts", async () => {
    const pages = await database.db.select().from(interrupt).where(eq(interrupt.kind, "page"));
    const primaries = await database.db.select().from(shiftRecord).where(eq(shiftRecord.role, "primary"));
    const platformPages = pages.filter((p) => p.teamId === seeded.teamId);
    const checkable = platformPages.filter((p) =>
      primaries.some((s) => s.startsAt <= p.openedAt && p.openedAt < s.endsAt),
    );
    expect(checkable.length).toBeGreaterThan(50);
    for (const page of checkable) {
      const holder = primaries.find((s) => s.startsAt <= page.openedAt && page.openedAt < s.endsAt);
      expect(page.assigneeId).toBe(holder?.personId);
    }
    const incidents = platformPages.filter((p) => p.isIncident).length / platformPages.length;
    expect(incidents).toBeGreaterThan(0.05);
    expect(incidents).toBeLessThan(0.3);
    const kinds = await database.db
      .select({ kind: interrupt.kind, n: sql<number>`count(*)::int` })
      .from(interrupt)
      .groupBy(interrupt.kind);
    expect(kinds.map((k) => k.kind).sort()).toEqual(["page", "request", "ticket"]);
    const [linked] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(workEntry)
      .where(sql`${workEntry.interruptId} is not null`);
    expect(linked?.n ?? 0).toBeGreaterThan(100);
  });

  test("demo accounts sign in with the demo password through a credential account", async () => {
    const { db } = database;
    expect(seeded.accounts[0]?.email).toBe("erik@northwind.example");
    expect(seeded.accounts.map((a) => a.email)).toEqual(
      expect.arrayContaining(["admin@northwind.example", "maria@northwind.example", "priya@northwind.example"]),
    );
    const hashes = new Set<string>();
    for (const demo of seeded.accounts) {
      expect(demo.password).toBe(DEMO_PASSWORD);
      const [row] = await db
        .select({ user, account, personUserId: person.userId, isAdmin: person.isAdmin })
        .from(user)
        .innerJoin(account, and(eq(account.userId, user.id), eq(account.providerId, "credential")))
        .innerJoin(person, eq(person.userId, user.id))
        .where(eq(user.email, demo.email));
      expect(row, demo.email).toBeDefined();
      expect(row?.user.emailVerified).toBe(true);
      expect(row?.account.accountId).toBe(row?.user.id);
      expect(row?.isAdmin).toBe(demo.email === "admin@northwind.example");
      hashes.add(row?.account.password ?? "");
    }
    // One shared hash; verifying it is deliberately slow, so once per distinct hash.
    for (const hash of hashes) {
      expect(await verifyPassword({ hash, password: DEMO_PASSWORD })).toBe(true);
      expect(await verifyPassword({ hash, password: "wrong-password" })).toBe(false);
    }
  });

  test("roles: Maria manages Platform SRE, Priya plans it, the admin belongs to no team", async () => {
    const roles = await database.db
      .select({ email: person.email, role: teamMember.role, teamId: teamMember.teamId })
      .from(teamMember)
      .innerJoin(person, eq(person.id, teamMember.personId))
      .where(inArray(person.email, ["maria@northwind.example", "priya@northwind.example", "admin@northwind.example"]));
    const describe = roles
      .map((r) => `${r.email} ${r.role} ${r.teamId === seeded.teamId ? "platform" : "other"}`)
      .sort();
    expect(describe).toEqual([
      "maria@northwind.example manager platform",
      "priya@northwind.example engineer platform",
      "priya@northwind.example planner platform",
    ]);
  });

  test("demoFirstWeek is the first Monday-to-Monday week in Berlin, twelve weeks before now's week", () => {
    const { from, to } = demoFirstWeek(NOW);
    const start = DateTime.fromMillis(from, { zone: BERLIN });
    expect(start.toFormat("yyyy-MM-dd ccc HH:mm")).toBe("2025-02-10 Mon 00:00");
    expect(DateTime.fromMillis(to, { zone: BERLIN }).toFormat("yyyy-MM-dd ccc HH:mm")).toBe("2025-02-17 Mon 00:00");
  });
});
