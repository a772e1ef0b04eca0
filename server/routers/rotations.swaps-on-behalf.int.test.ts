import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog } from "@/db/schema";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { at, callerAt, codeOf, failureOf, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";

let database: Database;
let fx: Awaited<ReturnType<typeof makeRotationTeam>>;
let rotationId: string;
let priya: string;
let erik: string;
let ana: string;
const now = at("2026-03-01T12:00");
// Weekly turns from Monday 2 March, 09:00 Berlin (the clocks go forward on 29 March): Priya, Erik, Ana, Priya…
const turn = (index: number) => ({
  startsAt: at(`2026-03-${String(2 + 7 * index).padStart(2, "0")}T09:00`),
  endsAt: at(`2026-03-${String(9 + 7 * index).padStart(2, "0")}T09:00`),
});

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await makeRotationTeam(database.db);
  priya = fx.planner.id;
  [erik, ana] = fx.engineers.map((e) => e.id) as [string, string];
  const planner = await callerAt(database.db, priya, now);
  rotationId = (await planner.rotations.create({ teamId: fx.team.id, ...weeklyDraft([priya, erik, ana]) })).id;
});
afterAll(async () => database?.close());

const as = (personId: string) => callerAt(database.db, personId, now);
const swapOf = (counterpartId: string, shift: number, requesterId?: string) => ({
  teamId: fx.team.id,
  rotationId,
  counterpartId,
  shiftStartsAt: turn(shift).startsAt,
  shiftEndsAt: turn(shift).endsAt,
  ...(requesterId ? { requesterId } : {}),
});

async function holderOf(week: number) {
  const schedule = await (await as(erik)).rotations.schedule({
    teamId: fx.team.id,
    from: turn(week).startsAt,
    to: turn(week).endsAt,
  });
  return schedule.shifts.map((s) => s.personId);
}

describe(`swaps asked by planners and managers on ${testEngine}`, () => {
  test("a planner asks for a swap of her own shift, like anyone else; the person asked accepts", async () => {
    const swap = await (await as(priya)).rotations.requestSwap(swapOf(erik, 0));
    expect(swap).toMatchObject({
      status: "pending",
      requesterName: "Priya Planner",
      counterpartName: "Erik Lindqvist",
    });
    // Until Erik answers, the schedule stays as it is.
    expect(await holderOf(0)).toEqual([priya]);
    await (await as(erik)).rotations.respondSwap({ teamId: fx.team.id, swapId: swap.id, decision: "accept" });
    expect(await holderOf(0)).toEqual([erik]);
  });

  test("a manager asks on Erik's behalf: the request is Erik's, the audit names the manager, and Ana still answers", async () => {
    const swap = await (await as(fx.manager.id)).rotations.requestSwap(swapOf(ana, 1, erik));
    expect(swap).toMatchObject({ status: "pending", requesterName: "Erik Lindqvist", counterpartName: "Ana Ruiz" });
    const [asked] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, swap.id));
    expect(asked).toMatchObject({ action: "rotation.swap.request", actorPersonId: fx.manager.id });
    expect(await holderOf(1)).toEqual([erik]);
    const listed = await (await as(ana)).rotations.listSwaps({ teamId: fx.team.id });
    expect(listed.find((s) => s.id === swap.id)).toMatchObject({ status: "pending", counterpartId: ana });
    const answer = await (await as(ana)).rotations.respondSwap({
      teamId: fx.team.id,
      swapId: swap.id,
      decision: "accept",
    });
    expect(answer.swap).toMatchObject({ status: "accepted", decidedById: ana });
    expect(await holderOf(1)).toEqual([ana]);
  });

  test("a planner asks on someone's behalf only for a shift that person holds, in this team", async () => {
    const planner = await as(priya);
    expect(await failureOf(planner.rotations.requestSwap(swapOf(priya, 2, erik)))).toMatchObject({
      code: "BAD_REQUEST",
      field: "shiftStartsAt",
    });
    expect(await failureOf(planner.rotations.requestSwap(swapOf(priya, 2, fx.outsider.id)))).toMatchObject({
      code: "BAD_REQUEST",
      field: "requesterId",
    });
    // An engineer may not ask for anyone else, even for a shift that person holds.
    expect(await codeOf((await as(erik)).rotations.requestSwap(swapOf(priya, 2, ana)))).toBe("FORBIDDEN");
    // Nor may a planner of another team.
    expect(await codeOf((await as(fx.outsider.id)).rotations.requestSwap(swapOf(priya, 2, ana)))).toBe("FORBIDDEN");
  });

  test("the person a request was made for may withdraw it", async () => {
    const swap = await (await as(priya)).rotations.requestSwap(swapOf(erik, 2, ana));
    const withdrawn = await (await as(ana)).rotations.respondSwap({
      teamId: fx.team.id,
      swapId: swap.id,
      decision: "cancel",
    });
    expect(withdrawn.swap.status).toBe("cancelled");
    expect(await holderOf(2)).toEqual([ana]);
  });
});

describe(`nobody answers a swap in place of the person asked on ${testEngine}`, () => {
  test("a manager who asked on Ana's behalf may not accept or decline for Erik, nor may Ana; Erik can", async () => {
    const swap = await (await as(fx.manager.id)).rotations.requestSwap(swapOf(erik, 2, ana));
    for (const decision of ["accept", "decline"] as const) {
      for (const asking of [fx.manager.id, ana]) {
        const answer = (await as(asking)).rotations.respondSwap({ teamId: fx.team.id, swapId: swap.id, decision });
        expect(await failureOf(answer)).toMatchObject({ code: "FORBIDDEN", field: "swapId" });
      }
    }
    expect(await holderOf(2)).toEqual([ana]);
    const answer = await (await as(erik)).rotations.respondSwap({
      teamId: fx.team.id,
      swapId: swap.id,
      decision: "accept",
    });
    expect(answer.swap).toMatchObject({ status: "accepted", decidedById: erik });
    expect(await holderOf(2)).toEqual([erik]);
  });

  test("a planner who asks for her own shift cannot accept it for the person asked; another manager can", async () => {
    const swap = await (await as(priya)).rotations.requestSwap(swapOf(erik, 3));
    const own = (await as(priya)).rotations.respondSwap({ teamId: fx.team.id, swapId: swap.id, decision: "accept" });
    expect(await codeOf(own)).toBe("FORBIDDEN");
    const answer = await (await as(fx.manager.id)).rotations.respondSwap({
      teamId: fx.team.id,
      swapId: swap.id,
      decision: "decline",
    });
    expect(answer.swap).toMatchObject({ status: "declined", decidedById: fx.manager.id });
  });
});
