import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { interrupt, rotationOverload, workEntry } from "@/db/schema";
import { loadViewerByPersonId } from "@/server/auth/viewer";
import { scrapeToilMetrics } from "@/server/integrations/metrics/toil-metrics";
import { settleBackgroundWork } from "@/server/services/breaches/background";
import { sweepCapBreaches } from "@/server/services/breaches/sweep-breaches";
import { recordOverloads } from "@/server/services/rotations/record-overloads";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { at, callerAt, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";

let database: Database;
// Wednesday 4 March 2026, noon in Berlin. Weekly ticket duty of Erik and Ana from Monday 2 February:
// Erik 2-9 Feb, Ana 9-16, Erik 16-23, Ana 23 Feb-2 Mar (the four ended turns), Erik from 2 March (in progress).
const now = at("2026-03-04T12:00");

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

/** A team of its own per test, so one test's interrupts never load another's rotation. */
async function ticketDuty() {
  const fx = await makeRotationTeam(database.db, 2);
  const [erik, ana] = fx.engineers.map((e) => e.id) as [string, string];
  const planner = await callerAt(database.db, fx.planner.id, at("2026-02-01T12:00"));
  const { id: rotationId } = await planner.rotations.create({
    teamId: fx.team.id,
    ...weeklyDraft([erik, ana], { name: "Tickets", role: "ticket", startsOn: "2026-02-02" }),
  });
  const load = async () =>
    (await callerAt(database.db, fx.planner.id, now)).rotations.dutyLoad({ teamId: fx.team.id, rotationId });
  const addInterrupt = async (
    kind: "page" | "ticket",
    openedAt: string,
    extra: { resolvedAt?: string; isIncident?: boolean } = {},
  ) => {
    const [row] = await database.db
      .insert(interrupt)
      .values({
        teamId: fx.team.id,
        kind,
        summary: `${kind} at ${openedAt}`,
        openedAt: at(openedAt),
        resolvedAt: extra.resolvedAt ? at(extra.resolvedAt) : null,
        isIncident: extra.isIncident ?? false,
      })
      .returning();
    if (!row) throw new Error("no interrupt");
    return row.id;
  };
  const logOn = async (personId: string, interruptId: string, startsAt: string, minutes: number) => {
    await database.db.insert(workEntry).values({
      personId,
      teamId: fx.team.id,
      startsAt: at(startsAt),
      minutes,
      category: "toil",
      summary: "Work the queue",
      interruptId,
    });
  };
  return { fx, erik, ana, rotationId, load, addInterrupt, logOn };
}

describe(`duty load per turn and the overload signal on ${testEngine}`, () => {
  test("a calm rotation: eight turns at most, the one in progress last, no flag", async () => {
    const { erik, ana, load, addInterrupt, logOn } = await ticketDuty();
    const ticket = await addInterrupt("ticket", "2026-02-10T10:00", { resolvedAt: "2026-02-10T15:00" });
    await logOn(ana, ticket, "2026-02-10T10:00", 90);
    await logOn(ana, ticket, "2026-02-14T10:00", 30); // Saturday: after hours
    const result = await load();
    expect(result.turns.map((t) => [t.personId, t.startsAt, t.inProgress])).toEqual([
      [erik, at("2026-02-02T09:00"), false],
      [ana, at("2026-02-09T09:00"), false],
      [erik, at("2026-02-16T09:00"), false],
      [ana, at("2026-02-23T09:00"), false],
      [erik, at("2026-03-02T09:00"), true],
    ]);
    expect(result.turns[1]).toMatchObject({
      received: { page: 0, ticket: 1, request: 0 },
      loggedMinutes: 120,
      dutyMinutes: 2400,
      afterHoursMinutes: 30,
      openAtHandoff: 0,
    });
    // The turn in progress counts Monday and Tuesday whole and Wednesday to noon: 8 + 8 + 3 hours.
    expect(result.turns[4]?.dutyMinutes).toBe(19 * 60);
    expect(result.overload).toEqual([]);
  });

  test("interrupt time over the duty time two turns in a row flags the rotation, naming those turns", async () => {
    const { erik, ana, load, addInterrupt, logOn } = await ticketDuty();
    const first = await addInterrupt("ticket", "2026-02-16T09:30", { resolvedAt: "2026-02-20T17:00" });
    const second = await addInterrupt("ticket", "2026-02-23T09:30", { resolvedAt: "2026-02-27T17:00" });
    await logOn(erik, first, "2026-02-16T10:00", 2500);
    await logOn(ana, second, "2026-02-23T10:00", 2401);
    const result = await load();
    expect(result.turns.slice(2, 4).map((t) => t.loggedMinutes)).toEqual([2500, 2401]);
    expect(result.overload).toEqual([{ reason: "logged-over-duty", turns: [2, 3] }]);
  });

  test("a ticket queue growing at each hand-off flags the rotation; carried-over tickets are counted", async () => {
    const { load, addInterrupt } = await ticketDuty();
    await addInterrupt("ticket", "2026-02-10T10:00");
    await addInterrupt("ticket", "2026-02-17T10:00");
    await addInterrupt("ticket", "2026-02-24T10:00");
    const result = await load();
    expect(result.turns.slice(0, 4).map((t) => [t.openAtHandoff, t.carriedOver])).toEqual([
      [0, 0],
      [1, 0],
      [2, 1],
      [3, 2],
    ]);
    expect(result.overload).toEqual([{ reason: "queue-growing", turns: [2, 3] }]);
  });

  test("more than two incidents in a 12-hour window two turns in a row flags the rotation", async () => {
    const { load, addInterrupt } = await ticketDuty();
    for (const time of [
      "2026-02-17T10:00",
      "2026-02-17T11:00",
      "2026-02-17T12:00",
      "2026-02-24T01:00",
      "2026-02-24T02:00",
      "2026-02-24T03:00",
    ]) {
      await addInterrupt("page", time, { resolvedAt: time, isIncident: true });
    }
    const result = await load();
    expect(result.turns.slice(0, 4).map((t) => t.peakIncidents)).toEqual([0, 0, 3, 3]);
    expect(result.overload).toEqual([{ reason: "incident-limit", turns: [2, 3] }]);
  });

  test("engineers may not read their colleagues' logged time", async () => {
    const { fx, erik } = await ticketDuty();
    const engineer = await callerAt(database.db, erik, now);
    await expect(
      engineer.rotations.dutyLoad({ teamId: fx.team.id, rotationId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

/** The value of `toilcap_rotation_overloaded` for one rotation, as the team's manager scrapes it. */
async function overloadedGauge(managerId: string, rotationId: string): Promise<number | undefined> {
  const viewer = await loadViewerByPersonId(database.db, managerId);
  if (!viewer) throw new Error("no manager");
  const scrape = await scrapeToilMetrics(database.db, viewer, now);
  if (!scrape.ok) throw new Error("manager may scrape");
  const gauge = (await scrape.registry.getMetricsAsJSON()).find((m) => m.name === "toilcap_rotation_overloaded");
  return gauge?.values.find((v) => v.labels.rotation_id === rotationId)?.value;
}

async function recordedFor(rotationId: string): Promise<number> {
  const [row] = await database.db
    .select({ n: count() })
    .from(rotationOverload)
    .where(eq(rotationOverload.rotationId, rotationId));
  return row?.n ?? 0;
}

describe(`the overload flag: team thresholds, the home card, the metric and its record on ${testEngine}`, () => {
  test("logged time over duty: flagged with its turns, 1 in the metric, recorded once by writes, never by reads", async () => {
    const { fx, erik, ana, rotationId, addInterrupt, logOn } = await ticketDuty();
    const first = await addInterrupt("ticket", "2026-02-16T09:30", { resolvedAt: "2026-02-20T17:00" });
    const second = await addInterrupt("ticket", "2026-02-23T09:30", { resolvedAt: "2026-02-27T17:00" });
    await logOn(erik, first, "2026-02-16T10:00", 2500);
    await logOn(ana, second, "2026-02-23T10:00", 2401);
    const manager = await callerAt(database.db, fx.manager.id, now);
    const flags = await manager.rotations.overloadFlags({ teamId: fx.team.id });
    expect(flags).toEqual([
      {
        rotationId,
        rotationName: "Tickets",
        role: "ticket",
        reasons: ["logged-over-duty"],
        turns: [
          { personId: erik, name: "Erik Lindqvist", startsAt: at("2026-02-16T09:00"), endsAt: at("2026-02-23T09:00") },
          { personId: ana, name: "Ana Ruiz", startsAt: at("2026-02-23T09:00"), endsAt: at("2026-03-02T09:00") },
        ],
      },
    ]);
    expect(await overloadedGauge(fx.manager.id, rotationId)).toBe(1);
    await manager.rotations.dutyLoad({ teamId: fx.team.id, rotationId });
    expect(await recordedFor(rotationId)).toBe(0);

    // A write that moves shares records the flag behind its answer; seen again, it records nothing more.
    await manager.teams.updateOverloadThresholds({
      teamId: fx.team.id,
      turnsInARow: 2,
      loggedOverDuty: 1,
      incidentLimit: 2,
    });
    await settleBackgroundWork();
    expect(await recordedFor(rotationId)).toBe(1);
    expect(await recordOverloads(database.db, fx.team.id, now)).toBe(0);
    expect(await recordedFor(rotationId)).toBe(1);
    const load = await manager.rotations.dutyLoad({ teamId: fx.team.id, rotationId });
    expect(load.recorded).toMatchObject([
      { turnStartsAt: at("2026-02-23T09:00"), reasons: ["logged-over-duty"], turnsInARow: 2 },
    ]);
  });

  test("a manager's thresholds decide: three turns in a row, 110% of duty time, a limit of 3 incidents", async () => {
    const { fx, erik, ana, rotationId, addInterrupt, logOn } = await ticketDuty();
    const first = await addInterrupt("ticket", "2026-02-16T09:30", { resolvedAt: "2026-02-20T17:00" });
    const second = await addInterrupt("ticket", "2026-02-23T09:30", { resolvedAt: "2026-02-27T17:00" });
    await logOn(erik, first, "2026-02-16T10:00", 2700);
    await logOn(ana, second, "2026-02-23T10:00", 2641);
    for (const time of ["2026-02-17T10:00", "2026-02-17T11:00", "2026-02-17T12:00"]) {
      await addInterrupt("page", time, { resolvedAt: time, isIncident: true });
    }
    for (const time of ["2026-02-24T01:00", "2026-02-24T02:00", "2026-02-24T03:00", "2026-02-24T04:00"]) {
      await addInterrupt("page", time, { resolvedAt: time, isIncident: true });
    }
    const manager = await callerAt(database.db, fx.manager.id, now);
    const reasons = async () =>
      (await manager.rotations.overloadFlags({ teamId: fx.team.id })).flatMap((flag) => flag.reasons);
    expect(await reasons()).toEqual(["logged-over-duty", "incident-limit"]);

    // 2641 of 2400 minutes is just over 110%; 3 incidents in 12 hours are within a limit of 3.
    await manager.teams.updateOverloadThresholds({
      teamId: fx.team.id,
      turnsInARow: 2,
      loggedOverDuty: 1.1,
      incidentLimit: 3,
    });
    expect(await reasons()).toEqual(["logged-over-duty"]);
    await manager.teams.updateOverloadThresholds({
      teamId: fx.team.id,
      turnsInARow: 2,
      loggedOverDuty: 1.11,
      incidentLimit: 3,
    });
    expect(await reasons()).toEqual([]);
    expect(await overloadedGauge(fx.manager.id, rotationId)).toBe(0);
    await manager.teams.updateOverloadThresholds({
      teamId: fx.team.id,
      turnsInARow: 3,
      loggedOverDuty: 1,
      incidentLimit: 2,
    });
    expect(await reasons()).toEqual([]);
    const load = await manager.rotations.dutyLoad({ teamId: fx.team.id, rotationId });
    expect(load.thresholds).toEqual({ turnsInARow: 3, loggedOverDuty: 1, incidentLimit: 2 });
  });

  test("a queue growing at each hand-off is flagged and recorded by the periodic sweep; the incident limit too", async () => {
    const { fx, rotationId, addInterrupt } = await ticketDuty();
    await addInterrupt("ticket", "2026-02-10T10:00");
    await addInterrupt("ticket", "2026-02-17T10:00");
    await addInterrupt("ticket", "2026-02-24T10:00");
    for (const time of ["2026-02-17T10:00", "2026-02-17T11:00", "2026-02-17T12:00"]) {
      await addInterrupt("page", time, { resolvedAt: time, isIncident: true });
    }
    for (const time of ["2026-02-24T01:00", "2026-02-24T02:00", "2026-02-24T03:00"]) {
      await addInterrupt("page", time, { resolvedAt: time, isIncident: true });
    }
    const planner = await callerAt(database.db, fx.planner.id, now);
    const [flag] = await planner.rotations.overloadFlags({ teamId: fx.team.id });
    expect(flag?.reasons).toEqual(["queue-growing", "incident-limit"]);
    expect(await overloadedGauge(fx.manager.id, rotationId)).toBe(1);
    const sweep = await sweepCapBreaches(database.db, now);
    expect(sweep.overloads).toBeGreaterThanOrEqual(1);
    const [recorded] = await database.db
      .select()
      .from(rotationOverload)
      .where(eq(rotationOverload.rotationId, rotationId));
    expect(recorded).toMatchObject({
      teamId: fx.team.id,
      turnStartsAt: at("2026-02-23T09:00"),
      turnEndsAt: at("2026-03-02T09:00"),
      reasons: ["queue-growing", "incident-limit"],
      thresholds: { turnsInARow: 2, loggedOverDuty: 1, incidentLimit: 2 },
    });
  });

  test("a bad threshold is refused naming the field and changes nothing", async () => {
    const { fx } = await ticketDuty();
    const manager = await callerAt(database.db, fx.manager.id, now);
    await expect(
      manager.teams.updateOverloadThresholds({
        teamId: fx.team.id,
        turnsInARow: 9,
        loggedOverDuty: 1,
        incidentLimit: 2,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const [team] = (await manager.teams.list()).filter((t) => t.id === fx.team.id);
    expect(team?.overload).toEqual({ turnsInARow: 2, loggedOverDuty: 1, incidentLimit: 2 });
  });
});

describe(`load per duty turn in the interrupt load report on ${testEngine}`, () => {
  test("every field per turn of the period for managers; engineers see only their own turns", async () => {
    const { fx, erik, ana, rotationId, addInterrupt, logOn } = await ticketDuty();
    const ticket = await addInterrupt("ticket", "2026-02-10T10:00");
    await addInterrupt("page", "2026-02-11T10:00", { resolvedAt: "2026-02-11T11:00", isIncident: true });
    await logOn(ana, ticket, "2026-02-10T10:00", 90);
    await logOn(ana, ticket, "2026-02-14T10:00", 30);
    const february = {
      teamId: fx.team.id,
      period: "custom" as const,
      from: at("2026-02-01T00:00"),
      to: at("2026-03-01T00:00"),
    };
    const manager = await callerAt(database.db, fx.manager.id, now);
    const report = await manager.reports.interruptLoad(february);
    const [tickets] = report.dutyTurns;
    expect(tickets).toMatchObject({ rotationId, rotationName: "Tickets", role: "ticket", notShown: 0 });
    expect(tickets?.turns.map((t) => [t.personId, t.startsAt])).toEqual([
      [erik, at("2026-02-02T09:00")],
      [ana, at("2026-02-09T09:00")],
      [erik, at("2026-02-16T09:00")],
      [ana, at("2026-02-23T09:00")],
    ]);
    expect(tickets?.turns[1]).toMatchObject({
      received: { page: 1, ticket: 1, request: 0 },
      loggedMinutes: 120,
      dutyMinutes: 2400,
      openAtHandoff: 1,
      carriedOver: 0,
      peakIncidents: 1,
      afterHoursMinutes: 30,
    });
    expect(tickets?.turns[2]).toMatchObject({ openAtHandoff: 1, carriedOver: 1 });
    expect(report.dutyThresholds).toEqual({ turnsInARow: 2, loggedOverDuty: 1, incidentLimit: 2 });

    const engineer = await callerAt(database.db, erik, now);
    const own = await engineer.reports.interruptLoad(february);
    expect(own.dutyTurns[0]?.turns.map((t) => t.personId)).toEqual([erik, erik]);
    expect(own.dutyTurns[0]?.notShown).toBe(2);
  });
});

type Planner = Awaited<ReturnType<typeof callerAt>>;

/** The proposed second role created as proposed, and the team's schedule from now until late April. */
async function createWithSchedule(
  planner: Planner,
  teamId: string,
  draft: Awaited<ReturnType<Planner["rotations"]["proposeSecond"]>>["draft"],
) {
  const created = await planner.rotations.create({
    teamId,
    ...draft,
    participants: draft.participants.map((p) => p.personId),
  });
  const schedule = await planner.rotations.schedule({ teamId, from: now, to: at("2026-04-27T09:00") });
  return { created, schedule };
}

/** The team's planner adds a cover to the rotation, then asks for a second duty role beside it. */
async function proposeAfterCover(
  fx: { team: { id: string }; planner: { id: string } },
  rotationId: string,
  cover: { personId: string; replacesPersonId: string; from: string; to: string },
) {
  const planner = await callerAt(database.db, fx.planner.id, now);
  const { personId, replacesPersonId } = cover;
  await planner.rotations.addOverride({
    teamId: fx.team.id,
    rotationId,
    personId,
    replacesPersonId,
    startsAt: at(cover.from),
    endsAt: at(cover.to),
  });
  return planner.rotations.proposeSecond({ teamId: fx.team.id, rotationId });
}

describe(`a second duty role proposed from the flag on ${testEngine}`, () => {
  test("same people and settings, offset by one person, so nobody holds both; created in one step, undone softly", async () => {
    const fx = await makeRotationTeam(database.db, 3);
    const people = fx.engineers.map((e) => e.id);
    const planner = await callerAt(database.db, fx.planner.id, at("2026-02-01T12:00"));
    const { id: rotationId } = await planner.rotations.create({
      teamId: fx.team.id,
      ...weeklyDraft(people, { name: "Tickets", role: "ticket", startsOn: "2026-02-02" }),
    });
    const later = await callerAt(database.db, fx.planner.id, now);
    const { source, draft } = await later.rotations.proposeSecond({ teamId: fx.team.id, rotationId });
    expect(source).toEqual({ id: rotationId, name: "Tickets", role: "ticket" });
    // Turn 5 (2 March) of Erik, Ana, Ben goes to Ana in the first rotation; the second starts from Ben.
    expect(draft).toMatchObject({ name: "Tickets (second)", role: "ticket", onDutyNow: people[2] });
    expect(draft.participants.map((p) => p.personId)).toEqual(people);

    const { created, schedule } = await createWithSchedule(later, fx.team.id, draft);
    const holders = (id: string) =>
      schedule.shifts.filter((s) => s.rotationId === id).map((s) => [s.startsAt.getTime(), s.personId] as const);
    const first = new Map(holders(rotationId));
    const second = holders(created.id);
    expect(second.length).toBeGreaterThanOrEqual(7);
    for (const [start, personId] of second) expect(first.get(start)).not.toBe(personId);

    await later.rotations.remove({ teamId: fx.team.id, rotationId: created.id });
    expect((await later.rotations.list({ teamId: fx.team.id })).map((r) => r.id)).toEqual([rotationId]);
  });

  test("a cover on the first rotation moves the offset, so the person covering is not put on both", async () => {
    const fx = await makeRotationTeam(database.db, 3);
    const people = fx.engineers.map((e) => e.id);
    const [erik, ana, ben] = people as [string, string, string];
    const planner = await callerAt(database.db, fx.planner.id, at("2026-02-01T12:00"));
    const { id: rotationId } = await planner.rotations.create({
      teamId: fx.team.id,
      ...weeklyDraft(people, { name: "Tickets", role: "ticket", startsOn: "2026-02-02" }),
    });
    const later = await callerAt(database.db, fx.planner.id, now);
    // Ana holds 2-9 March and Ben 9-16 March; offset by one, Erik would hold the second role 9-16 March, the week
    // he covers Ben's ticket duty.
    const { draft, heldTwice } = await proposeAfterCover(fx, rotationId, {
      personId: erik,
      replacesPersonId: ben,
      from: "2026-03-09T09:00",
      to: "2026-03-16T09:00",
    });
    expect(draft.onDutyNow).toBe(erik);
    expect(heldTwice).toEqual([]);

    const { created, schedule } = await createWithSchedule(later, fx.team.id, draft);
    const shiftsOf = (id: string) => schedule.shifts.filter((s) => s.rotationId === id);
    const first = shiftsOf(rotationId);
    expect(first).toContainEqual(expect.objectContaining({ personId: erik, source: "override" }));
    const second = shiftsOf(created.id);
    expect(second.length).toBeGreaterThanOrEqual(7);
    for (const shift of second) {
      const alongside = first.filter((f) => f.startsAt < shift.endsAt && shift.startsAt < f.endsAt);
      expect(alongside.length).toBeGreaterThan(0);
      for (const f of alongside) expect(f.personId).not.toBe(shift.personId);
    }
    expect(second.find((s) => s.startsAt.getTime() === at("2026-03-09T09:00").getTime())?.personId).toBe(ana);
  });

  test("with two people a cover leaves someone on both whatever the offset: the proposal names where", async () => {
    const { fx, erik, ana, rotationId } = await ticketDuty();
    // Erik holds 2-9 and 16-23 March; Ana covers his second week, when she would hold the second role.
    const { draft, heldTwice } = await proposeAfterCover(fx, rotationId, {
      personId: ana,
      replacesPersonId: erik,
      from: "2026-03-16T09:00",
      to: "2026-03-23T09:00",
    });
    expect(draft.onDutyNow).toBe(ana);
    expect(heldTwice).toEqual([
      { personId: ana, name: expect.any(String), startsAt: at("2026-03-16T09:00"), endsAt: at("2026-03-23T09:00") },
    ]);
  });

  test("a shadow rotation or one person alone has no second role to propose", async () => {
    const fx = await makeRotationTeam(database.db, 2);
    const planner = await callerAt(database.db, fx.planner.id, now);
    const [erik, ana] = fx.engineers.map((e) => e.id) as [string, string];
    const shadow = await planner.rotations.create({
      teamId: fx.team.id,
      ...weeklyDraft([erik, ana], { name: "Shadow", role: "shadow", startsOn: "2026-02-02" }),
    });
    const alone = await planner.rotations.create({
      teamId: fx.team.id,
      ...weeklyDraft([erik], { name: "Alone", role: "primary", startsOn: "2026-02-02" }),
    });
    for (const rotationId of [shadow.id, alone.id]) {
      await expect(planner.rotations.proposeSecond({ teamId: fx.team.id, rotationId })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
  });
});
