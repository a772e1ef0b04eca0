import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import {
  absence,
  auditLog,
  automationEstimate,
  interrupt,
  organisation,
  person,
  rotation,
  rotationOverride,
  service,
  shiftRecord,
  team,
  teamMember,
  toilTemplate,
  workEntry,
} from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { loadViewerByPersonId } from "@/server/auth/viewer";
import { parseWorkspace, type WorkspaceJson } from "@/server/schemas/workspace";
import { seedDemo } from "@/server/services/demo/seed-demo";
import { teamToil } from "@/server/services/reports/team-toil";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { exportWorkspace } from "./export-workspace";
import { importWorkspace, WorkspaceImportError } from "./import-workspace";

// A Wednesday afternoon whose twelve weeks of demo span the spring DST change (as the demo's own test).
const NOW = new Date("2025-05-07T15:00:00Z");
const LATER = new Date("2025-05-08T10:00:00Z");
const DAY_MS = 86_400_000;

let source: Database;
let target: Database;
let platformTeamId: string;
let file: WorkspaceJson;

/** The file as it travels: through JSON text, so no Date or undefined survives by accident. */
const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = {
    organisation,
    team,
    person,
    teamMember,
    absence,
    service,
    toilTemplate,
    rotation,
    rotationOverride,
    shiftRecord,
    interrupt,
    workEntry,
    automationEstimate,
  };
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
    counts[name] = row?.n ?? -1;
  }
  return counts;
}

/** Someone who may read every member's row of the team: its manager in the source, a stand-in admin elsewhere. */
async function readerOf(db: Db, teamId: string): Promise<Viewer> {
  const [maria] = await db.select().from(person).where(eq(person.email, "maria@northwind.example"));
  const viewer = maria ? await loadViewerByPersonId(db, maria.id) : null;
  if (viewer?.memberships.some((m) => m.teamId === teamId)) return viewer;
  const [row] = await db.select({ organisationId: team.organisationId }).from(team).where(eq(team.id, teamId));
  return {
    personId: maria?.id ?? crypto.randomUUID(),
    userId: "workspace-test",
    organisationId: row?.organisationId ?? "",
    name: "Reader",
    email: "reader@example.test",
    timeZone: "Europe/Berlin",
    isAdmin: true,
    memberships: [],
  };
}

/** Each engineer's numbers for [from, to), by email, and the team's, as the toil-cap report computes them. */
async function sharesByEmail(db: Db, teamId: string, from: Date, to: Date, now: Date) {
  const report = await teamToil(db, await readerOf(db, teamId), { teamId, period: "custom", from, to }, now);
  const emails = new Map(
    (await db.select({ id: person.id, email: person.email }).from(person)).map((p) => [p.id, p.email]),
  );
  return {
    members: Object.fromEntries(report.members.map((m) => [emails.get(m.personId) ?? m.personId, m.accounting])),
    team: report.totals.accounting,
    hidden: report.hiddenMembers,
  };
}

function periods(now: Date): Array<[Date, Date]> {
  return [
    [new Date(now.getTime() - 84 * DAY_MS), now],
    [new Date("2025-03-24T00:00:00+01:00"), new Date("2025-03-31T00:00:00+02:00")],
    [new Date(now.getTime() - 7 * DAY_MS), new Date(now.getTime() + 7 * DAY_MS)],
  ];
}

beforeAll(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase();
  platformTeamId = (await seedDemo(source.db, { now: NOW })).teamId;
  file = await exportWorkspace(source.db, { teamId: platformTeamId, actorPersonId: null }, NOW);
});
afterAll(async () => {
  await source?.close();
  await target?.close();
});

