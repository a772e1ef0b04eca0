import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, handoffNote } from "@/db/schema";
import { at, callerAt, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { refusal } from "@/server/testing/work-log-fixtures";

/**
 * A weekly primary rotation (Berlin, Mondays 09:00 from 2 March 2026): Erik, Ana, Ben, Chen. On Wednesday 18 March
 * Ben holds it; Ana's week ended on Monday; Chen's starts next Monday.
 */
const NOW = at("2026-03-18T12:00");
const SET_UP = at("2026-03-01T12:00");

let database: Database;
let fx: Awaited<ReturnType<typeof makeRotationTeam>>;
let rotationId: string;
let shadowId: string;
let otherRotationId: string;

const person = (index: number) => {
  const found = fx.engineers[index];
  if (!found) throw new Error(`no engineer ${index}`);
  return found;
};
const erik = () => person(0);
const ana = () => person(1);
const ben = () => person(2);
const chen = () => person(3);
const as = (personId: string | null, now = NOW) => callerAt(database.db, personId, now);
const ANA_WEEK = { startsAt: at("2026-03-09T09:00"), endsAt: at("2026-03-16T09:00") };
const BEN_WEEK = { startsAt: at("2026-03-16T09:00"), endsAt: at("2026-03-23T09:00") };
const CHEN_WEEK = { startsAt: at("2026-03-23T09:00"), endsAt: at("2026-03-30T09:00") };

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await makeRotationTeam(database.db);
  const planner = await as(fx.planner.id, SET_UP);
  rotationId = (await planner.rotations.create({ teamId: fx.team.id, ...weeklyDraft(fx.engineers.map((e) => e.id)) }))
    .id;
  shadowId = (
    await planner.rotations.create({
      teamId: fx.team.id,
      ...weeklyDraft([erik().id, ana().id], { name: "Shadow", role: "shadow" }),
    })
  ).id;
  const other = await as(fx.outsider.id, SET_UP);
  otherRotationId = (
    await other.rotations.create({ teamId: fx.otherTeam.id, ...weeklyDraft([fx.outsider.id], { name: "Theirs" }) })
  ).id;
});
afterAll(async () => database?.close());

async function noteCount(): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(handoffNote);
  return row?.n ?? -1;
}

