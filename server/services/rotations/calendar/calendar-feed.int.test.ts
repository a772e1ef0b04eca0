import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import ical, { type VEvent } from "node-ical";
import type { Database } from "@/db/client";
import { auditLog, personCalendarFeed, teamMember } from "@/db/schema";
import { GET } from "@/app/api/calendar/[token]/route";
import { useDatabase } from "@/server/db/runtime";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { icsProblems } from "@/server/testing/ics-conformance";
import { at, callerAt, hours, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";
import { refusal } from "@/server/testing/work-log-fixtures";
import { calendarFeed } from "./calendar-feed";

let database: Database;
let fx: Awaited<ReturnType<typeof makeRotationTeam>>;
let rotationId: string;
let erik: string;
const created = at("2026-03-01T12:00");

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  fx = await makeRotationTeam(database.db, 3);
  erik = fx.engineers[0]?.id ?? "";
  const planner = await callerAt(database.db, fx.planner.id, created);
  rotationId = (await planner.rotations.create({ teamId: fx.team.id, ...weeklyDraft(fx.engineers.map((e) => e.id)) }))
    .id;
});
afterAll(async () => database?.close());

/** Erik's rotation feed and his personal feed, each given a new address. */
async function links(now: Date) {
  const erikCaller = await callerAt(database.db, erik, now);
  const rotation = await erikCaller.rotations.resetCalendarLink({ teamId: fx.team.id, rotationId });
  const personal = await erikCaller.rotations.resetCalendarLink({ teamId: fx.team.id });
  return { rotations: [rotation], personal };
}

const tokenOf = (path: string) => path.split("/").at(-1) ?? "";

const lengthOf = (event: VEvent) => (event.end ? hours(event.start, event.end) : Number.NaN);

function eventsIn(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text))
    .filter((component): component is VEvent => component?.type === "VEVENT")
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