describe(`workspace export and import on ${testEngine}`, () => {
  test("the export is a valid file holding the team's people, rotations, history and work log", () => {
    const parsed = parseWorkspace(viaJson(file));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    if (!parsed.ok) return;
    const { data } = parsed;
    expect(data).toMatchObject({
      format: "toilcap-workspace",
      version: 1,
      team: { name: "Platform SRE", toilCap: 0.5, onCallCap: 0.25 },
    });
    expect(data.people.map((p) => p.email)).toContain("erik@northwind.example");
    const amara = data.people.find((p) => p.email === "amara@northwind.example");
    expect(amara).toMatchObject({
      timeZone: "Europe/Berlin",
      roles: ["engineer"],
      workPattern: { days: [1, 2, 3, 4, 5], startMinute: 480, endMinute: 960 },
    });
    expect(data.people.find((p) => p.email === "priya@northwind.example")?.roles.sort()).toEqual([
      "engineer",
      "planner",
    ]);
    expect(data.rotations.length).toBeGreaterThan(0);
    expect(data.rotations.every((r) => r.recordedUntil !== null)).toBe(true);
    expect(data.rotations.flatMap((r) => r.history).length).toBeGreaterThan(20);
    expect(data.entries.length).toBeGreaterThan(100);
    expect(data.entries.some((e) => e.interruptId !== null)).toBe(true);
    expect(data.absences.length).toBeGreaterThan(0);
    // Nobody of the other demo team comes along.
    expect(data.people.map((p) => p.email)).not.toContain("wei@northwind.example");
  });

  test("imported into a fresh instance, every engineer's numbers equal the original's", async () => {
    const summary = await importWorkspace(target.db, viaJson(file), { actorPersonId: null }, LATER);
    expect(summary).toMatchObject({ teamName: "Platform SRE", peopleMatched: 0 });
    expect(summary.peopleCreated).toBe(file.people?.length);
    expect(summary.entries).toBe(file.entries?.length);
    const [org] = await target.db.select().from(organisation);
    expect(org?.name).toBe("Northwind Cloud");

    for (const [from, to] of periods(NOW)) {
      const before = await sharesByEmail(source.db, platformTeamId, from, to, NOW);
      const after = await sharesByEmail(target.db, summary.teamId, from, to, NOW);
      expect(Object.keys(after.members)).toHaveLength(10);
      expect(after).toEqual(before);
    }
    // The comparison is not of empty reports: the quarter carries every kind of time.
    const [quarterFrom, quarterTo] = periods(NOW)[0] ?? [NOW, NOW];
    const { team: totals } = await sharesByEmail(target.db, summary.teamId, quarterFrom, quarterTo, NOW);
    for (const part of ["scheduled", "duty", "onCallDuty", "logged", "afterHours"] as const) {
      expect(totals[part], part).toBeGreaterThan(0);
    }
    // Read later, past the export: the rotations carry on from their settings alike on both sides.
    const [from, to] = [new Date(NOW.getTime() - 28 * DAY_MS), new Date(NOW.getTime() + 14 * DAY_MS)];
    const later = new Date(NOW.getTime() + 10 * DAY_MS);
    expect(await sharesByEmail(target.db, summary.teamId, from, to, later)).toEqual(
      await sharesByEmail(source.db, platformTeamId, from, to, later),
    );
  });

  test("imported people are invited (no account), and the file's admin flags need an instance without an admin", async () => {
    const imported = await target.db.select().from(person);
    expect(imported.every((p) => p.userId === null)).toBe(true);
    const [audit] = await target.db.select().from(auditLog).where(eq(auditLog.action, "workspace.import"));
    expect(audit?.after).toMatchObject({ sourceTeam: "Platform SRE", entries: file.entries?.length });
  });

  test("importing the same file again is refused, by the team's name, and changes nothing", async () => {
    const before = await tableCounts(target.db);
    const error = await importWorkspace(target.db, viaJson(file), { actorPersonId: null }, LATER).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkspaceImportError);
    expect((error as WorkspaceImportError).problems).toEqual([
      expect.stringMatching(/^team\.name: A team named "Platform SRE" already exists/),
    ]);
    expect(await tableCounts(target.db)).toEqual(before);
  });

  test("a file whose entries end after now is refused at each such entry, and changes nothing", async () => {
    const before = await tableCounts(target.db);
    // Two days before the demo's now: its last two days of logged work have not happened yet.
    const earlier = new Date(NOW.getTime() - 2 * DAY_MS);
    const error = await importWorkspace(
      target.db,
      { ...(viaJson(file) as object), team: { name: "From the future" } },
      { actorPersonId: null },
      earlier,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkspaceImportError);
    const problems = (error as WorkspaceImportError).problems;
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem).toMatch(/^entries\[\d+\]\.minutes: Work cannot end in the future/);
    expect(await tableCounts(target.db)).toEqual(before);
  });

  test("an invalid file is refused with every problem at its path, and changes nothing", async () => {
    const before = await tableCounts(target.db);
    const broken = viaJson(file) as {
      people: Array<Record<string, unknown>>;
      entries: Array<Record<string, unknown>>;
      rotations: Array<Record<string, unknown>>;
    };
    const [p3, e0, r0] = [broken.people[3], broken.entries[0], broken.rotations[0]];
    if (!p3 || !e0 || !r0) throw new Error("the demo export is too small for this test");
    p3.timeZone = "Europe/Berln";
    e0.minutes = 0;
    r0.startsOn = "2025-02-30";
    const error = await importWorkspace(
      target.db,
      { ...broken, team: { name: "Brand new" } },
      { actorPersonId: null },
      LATER,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkspaceImportError);
    expect((error as WorkspaceImportError).problems).toEqual([
      'people[3].timeZone: Unknown time zone "Europe/Berln" (use an IANA name such as Europe/Berlin)',
      "rotations[0].startsOn: Enter a real calendar date",
      "entries[0].minutes: At least 1 minute",
    ]);
    expect((error as Error).message).toContain("people[3].timeZone: Unknown time zone");

    // Well-formed but inconsistent: dangling references and duplicates are found before anything is written.
    const dangling = viaJson(file) as {
      people: Array<Record<string, unknown>>;
      entries: Array<Record<string, unknown>>;
    };
    const [first, second] = dangling.people;
    const entry = dangling.entries[1];
    if (!first || !second || !entry) throw new Error("the demo export is too small for this test");
    second.email = String(first.email).toUpperCase();
    entry.personId = "nobody";
    const refused = await importWorkspace(
      target.db,
      { ...dangling, team: { name: "Brand new" } },
      { actorPersonId: null },
      LATER,
    ).catch((e: unknown) => e);
    expect((refused as WorkspaceImportError).problems).toEqual([
      "people[1].email: Same email as people[0]",
      'entries[1].personId: No person with id "nobody" in this file',
    ]);

    for (const junk of [
      "not json at all",
      null,
      [],
      { format: "toilcap-workspace", version: 2, team: { name: "x" } },
    ]) {
      await expect(importWorkspace(target.db, junk, { actorPersonId: null }, LATER)).rejects.toBeInstanceOf(
        WorkspaceImportError,
      );
    }
    expect(await tableCounts(target.db)).toEqual(before);
  });

  test("a copy under a new name in the same instance reuses the people and their absences, and reads the same", async () => {
    const before = await tableCounts(source.db);
    const summary = await importWorkspace(
      source.db,
      viaJson(file),
      { teamName: "Platform SRE (copy)", actorPersonId: null },
      LATER,
    );
    expect(summary).toMatchObject({ peopleCreated: 0, peopleMatched: file.people?.length, absences: 0 });
    const after = await tableCounts(source.db);
    expect(after.person).toBe(before.person);
    expect(after.absence).toBe(before.absence);
    expect(after.team).toBe((before.team ?? 0) + 1);
    const [from, to] = periods(NOW)[0] ?? [NOW, NOW];
    const copy = await sharesByEmail(source.db, summary.teamId, from, to, NOW);
    const original = await sharesByEmail(source.db, platformTeamId, from, to, NOW);
    expect(copy.members).toEqual(original.members);
  });

  test("duty windows and end dates travel; an old file's working hours arrive as one window", async () => {
    const handWritten = {
      format: "toilcap-workspace",
      version: 1,
      team: { name: "Windows and ends" },
      people: [
        { id: "ana", name: "Ana", email: "ana.windows@example.test", timeZone: "Europe/Berlin", roles: ["engineer"] },
      ],
      rotations: [
        {
          id: "nights",
          name: "Nights",
          role: "primary",
          timeZone: "Europe/Berlin",
          shift: { unit: "days", count: 1 },
          handoff: { weekday: 1, time: "20:00" },
          startsOn: "2025-04-07",
          endsOn: "2025-09-29",
          dutyWindows: [{ days: [1, 2, 3, 4, 5, 6, 7], start: "20:00", end: "08:00" }],
          participants: ["ana"],
        },
        {
          id: "tickets",
          name: "Tickets",
          role: "ticket",
          timeZone: "Europe/Berlin",
          shift: { unit: "days", count: 1 },
          handoff: { weekday: 1, time: "09:00" },
          startsOn: "2025-04-07",
          workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" },
          participants: ["ana"],
        },
      ],
    };
    const summary = await importWorkspace(target.db, handWritten, { actorPersonId: null }, LATER);
    const exported = await exportWorkspace(target.db, { teamId: summary.teamId, actorPersonId: null }, LATER);
    const byName = Object.fromEntries(
      (exported.rotations ?? []).map((r) => [r.name, { dutyWindows: r.dutyWindows, endsOn: r.endsOn }]),
    );
    expect(byName).toEqual({
      Nights: { dutyWindows: [{ days: [1, 2, 3, 4, 5, 6, 7], start: "20:00", end: "08:00" }], endsOn: "2025-09-29" },
      Tickets: { dutyWindows: [{ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" }], endsOn: null },
    });
  });

  test("a team's overload thresholds travel both ways; a file written before them gets the defaults", async () => {
    const people = [
      { id: "ana", name: "Ana", email: "ana.overload@example.test", timeZone: "Europe/Berlin", roles: ["manager"] },
    ];
    const thresholdsOf = async (teamId: string) => {
      const [row] = await target.db.select().from(team).where(eq(team.id, teamId));
      return [row?.overloadTurnsInARow, row?.overloadLoggedOverDuty, row?.overloadIncidentLimit];
    };
    const strict = { turnsInARow: 3, loggedOverDuty: 1.25, incidentLimit: 0 };
    const first = await importWorkspace(
      target.db,
      { format: "toilcap-workspace", version: 1, team: { name: "Strict thresholds", overload: strict }, people },
      { actorPersonId: null },
      LATER,
    );
    expect(await thresholdsOf(first.teamId)).toEqual([3, 1.25, 0]);
    const exported = await exportWorkspace(target.db, { teamId: first.teamId, actorPersonId: null }, LATER);
    expect(exported.team?.overload).toEqual(strict);
    const again = await importWorkspace(
      target.db,
      viaJson(exported),
      { teamName: "Strict thresholds again", actorPersonId: null },
      LATER,
    );
    expect(await thresholdsOf(again.teamId)).toEqual([3, 1.25, 0]);

    const old = await importWorkspace(
      target.db,
      { format: "toilcap-workspace", version: 1, team: { name: "Before thresholds" }, people },
      { actorPersonId: null },
      LATER,
    );
    expect(await thresholdsOf(old.teamId)).toEqual([2, 1, 2]);
  });

  test("a hand-written file needs only the essentials; rotations without history count from their first day", async () => {
    const minimal = {
      format: "toilcap-workspace",
      version: 1,
      team: { name: "Hand written" },
      people: [
        { id: "ana", name: "Ana", email: "ana@example.test", timeZone: "Europe/Lisbon", roles: ["engineer"] },
        {
          id: "ben",
          name: "Ben",
          email: "ben@example.test",
          timeZone: "Europe/Lisbon",
          roles: ["engineer"],
          workPattern: { days: [1, 2, 3, 4], start: "08:00", end: "16:00" },
        },
      ],
      rotations: [
        {
          id: "r",
          name: "Primary",
          role: "primary",
          timeZone: "Europe/Lisbon",
          shift: { unit: "weeks", count: 1 },
          handoff: { weekday: 1, time: "09:00" },
          startsOn: "2025-04-07",
          participants: ["ana", "ben"],
        },
      ],
      entries: [
        {
          personId: "ben",
          startsAt: "2025-04-08T10:00:00+01:00",
          minutes: 30,
          category: "toil",
          summary: "Rotated certificates",
        },
      ],
    };
    const summary = await importWorkspace(target.db, minimal, { actorPersonId: null }, LATER);
    expect(summary).toMatchObject({ peopleCreated: 2, rotations: 1, entries: 1 });
    const week = await sharesByEmail(
      target.db,
      summary.teamId,
      new Date("2025-04-07T00:00:00+01:00"),
      new Date("2025-04-14T00:00:00+01:00"),
      LATER,
    );
    // Ana is primary the first week: all of her 40 scheduled hours are duty. Ben works 4 x 8 hours and logged 30 minutes.
    expect(week.members["ana@example.test"]).toMatchObject({
      scheduled: 2400,
      duty: 2400,
      onCallDuty: 2400,
      toilShare: 1,
    });
    expect(week.members["ben@example.test"]).toMatchObject({ scheduled: 1920, duty: 0, logged: 30 });
  });
});
