import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { interrupt, workEntry } from "@/db/schema";
import { at, callerAt, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";

// Weekly primary (Berlin, Mondays 09:00 from 2 March 2026) of Erik and Ana: Ana holds 9-16 March, Erik from 16 March.
const NOW = at("2026-03-17T12:00");
const ANA_WEEK = { startsAt: at("2026-03-09T09:00"), endsAt: at("2026-03-16T09:00") };

let database: Database;
let fx: Awaited<ReturnType<typeof makeRotationTeam>>;
let rotationId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await makeRotationTeam(database.db, 2);
  const planner = await callerAt(database.db, fx.planner.id, at("2026-03-01T12:00"));
  rotationId = (await planner.rotations.create({ teamId: fx.team.id, ...weeklyDraft(fx.engineers.map((e) => e.id)) }))
    .id;
  const ticket = (
    summary: string,
    openedAt: string,
    resolvedAt: string | null,
    kind: "ticket" | "request" = "ticket",
  ) => ({
    teamId: fx.team.id,
    kind,
    summary,
    openedAt: at(openedAt),
    resolvedAt: resolvedAt === null ? null : at(resolvedAt),
  });
  await database.db
    .insert(interrupt)
    .values([
      ticket("Rotate the TLS certificates", "2026-03-10T10:00", null),
      ticket("Disk filling on db-3", "2026-03-12T10:00", "2026-03-17T10:00"),
      ticket("Closed before the hand-off", "2026-03-11T10:00", "2026-03-13T10:00"),
      ticket("Opened after the hand-off", "2026-03-16T10:00", null),
      ticket("A request is not a ticket", "2026-03-10T10:00", null, "request"),
    ]);
  await database.db
    .insert(interrupt)
    .values({ teamId: fx.otherTeam.id, kind: "ticket", summary: "Another team's", openedAt: at("2026-03-10T10:00") });
});
afterAll(async () => database?.close());

describe(`hand-off notes carry the queue on ${testEngine}`, () => {
  test("the note lists the team's tickets still open at the hand-off, oldest first", async () => {
    const [erik, ana] = fx.engineers.map((e) => e.id) as [string, string];
    await (await callerAt(database.db, ana, NOW)).handoffs.save({
      teamId: fx.team.id,
      rotationId,
      shiftStartsAt: ANA_WEEK.startsAt,
      body: "Two tickets left.",
    });
    const incoming = (await (await callerAt(database.db, erik, NOW)).handoffs.forMe({ teamId: fx.team.id })).incoming;
    const [note] = incoming[0]?.notes ?? [];
    expect(note?.openTickets.map((t) => t.summary)).toEqual(["Rotate the TLS certificates", "Disk filling on db-3"]);
  });

  test("a ticket worked across turns is inherited, and each turn keeps the time its holder logged on it", async () => {
    const team = await makeRotationTeam(database.db, 2);
    const [erik, ana] = team.engineers.map((e) => e.id) as [string, string];
    const planner = await callerAt(database.db, team.planner.id, at("2026-03-01T12:00"));
    const { id: primary } = await planner.rotations.create({ teamId: team.team.id, ...weeklyDraft([erik, ana]) });
    const [ticket] = await database.db
      .insert(interrupt)
      .values({ teamId: team.team.id, kind: "ticket", summary: "Flaky deploys", openedAt: at("2026-03-10T10:00") })
      .returning();
    if (!ticket) throw new Error("no ticket");
    const log = (personId: string, startsAt: string, minutes: number) => ({
      personId,
      teamId: team.team.id,
      startsAt: at(startsAt),
      minutes,
      category: "toil" as const,
      summary: "Flaky deploys",
      interruptId: ticket.id,
    });
    await database.db.insert(workEntry).values([log(ana, "2026-03-11T10:00", 60), log(erik, "2026-03-17T10:00", 45)]);
    await (await callerAt(database.db, ana, NOW)).handoffs.save({
      teamId: team.team.id,
      rotationId: primary,
      shiftStartsAt: ANA_WEEK.startsAt,
      body: "The deploys are yours.",
    });
    const incoming = (await (await callerAt(database.db, erik, NOW)).handoffs.forMe({ teamId: team.team.id })).incoming;
    expect(incoming[0]?.notes[0]?.openTickets.map((t) => t.summary)).toEqual(["Flaky deploys"]);

    const load = await (await callerAt(database.db, team.planner.id, NOW)).rotations.dutyLoad({
      teamId: team.team.id,
      rotationId: primary,
    });
    expect(load.turns.slice(-2).map((t) => [t.personId, t.loggedMinutes, t.openAtHandoff, t.carriedOver])).toEqual([
      [ana, 60, 1, 0],
      [erik, 45, 1, 1],
    ]);
  });
});