describe(`hand-off notes on ${testEngine}`, () => {
  test("for me: the holder hands off the shift running now, the one whose shift just ended still may; shadows hand nothing off", async () => {
    const benSees = await (await as(ben().id)).handoffs.forMe({ teamId: fx.team.id });
    expect(benSees.outgoing).toEqual([
      {
        rotation: { id: rotationId, name: "Pager primary", role: "primary" },
        shift: { ...BEN_WEEK, onNow: true },
        next: { ...CHEN_WEEK, holder: { id: chen().id, name: "Chen Wei" } },
        note: null,
      },
    ]);
    expect(benSees.incoming).toEqual([
      {
        rotation: { id: rotationId, name: "Pager primary", role: "primary" },
        myShift: { ...BEN_WEEK, onNow: true },
        previous: { ...ANA_WEEK, holder: { id: ana().id, name: "Ana Ruiz" } },
        notes: [],
      },
    ]);
    const anaSees = await (await as(ana().id)).handoffs.forMe({ teamId: fx.team.id });
    expect(anaSees.outgoing).toMatchObject([
      { shift: { ...ANA_WEEK, onNow: false }, next: { holder: { id: ben().id } }, note: null },
    ]);
    // Ana is also in the shadow rotation, which hands nothing off.
    expect(anaSees.incoming).toEqual([]);
    // Three days after her week ended, it no longer "just" ended.
    const later = await (await as(ana().id, at("2026-03-19T09:01"))).handoffs.forMe({ teamId: fx.team.id });
    expect(later.outgoing).toEqual([]);
    expect(await (await as(erik().id)).handoffs.forMe({ teamId: fx.team.id })).toEqual({ incoming: [], outgoing: [] });
  });

  test("a note written by the outgoing holder reaches whoever is on duty next; rewriting it keeps one note", async () => {
    const anaCaller = await as(ana().id);
    const note = await anaCaller.handoffs.save({
      teamId: fx.team.id,
      rotationId,
      shiftStartsAt: ANA_WEEK.startsAt,
      body: "  Kafka lag alerts flap after the nightly batch; ignore until OPS-77 lands.  ",
    });
    expect(note).toMatchObject({
      rotationId,
      rotationName: "Pager primary",
      rotationRole: "primary",
      shiftStartsAt: ANA_WEEK.startsAt,
      shiftEndsAt: ANA_WEEK.endsAt,
      author: { id: ana().id, name: "Ana Ruiz" },
      body: "Kafka lag alerts flap after the nightly batch; ignore until OPS-77 lands.",
      createdAt: NOW,
      canEdit: true,
      removedAt: null,
    });
    const benCaller = await as(ben().id);
    expect(
      (await benCaller.handoffs.forMe({ teamId: fx.team.id })).incoming[0]?.notes.map((n) => [n.id, n.canEdit]),
    ).toEqual([[note.id, false]]);

    const benNote = await benCaller.handoffs.save({
      teamId: fx.team.id,
      rotationId,
      shiftStartsAt: BEN_WEEK.startsAt,
      body: "payments-api 5xx: rollback done, watch it.",
    });
    const rewritten = await benCaller.handoffs.save({
      teamId: fx.team.id,
      rotationId,
      shiftStartsAt: BEN_WEEK.startsAt,
      body: "payments-api 5xx: rollback done, root cause in PR 812.",
    });
    expect(rewritten).toMatchObject({ id: benNote.id, body: "payments-api 5xx: rollback done, root cause in PR 812." });
    const chenSees = await (await as(chen().id)).handoffs.forMe({ teamId: fx.team.id });
    expect(chenSees.incoming).toMatchObject([
      {
        myShift: { ...CHEN_WEEK, onNow: false },
        previous: { holder: { id: ben().id } },
        notes: [{ id: benNote.id, body: "payments-api 5xx: rollback done, root cause in PR 812." }],
      },
    ]);
    expect((await benCaller.handoffs.forMe({ teamId: fx.team.id })).outgoing[0]?.note?.id).toBe(benNote.id);
    const audit = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, benNote.id))
      .orderBy(auditLog.id);
    expect(audit.map((row) => row.action)).toEqual(["handoff-note.create", "handoff-note.update"]);

    // A planner or manager may write for the shift too, as their own note beside the holder's.
    const plannerNote = await (await as(fx.planner.id, at("2026-03-18T12:01"))).handoffs.save({
      teamId: fx.team.id,
      rotationId,
      shiftStartsAt: BEN_WEEK.startsAt,
      body: "Ben covers Friday's release.",
    });
    expect(plannerNote.author.id).toBe(fx.planner.id);
    await (await as(fx.manager.id, at("2026-03-18T12:02"))).handoffs.save({
      teamId: fx.team.id,
      rotationId,
      shiftStartsAt: BEN_WEEK.startsAt,
      body: "Mind the cap: Ben is at 48%.",
    });
    expect((await (await as(chen().id)).handoffs.forMe({ teamId: fx.team.id })).incoming[0]?.notes).toHaveLength(3);
    const listed = await (await as(erik().id)).handoffs.list({ teamId: fx.team.id, rotationId });
    expect(listed.map((n) => n.author.id)).toEqual([fx.manager.id, fx.planner.id, ben().id, ana().id]);
  });

  test("who may not write: someone else's shift FORBIDDEN, another team FORBIDDEN, signed out UNAUTHORIZED; nothing saved", async () => {
    const before = await noteCount();
    const input = { teamId: fx.team.id, rotationId, shiftStartsAt: BEN_WEEK.startsAt, body: "Not mine to write." };
    expect(await refusal((await as(erik().id)).handoffs.save(input))).toMatchObject({
      code: "FORBIDDEN",
      fields: ["shiftStartsAt"],
    });
    expect(await refusal((await as(chen().id)).handoffs.save(input))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal((await as(fx.outsider.id)).handoffs.save(input))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal((await as(null)).handoffs.save(input))).toMatchObject({ code: "UNAUTHORIZED" });
    for (const call of ["forMe", "list"] as const) {
      const outsider = await as(fx.outsider.id);
      const anonymous = await as(null);
      const run = (caller: typeof outsider) =>
        call === "forMe"
          ? caller.handoffs.forMe({ teamId: fx.team.id })
          : caller.handoffs.list({ teamId: fx.team.id, rotationId });
      expect((await refusal(run(outsider))).code, call).toBe("FORBIDDEN");
      expect((await refusal(run(anonymous))).code, call).toBe("UNAUTHORIZED");
    }
    expect(await noteCount()).toBe(before);
  });

  test("bad input is refused at its field and saves nothing", async () => {
    const before = await noteCount();
    const benCaller = await as(ben().id);
    const valid = { teamId: fx.team.id, rotationId, shiftStartsAt: BEN_WEEK.startsAt, body: "ok" };
    const cases: Array<[unknown, string, string]> = [
      [{ ...valid, body: "   " }, "BAD_REQUEST", "body"],
      [{ ...valid, body: "x".repeat(4001) }, "BAD_REQUEST", "body"],
      [{ ...valid, shiftStartsAt: "monday" }, "BAD_REQUEST", "shiftStartsAt"],
      // Not a shift being handed off: long ago, the next one, a time inside the shift.
      [{ ...valid, shiftStartsAt: at("2026-03-02T09:00") }, "BAD_REQUEST", "shiftStartsAt"],
      [{ ...valid, shiftStartsAt: CHEN_WEEK.startsAt }, "BAD_REQUEST", "shiftStartsAt"],
      [{ ...valid, shiftStartsAt: at("2026-03-16T10:00") }, "BAD_REQUEST", "shiftStartsAt"],
      [{ ...valid, rotationId: shadowId }, "NOT_FOUND", "rotationId"],
      [{ ...valid, rotationId: otherRotationId }, "NOT_FOUND", "rotationId"],
      [{ ...valid, rotationId: "pager" }, "BAD_REQUEST", "rotationId"],
      [{ ...valid, authorId: erik().id }, "BAD_REQUEST", ""],
    ];
    for (const [input, code, field] of cases) {
      expect(await refusal(benCaller.handoffs.save(input as never)), field).toMatchObject({ code, fields: [field] });
    }
    expect(await refusal(benCaller.handoffs.list({ teamId: fx.team.id, rotationId: otherRotationId }))).toMatchObject({
      code: "NOT_FOUND",
      fields: ["rotationId"],
    });
    expect(await refusal(benCaller.handoffs.list({ teamId: fx.team.id, rotationId, limit: 500 }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["limit"],
    });
    expect(await noteCount()).toBe(before);
  });

  test("removing is soft with undo; only the author or a planner or manager may; undo is refused once a newer note exists", async () => {
    const [note] = await database.db.select().from(handoffNote).where(eq(handoffNote.authorId, ben().id));
    if (!note) throw new Error("no note of Ben's");
    const input = { teamId: fx.team.id, noteId: note.id };
    expect(await refusal((await as(erik().id)).handoffs.remove(input))).toMatchObject({
      code: "FORBIDDEN",
      fields: ["noteId"],
    });
    expect(await refusal((await as(fx.outsider.id)).handoffs.remove(input))).toMatchObject({ code: "FORBIDDEN" });
    expect(
      await refusal((await as(ben().id)).handoffs.remove({ ...input, noteId: crypto.randomUUID() })),
    ).toMatchObject({ code: "NOT_FOUND", fields: ["noteId"] });
    const benCaller = await as(ben().id);
    expect(await benCaller.handoffs.remove(input)).toMatchObject({ id: note.id, removedAt: NOW });
    expect(await refusal(benCaller.handoffs.remove(input))).toMatchObject({ code: "NOT_FOUND" });
    const chenCaller = await as(chen().id);
    const notesForChen = async () =>
      (await chenCaller.handoffs.forMe({ teamId: fx.team.id })).incoming[0]?.notes.map((n) => n.id) ?? [];
    expect(await notesForChen()).not.toContain(note.id);
    expect(await benCaller.handoffs.restore(input)).toMatchObject({ id: note.id, removedAt: null });
    expect(await benCaller.handoffs.restore(input)).toMatchObject({ id: note.id, removedAt: null });
    expect(await notesForChen()).toContain(note.id);

    // A manager may remove it too; after Ben writes a new note, the old one cannot come back beside it.
    await (await as(fx.manager.id)).handoffs.remove(input);
    const fresh = await benCaller.handoffs.save({
      teamId: fx.team.id,
      rotationId,
      shiftStartsAt: BEN_WEEK.startsAt,
      body: "Fresh note.",
    });
    expect(fresh.id).not.toBe(note.id);
    expect(await refusal(benCaller.handoffs.restore(input))).toMatchObject({ code: "CONFLICT", fields: ["noteId"] });
    const audit = await database.db
      .select({ action: auditLog.action, actor: auditLog.actorPersonId })
      .from(auditLog)
      .where(eq(auditLog.entityId, note.id))
      .orderBy(auditLog.id);
    expect(audit.map((row) => row.action)).toEqual([
      "handoff-note.create",
      "handoff-note.update",
      "handoff-note.remove",
      "handoff-note.restore",
      "handoff-note.remove",
    ]);
    expect(audit.at(-1)?.actor).toBe(fx.manager.id);
  });

  test("the weekly review lists the notes of shifts overlapping its week", async () => {
    const review = await (await as(fx.manager.id)).review.week({ teamId: fx.team.id });
    expect(review.handoffs.map((n) => n.author.name).sort()).toEqual([
      "Ana Ruiz",
      "Ben Okafor",
      "Mona Manager",
      "Priya Planner",
    ]);
    const before = await (await as(fx.manager.id)).review.week({ teamId: fx.team.id, to: at("2026-03-09T00:00") });
    expect(before.handoffs).toEqual([]);
  });

  test("ticket duty in working hours: in the evening the day's holder still hands off, and the next day's holder reads it", async () => {
    const desk = await makeRotationTeam(database.db, 2);
    const [first, second] = desk.engineers;
    if (!first || !second) throw new Error("no engineers");
    const planner = await as(desk.planner.id, SET_UP);
    const hours = {
      workingHoursOnly: true,
      workingDays: [1, 2, 3, 4, 5],
      workingStartMinute: 9 * 60,
      workingEndMinute: 17 * 60,
    };
    const ticket = await planner.rotations.create({
      teamId: desk.team.id,
      ...weeklyDraft([first.id, second.id], { name: "Ticket duty", role: "ticket", shiftUnit: "days", ...hours }),
    });
    const evening = at("2026-03-18T20:00");
    const wednesday = { startsAt: at("2026-03-18T09:00"), endsAt: at("2026-03-18T17:00") };
    const thursday = { startsAt: at("2026-03-19T09:00"), endsAt: at("2026-03-19T17:00") };
    const outgoing = await (await as(first.id, evening)).handoffs.forMe({ teamId: desk.team.id });
    expect(outgoing.outgoing).toMatchObject([
      {
        rotation: { id: ticket.id, role: "ticket" },
        shift: { ...wednesday, onNow: false },
        next: { ...thursday, holder: { id: second.id } },
      },
    ]);
    const note = await (await as(first.id, evening)).handoffs.save({
      teamId: desk.team.id,
      rotationId: ticket.id,
      shiftStartsAt: wednesday.startsAt,
      body: "Three access tickets left for finance.",
    });
    const incoming = await (await as(second.id, at("2026-03-19T08:30"))).handoffs.forMe({ teamId: desk.team.id });
    expect(incoming.incoming).toMatchObject([
      {
        myShift: { ...thursday, onNow: false },
        previous: { ...wednesday, holder: { id: first.id } },
        notes: [{ id: note.id }],
      },
    ]);
  });
});
