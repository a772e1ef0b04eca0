import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, rotationOverride } from "@/db/schema";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { at, callerAt, codeOf, failureOf, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";

let database: Database;
let fx: Awaited<ReturnType<typeof makeRotationTeam>>;
let rotationId: string;
let erik: string;
let ana: string;
let ben: string;
let chen: string;
const now = at("2026-03-01T12:00");
// Weekly turns from Monday 2 March, 09:00 Berlin: Erik, Ana, Ben, Chen, then Erik again.
const turn = (index: number) => ({
  startsAt: at(`2026-03-${String(2 + 7 * index).padStart(2, "0")}T09:00`),
  endsAt: at(`2026-03-${String(9 + 7 * index).padStart(2, "0")}T09:00`),
});

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await makeRotationTeam(database.db);
  [erik, ana, ben, chen] = fx.engineers.map((e) => e.id) as [string, string, string, string];
  const planner = await callerAt(database.db, fx.planner.id, now);
  rotationId = (await planner.rotations.create({ teamId: fx.team.id, ...weeklyDraft([erik, ana, ben, chen]) })).id;
});
afterAll(async () => database?.close());

const as = (personId: string) => callerAt(database.db, personId, now);
const ask = (requester: string, counterpartId: string, shift: number, inReturn?: number) =>
  as(requester).then((caller) =>
    caller.rotations.requestSwap({
      teamId: fx.team.id,
      rotationId,
      counterpartId,
      shiftStartsAt: turn(shift).startsAt,
      shiftEndsAt: turn(shift).endsAt,
      ...(inReturn === undefined
        ? {}
        : { returnStartsAt: turn(inReturn).startsAt, returnEndsAt: turn(inReturn).endsAt }),
    }),
  );

async function holders(weeks: number) {
  const caller = await as(erik);
  const schedule = await caller.rotations.schedule({
    teamId: fx.team.id,
    from: turn(0).startsAt,
    to: turn(weeks - 1).endsAt,
  });
  return schedule.shifts.map((s) => s.personId);
}

describe(`swap requests on ${testEngine}`, () => {
  test("Erik trades his week for Ana's; Ana accepts and both covers are created in one go", async () => {
    const swap = await ask(erik, ana, 0, 1);
    expect(swap).toMatchObject({ status: "pending", requesterName: "Erik Lindqvist", counterpartName: "Ana Ruiz" });
    const answer = await (await as(ana)).rotations.respondSwap({
      teamId: fx.team.id,
      swapId: swap.id,
      decision: "accept",
    });
    expect(answer.swap).toMatchObject({ status: "accepted", decidedById: ana });
    expect(await holders(2)).toEqual([ana, erik]);
    const covers = await database.db
      .select()
      .from(rotationOverride)
      .where(and(eq(rotationOverride.rotationId, rotationId), isNull(rotationOverride.deletedAt)));
    expect(covers).toHaveLength(2);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, swap.id));
    expect(audit.map((a) => a.action)).toEqual(["rotation.swap.request", "rotation.swap.accept"]);
  });

  test("engineers may ask only for their own shifts, and only for themselves", async () => {
    expect(await codeOf(ask(erik, ben, 3))).toBe("FORBIDDEN");
    const onBehalf = (await as(erik)).rotations.requestSwap({
      teamId: fx.team.id,
      rotationId,
      counterpartId: chen,
      requesterId: ben,
      shiftStartsAt: turn(2).startsAt,
      shiftEndsAt: turn(2).endsAt,
    });
    expect(await codeOf(onBehalf)).toBe("FORBIDDEN");
    const failure = await failureOf(ask(ben, fx.planner.id, 2));
    expect(failure).toMatchObject({ code: "BAD_REQUEST", field: "counterpartId" });
  });

  test("only the person asked, or a planner or manager, answers; a decided request stays decided", async () => {
    const swap = await ask(ben, chen, 2);
    expect(
      await codeOf((await as(erik)).rotations.respondSwap({ teamId: fx.team.id, swapId: swap.id, decision: "accept" })),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf((await as(ben)).rotations.respondSwap({ teamId: fx.team.id, swapId: swap.id, decision: "accept" })),
    ).toBe("FORBIDDEN");
    const declined = await (await as(chen)).rotations.respondSwap({
      teamId: fx.team.id,
      swapId: swap.id,
      decision: "decline",
    });
    expect(declined.swap.status).toBe("declined");
    const again = await failureOf(
      (await as(fx.planner.id)).rotations.respondSwap({ teamId: fx.team.id, swapId: swap.id, decision: "accept" }),
    );
    expect(again).toMatchObject({ code: "CONFLICT", message: "This swap request was already declined." });
    expect((await holders(3))[2]).toBe(ben);
  });

  test("a planner accepts on someone's behalf; a one-way request creates one cover", async () => {
    const swap = await ask(ben, chen, 2);
    const answer = await (await as(fx.planner.id)).rotations.respondSwap({
      teamId: fx.team.id,
      swapId: swap.id,
      decision: "accept",
    });
    expect(answer.swap).toMatchObject({ status: "accepted", decidedById: fx.planner.id });
    expect((await holders(3))[2]).toBe(chen);
  });

  test("accepting after the schedule changed is a conflict and changes nothing", async () => {
    const swap = await ask(chen, erik, 3);
    const planner = await as(fx.planner.id);
    await planner.rotations.addOverride({ teamId: fx.team.id, rotationId, personId: ana, ...turn(3) });
    const failure = await failureOf(
      (await as(erik)).rotations.respondSwap({ teamId: fx.team.id, swapId: swap.id, decision: "accept" }),
    );
    expect(failure.code).toBe("CONFLICT");
    const listed = await (await as(ben)).rotations.listSwaps({ teamId: fx.team.id });
    expect(listed.find((s) => s.id === swap.id)?.status).toBe("pending");
    const withdrawn = await (await as(chen)).rotations.respondSwap({
      teamId: fx.team.id,
      swapId: swap.id,
      decision: "cancel",
    });
    expect(withdrawn.swap.status).toBe("cancelled");
  });
});