describe(`calendar feeds on ${testEngine}`, () => {
  test("a rotation's feed parses with an independent parser: one event per shift, wall-clock hand-offs, DST weeks", async () => {
    const now = at("2026-03-10T12:00");
    const { rotations } = await links(now);
    const feed = await calendarFeed(database.db, tokenOf(rotations[0]?.path ?? ""), now);
    const events = eventsIn(feed?.ics ?? "");
    // From the first hand-off on 2 March to the last turn starting within 26 weeks of now (7 September).
    expect(events).toHaveLength(28);
    expect(events[0]).toMatchObject({
      summary: "Primary on-call — Erik Lindqvist",
      start: at("2026-03-02T09:00"),
      end: at("2026-03-09T09:00"),
    });
    expect(events[1]?.summary).toBe("Primary on-call — Ana Ruiz");
    expect(events.map(lengthOf)).toEqual(
      events.map((e) => (e.start.getTime() === at("2026-03-23T09:00").getTime() ? 167 : 168)),
    );
    expect(events.every((e) => e.start.tz === "Europe/Berlin")).toBe(true);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    expect(feed?.ics).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin/);
    expect(icsProblems(feed?.ics ?? "")).toEqual([]);
  });

  test("UIDs are stable across refreshes of one address", async () => {
    const now = at("2026-03-10T12:00");
    const first = await links(now);
    const token = tokenOf(first.rotations[0]?.path ?? "");
    const uids = async (when: Date) =>
      eventsIn((await calendarFeed(database.db, token, when))?.ics ?? "").map((e) => e.uid);
    const earlier = await uids(now);
    const later = await uids(at("2026-03-20T12:00"));
    expect(later.filter((uid) => earlier.includes(uid)).length).toBeGreaterThan(25);
  });

  test("the personal feed holds only the caller's shifts, including an autumn week of 169 hours", async () => {
    const now = at("2026-10-01T12:00");
    const { personal } = await links(now);
    const events = eventsIn((await calendarFeed(database.db, tokenOf(personal.path), now))?.ics ?? "");
    expect(events.length).toBeGreaterThan(5);
    expect(events.every((e) => e.summary === "Primary on-call — Erik Lindqvist")).toBe(true);
    const autumn = events.find((e) => e.start.getTime() === at("2026-10-19T09:00").getTime());
    expect(autumn && lengthOf(autumn)).toBe(169);
  });

  test("the route serves text/calendar for a known token and 404 for any other", async () => {
    const { rotations } = await links(new Date());
    const path = rotations[0]?.path ?? "";
    const ok = await GET(new Request(`http://localhost${path}`), {
      params: Promise.resolve({ token: `${tokenOf(path)}.ics` }),
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(eventsIn(await ok.text()).length).toBeGreaterThan(0);
    const unknown = await GET(new Request("http://localhost/api/calendar/x"), {
      params: Promise.resolve({ token: "A".repeat(43) }),
    });
    expect(unknown.status).toBe(404);
    const junk = await GET(new Request("http://localhost/api/calendar/x"), {
      params: Promise.resolve({ token: "../../etc" }),
    });
    expect(junk.status).toBe(404);
  });

  test("resetting a link stops the old address at once; the other member's address of the same rotation keeps working", async () => {
    const now = at("2026-03-10T12:00");
    const erikCaller = await callerAt(database.db, erik, now);
    const ana = await callerAt(database.db, fx.engineers[1]?.id ?? "", now);
    const old = tokenOf((await erikCaller.rotations.resetCalendarLink({ teamId: fx.team.id, rotationId })).path);
    const anas = tokenOf((await ana.rotations.resetCalendarLink({ teamId: fx.team.id, rotationId })).path);
    const oldPersonal = tokenOf((await erikCaller.rotations.resetCalendarLink({ teamId: fx.team.id })).path);
    expect(await calendarFeed(database.db, old, now)).not.toBeNull();

    const fresh = await erikCaller.rotations.resetCalendarLink({ teamId: fx.team.id, rotationId });
    const freshPersonal = await erikCaller.rotations.resetCalendarLink({ teamId: fx.team.id });
    expect(fresh.replaced).toBe(true);
    const route = (token: string) =>
      GET(new Request(`http://localhost/api/calendar/${token}`), {
        params: Promise.resolve({ token: `${token}.ics` }),
      });
    expect((await route(old)).status).toBe(404);
    expect((await route(oldPersonal)).status).toBe(404);
    expect((await route(tokenOf(fresh.path))).status).toBe(200);
    expect((await route(tokenOf(freshPersonal.path))).status).toBe(200);
    expect((await route(anas)).status).toBe(200);

    // The list says a feed exists and when it was reset, never its address.
    const feeds = await erikCaller.rotations.calendarFeeds({ teamId: fx.team.id });
    expect(feeds.personal).toMatchObject({ resetAt: now });
    expect(feeds.rotations.find((r) => r.rotationId === rotationId)?.feed).toMatchObject({ resetAt: now });
    expect(JSON.stringify(feeds)).not.toContain(tokenOf(fresh.path));
    expect(JSON.stringify(feeds)).not.toContain("/api/calendar/");
    const [resets] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, "calendar-feed.reset"), eq(auditLog.actorPersonId, erik)));
    expect(resets?.n).toBeGreaterThanOrEqual(2);
  });

  test("a rotation feed stops when its holder leaves the team or is deactivated; another team's member cannot make one", async () => {
    const now = at("2026-03-10T12:00");
    const [, , ben] = fx.engineers;
    const chen = fx.manager;
    if (!ben) throw new Error("fixture has three engineers");
    const bens = tokenOf(
      (await (await callerAt(database.db, ben.id, now)).rotations.resetCalendarLink({ teamId: fx.team.id, rotationId }))
        .path,
    );
    const chens = tokenOf(
      (
        await (
          await callerAt(database.db, chen.id, now)
        ).rotations.resetCalendarLink({ teamId: fx.team.id, rotationId })
      ).path,
    );
    const chensPersonal = tokenOf(
      (await (await callerAt(database.db, chen.id, now)).rotations.resetCalendarLink({ teamId: fx.team.id })).path,
    );
    await database.db
      .update(teamMember)
      .set({ removedFrom: now })
      .where(and(eq(teamMember.personId, ben.id), eq(teamMember.teamId, fx.team.id)));
    expect(await calendarFeed(database.db, bens, now)).toBeNull();
    await (await callerAt(database.db, fx.admin.id, now)).access.deactivate({ personId: chen.id });
    expect(await calendarFeed(database.db, chens, now)).toBeNull();
    expect(await calendarFeed(database.db, chensPersonal, now)).toBeNull();
    const outsider = await callerAt(database.db, fx.outsider.id, now);
    expect(await refusal(outsider.rotations.resetCalendarLink({ teamId: fx.team.id, rotationId }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await refusal(outsider.rotations.resetCalendarLink({ teamId: fx.otherTeam.id, rotationId }))).toMatchObject({
      code: "NOT_FOUND",
      fields: ["rotationId"],
    });
  });

  test("an address from before feeds were random (a stored hash) keeps working until its first reset", async () => {
    const now = at("2026-03-10T12:00");
    const dana = fx.admin;
    const derived = "D".repeat(43);
    await database.db.delete(personCalendarFeed).where(eq(personCalendarFeed.personId, dana.id));
    await database.db
      .insert(personCalendarFeed)
      .values({ personId: dana.id, tokenHash: createHash("sha256").update(derived).digest("hex") });
    expect(await calendarFeed(database.db, derived, now)).not.toBeNull();
    await (await callerAt(database.db, dana.id, now)).rotations.resetCalendarLink({ teamId: fx.team.id });
    expect(await calendarFeed(database.db, derived, now)).toBeNull();
  });

  test("a removed rotation's feed is gone", async () => {
    const now = at("2026-03-10T12:00");
    const token = tokenOf((await links(now)).rotations[0]?.path ?? "");
    await (await callerAt(database.db, fx.planner.id, now)).rotations.remove({ teamId: fx.team.id, rotationId });
    expect(await calendarFeed(database.db, token, now)).toBeNull();
  });
});
