import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { alertSilence, auditLog, interrupt } from "@/db/schema";
import { callerAs } from "@/server/testing/fixtures";
import { logEntry, makeReportTeam, type ReportTeamFixture } from "@/server/testing/report-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { local, refusal } from "@/server/testing/work-log-fixtures";

const at = (isoLocal: string) => local(isoLocal, "Europe/Berlin");
/** Friday noon: the review's default week is from the Friday before, at noon. */
const NOW = at("2026-03-20T12:00");

let database: Database;
let fx: ReportTeamFixture;
let ids: Record<
  "incident" | "incidentTail" | "disk1" | "disk2" | "disk3" | "ticket" | "lastWeek" | "otherTeam",
  string
>;

type Page = Partial<typeof interrupt.$inferInsert> & { openedAt: Date };

async function addPage(page: Page): Promise<string> {
  const [row] = await database.db
    .insert(interrupt)
    .values({
      teamId: fx.team.id,
      kind: "page",
      summary: `${page.alertName ?? "page"} at ${page.openedAt.toISOString()}`,
      severity: "high",
      ...page,
    })
    .returning({ id: interrupt.id });
  if (!row) throw new Error("no page");
  return row.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  fx = await makeReportTeam(db);
  // An incident of two pages that crossed a hand-off: Erika got the first, Jonas the second.
  const incident = await addPage({
    alertName: "HighErrorRate",
    service: "payments-api",
    severity: "critical",
    isIncident: true,
    openedAt: at("2026-03-16T14:02"),
    resolvedAt: at("2026-03-16T15:10"),
    assigneeId: fx.erika.id,
  });
  await database.db.update(interrupt).set({ incidentId: incident }).where(eq(interrupt.id, incident));
  const incidentTail = await addPage({
    alertName: "HighErrorRate",
    service: "checkout",
    incidentId: incident,
    openedAt: at("2026-03-16T14:05"),
    resolvedAt: at("2026-03-16T14:50"),
    assigneeId: fx.jonas.id,
  });
  const disk1 = await addPage({
    alertName: "DiskWillFillIn4Hours",
    severity: "medium",
    openedAt: at("2026-03-14T03:10"),
    assigneeId: fx.erika.id,
  });
  const disk2 = await addPage({
    alertName: "DiskWillFillIn4Hours",
    severity: "medium",
    openedAt: at("2026-03-17T09:30"),
    assigneeId: fx.jonas.id,
  });
  const disk3 = await addPage({
    alertName: "DiskWillFillIn4Hours",
    severity: "medium",
    openedAt: at("2026-03-19T22:45"),
    assigneeId: fx.erika.id,
    actionable: false,
  });
  const ticket = await addPage({
    kind: "ticket",
    alertName: null,
    summary: "Grant bucket access to analytics",
    severity: "low",
    openedAt: at("2026-03-18T10:00"),
    assigneeId: fx.jonas.id,
  });
  const lastWeek = await addPage({
    alertName: "DiskWillFillIn4Hours",
    openedAt: at("2026-03-12T10:00"),
    assigneeId: fx.erika.id,
  });
  await addPage({
    alertName: "DiskWillFillIn4Hours",
    openedAt: at("2026-03-15T10:00"),
    assigneeId: fx.erika.id,
    deletedAt: at("2026-03-15T11:00"),
  });
  const otherTeam = await addPage({
    teamId: fx.otherTeam.id,
    alertName: "AirflowDagFailed",
    openedAt: at("2026-03-17T10:00"),
    assigneeId: fx.outsider.id,
  });
  ids = { incident, incidentTail, disk1, disk2, disk3, ticket, lastWeek, otherTeam };
  await logEntry(db, {
    person: fx.erika,
    teamId: fx.team.id,
    startsAt: at("2026-03-16T14:05"),
    minutes: 30,
    interruptId: incident,
  });
  await logEntry(db, {
    person: fx.jonas,
    teamId: fx.team.id,
    startsAt: at("2026-03-16T14:10"),
    minutes: 20,
    interruptId: incidentTail,
  });
  await logEntry(db, {
    person: fx.jonas,
    teamId: fx.team.id,
    startsAt: at("2026-03-16T16:00"),
    minutes: 45,
    interruptId: incidentTail,
    deletedAt: at("2026-03-16T17:00"),
  });
});
afterAll(async () => database?.close());

const as = (personId: string | null) => callerAs(database.db, personId, () => NOW);
const week = async (personId: string, to?: Date) => (await as(personId)).review.week({ teamId: fx.team.id, to });

async function reviewState(interruptIds: string[]) {
  return database.db
    .select({
      id: interrupt.id,
      actionable: interrupt.actionable,
      cause: interrupt.cause,
      fixUrl: interrupt.fixUrl,
      reviewedById: interrupt.reviewedById,
      reviewedAt: interrupt.reviewedAt,
    })
    .from(interrupt)
    .where(inArray(interrupt.id, interruptIds))
    .orderBy(interrupt.openedAt);
}

async function auditCount(): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  return row?.n ?? -1;
}

describe(`the weekly review on ${testEngine}`, () => {
  test("the last 7 days: an incident's pages as one item, tickets on their own, time logged by anyone, earliest first", async () => {
    const review = await week(fx.manager.id);
    expect(review.period).toEqual({ from: at("2026-03-13T12:00"), to: NOW, timeZone: "Europe/Berlin", endsNow: true });
    expect(review.items.map((item) => [item.id, item.kind, item.pages.length])).toEqual([
      [ids.disk1, "page", 1],
      [ids.incident, "page", 2],
      [ids.disk2, "page", 1],
      [ids.ticket, "ticket", 0],
      [ids.disk3, "page", 1],
    ]);
    const incident = review.items[1];
    expect(incident).toMatchObject({
      isIncident: true,
      alertName: "HighErrorRate",
      severity: "critical",
      resolvedAt: at("2026-03-16T15:10"),
      loggedMinutes: 50,
      assignees: [
        { id: fx.erika.id, name: "Erika Berg" },
        { id: fx.jonas.id, name: "Jonas Hahn" },
      ],
      hiddenAssignees: 0,
      actionable: null,
      canReview: true,
    });
    expect(review.summary).toMatchObject({
      progress: { items: 5, reviewed: 1, unreviewed: 4, actionable: 0, notActionable: 1, actionableShare: 0 },
      pages: 5,
      incidents: 1,
      tickets: 1,
      requests: 0,
      ratio: { pages: 5, incidents: 1, ratio: 5, reading: "very-noisy" },
      loggedMinutes: 50,
    });
    expect(
      review.noisiestAlerts.map((a) => [
        a.alertName,
        a.pages,
        a.actionable,
        a.notActionable,
        a.unreviewed,
        a.silence,
        a.canSilence,
      ]),
    ).toEqual([
      ["DiskWillFillIn4Hours", 3, 0, 1, 2, null, true],
      ["HighErrorRate", 2, 0, 0, 2, null, true],
    ]);
  });

  test("previous weeks by their end; an end in the future is now", async () => {
    const previous = await week(fx.manager.id, at("2026-03-13T12:00"));
    expect(previous.period).toMatchObject({ from: at("2026-03-06T12:00"), to: at("2026-03-13T12:00"), endsNow: false });
    expect(previous.items.map((item) => item.id)).toEqual([ids.lastWeek]);
    const future = await week(fx.manager.id, at("2026-04-01T00:00"));
    expect(future.period).toMatchObject({ to: NOW, endsNow: true });
  });

  test("the week follows the viewer's wall clock across a daylight-saving change (167 hours)", async () => {
    const later = await callerAs(database.db, fx.manager.id, () => at("2026-04-02T12:00"));
    const review = await later.review.week({ teamId: fx.team.id, to: at("2026-03-31T12:00") });
    expect(review.period.from).toEqual(at("2026-03-24T12:00"));
    expect((review.period.to.getTime() - review.period.from.getTime()) / 3_600_000).toBe(167);
  });

  test("an engineer sees every item, names only their own, and may review only what they got", async () => {
    const review = await week(fx.erika.id);
    const byId = new Map(review.items.map((item) => [item.id, item]));
    expect(byId.get(ids.incident)).toMatchObject({
      assignees: [{ id: fx.erika.id }],
      hiddenAssignees: 1,
      canReview: true,
    });
    expect(byId.get(ids.disk2)).toMatchObject({ assignees: [], hiddenAssignees: 1, canReview: false });
    expect(byId.get(ids.ticket)?.canReview).toBe(false);
    expect(review.reviewsEverything).toBe(false);
    const dana = await week(fx.dana.id);
    expect(dana.noisiestAlerts.every((alert) => !alert.canSilence)).toBe(true);
    // A planner reviews everything, so sees who got each item, as a manager does.
    const priya = await week(fx.priya.id);
    expect(priya.items.every((item) => item.canReview)).toBe(true);
    expect(new Map(priya.items.map((item) => [item.id, item])).get(ids.incident)).toMatchObject({
      assignees: [{ id: fx.erika.id }, { id: fx.jonas.id }],
      hiddenAssignees: 0,
    });
  });

  test("reviewing a page reviews its whole incident: who and when, one audit row per page, and the summary follows", async () => {
    const jonas = await as(fx.jonas.id);
    // Jonas got the incident's second page, so he may review the incident.
    const saved = await jonas.review.save({
      teamId: fx.team.id,
      interruptId: ids.incidentTail,
      actionable: true,
      cause: "deploy",
      fixUrl: "https://git.example.test/payments/pull/812",
    });
    expect(saved).toEqual({
      interruptIds: [ids.incident, ids.incidentTail],
      actionable: true,
      cause: "deploy",
      fixUrl: "https://git.example.test/payments/pull/812",
      reviewedAt: NOW,
    });
    const stored = await reviewState([ids.incident, ids.incidentTail]);
    expect(stored.map(({ id: _id, ...review }) => review)).toEqual(
      Array(2).fill({
        actionable: true,
        cause: "deploy",
        fixUrl: "https://git.example.test/payments/pull/812",
        reviewedById: fx.jonas.id,
        reviewedAt: NOW,
      }),
    );
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, "interrupt.review"), inArray(auditLog.entityId, [ids.incident, ids.incidentTail])),
      );
    expect(audit.map((row) => [row.entityId, row.actorPersonId, row.teamId])).toEqual([
      [ids.incident, fx.jonas.id, fx.team.id],
      [ids.incidentTail, fx.jonas.id, fx.team.id],
    ]);
    const review = await week(fx.manager.id);
    expect(review.items[1]).toMatchObject({
      actionable: true,
      cause: "deploy",
      reviewedBy: { id: fx.jonas.id, name: "Jonas Hahn" },
      reviewedAt: NOW,
    });
    expect(review.summary.progress).toMatchObject({
      reviewed: 2,
      unreviewed: 3,
      actionable: 1,
      notActionable: 1,
      actionableShare: 0.5,
    });
    expect(review.summary.causes).toEqual([{ cause: "deploy", items: 1 }]);
    expect(review.noisiestAlerts.find((a) => a.alertName === "HighErrorRate")).toMatchObject({
      actionable: 2,
      unreviewed: 0,
    });
  });

  test("a manager, a planner and an admin review anything of the team; a second review replaces the first", async () => {
    for (const [personId, actionable] of [
      [fx.manager.id, false],
      [fx.priya.id, true],
      [fx.admin.id, false],
    ] as const) {
      const caller = await as(personId);
      await caller.review.save({
        teamId: fx.team.id,
        interruptId: ids.ticket,
        actionable,
        cause: actionable ? "user-request" : null,
        fixUrl: null,
      });
      expect(await reviewState([ids.ticket])).toEqual([
        {
          id: ids.ticket,
          actionable,
          cause: actionable ? "user-request" : null,
          fixUrl: null,
          reviewedById: personId,
          reviewedAt: NOW,
        },
      ]);
    }
  });

  test("who may not review: another engineer's page FORBIDDEN, another team FORBIDDEN, signed out UNAUTHORIZED, and nothing changes", async () => {
    const before = await reviewState([ids.disk1, ids.otherTeam]);
    const audits = await auditCount();
    const input = { teamId: fx.team.id, interruptId: ids.disk1, actionable: true };
    expect(await refusal((await as(fx.jonas.id)).review.save(input))).toMatchObject({
      code: "FORBIDDEN",
      fields: ["interruptId"],
    });
    expect(await refusal((await as(fx.dana.id)).review.save(input))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal((await as(fx.outsider.id)).review.save(input))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal((await as(null)).review.save(input))).toMatchObject({ code: "UNAUTHORIZED" });
    expect(await refusal((await as(fx.foreignAdmin.id)).review.save(input))).toMatchObject({ code: "NOT_FOUND" });
    // Naming another team's page under one's own team finds nothing.
    expect(
      await refusal((await as(fx.manager.id)).review.save({ ...input, interruptId: ids.otherTeam })),
    ).toMatchObject({ code: "NOT_FOUND", fields: ["interruptId"] });
    expect(await refusal((await as(fx.outsider.id)).review.save({ ...input, teamId: fx.otherTeam.id }))).toMatchObject({
      code: "NOT_FOUND",
      fields: ["interruptId"],
    });
    for (const read of [fx.outsider.id, null]) {
      expect((await refusal((await as(read)).review.week({ teamId: fx.team.id }))).code).toBe(
        read ? "FORBIDDEN" : "UNAUTHORIZED",
      );
    }
    expect(await reviewState([ids.disk1, ids.otherTeam])).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  test("bad input is refused at its field and changes nothing", async () => {
    const before = await reviewState([ids.disk1]);
    const audits = await auditCount();
    const erika = await as(fx.erika.id);
    const valid = {
      teamId: fx.team.id,
      interruptId: ids.disk1,
      actionable: true,
      cause: "bug",
      fixUrl: "https://tracker.example.test/OPS-1",
    };
    const cases = [
      [{ ...valid, cause: "gremlins" }, "cause"],
      [{ ...valid, fixUrl: "ftp://tracker.example.test/OPS-1" }, "fixUrl"],
      [{ ...valid, fixUrl: "see the ticket" }, "fixUrl"],
      [{ ...valid, fixUrl: `https://x.test/${"a".repeat(2000)}` }, "fixUrl"],
      [{ ...valid, actionable: "yes" }, "actionable"],
      [{ teamId: fx.team.id, interruptId: ids.disk1 }, "actionable"],
      [{ ...valid, interruptId: "disk1" }, "interruptId"],
      [{ ...valid, reviewedById: fx.erika.id }, ""],
    ] as const;
    for (const [input, field] of cases) {
      expect(await refusal(erika.review.save(input as never)), field).toMatchObject({
        code: "BAD_REQUEST",
        fields: [field],
      });
    }
    expect(
      await refusal(erika.review.week({ teamId: fx.team.id, to: new Date("1999-01-01T00:00:00Z") })),
    ).toMatchObject({ code: "BAD_REQUEST", fields: ["to"] });
    expect(await reviewState([ids.disk1])).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });
});

describe(`silences on ${testEngine}`, () => {
  const teamSilences = () => database.db.select().from(alertSilence).where(eq(alertSilence.teamId, fx.team.id));

  test("a manager silences the noisiest alert until the end of a day; saving again changes that silence, not a second one", async () => {
    const manager = await as(fx.manager.id);
    const silence = await manager.review.silence({
      teamId: fx.team.id,
      alertName: "DiskWillFillIn4Hours",
      until: "2026-04-03",
      fixUrl: "https://tracker.example.test/OPS-77",
      reason: "Log rotation fix ships on the 2nd",
    });
    expect(silence).toMatchObject({
      alertName: "DiskWillFillIn4Hours",
      until: at("2026-04-04T00:00"),
      fixUrl: "https://tracker.example.test/OPS-77",
      reason: "Log rotation fix ships on the 2nd",
      createdBy: { id: fx.manager.id, name: "Mona Manager" },
      createdAt: NOW,
      liftedAt: null,
    });
    const again = await manager.review.silence({
      teamId: fx.team.id,
      alertName: "DiskWillFillIn4Hours",
      until: "2026-04-10",
      fixUrl: null,
      reason: "",
    });
    expect(again).toMatchObject({ id: silence.id, until: at("2026-04-11T00:00"), fixUrl: null, reason: null });
    expect(await teamSilences()).toHaveLength(1);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, silence.id));
    expect(audit.map((row) => row.action)).toEqual(["alert-silence.create", "alert-silence.update"]);
    const review = await week(fx.erika.id);
    expect(review.noisiestAlerts[0]).toMatchObject({ alertName: "DiskWillFillIn4Hours", silence: { id: silence.id } });
    expect(review.silences).toMatchObject([{ id: silence.id, canLift: false }]);
    expect((await week(fx.priya.id)).silences).toMatchObject([{ id: silence.id, canLift: true }]);
  });

  test("an engineer may silence an alert that paged them, not one that did not", async () => {
    const erika = await as(fx.erika.id);
    const own = await erika.review.silence({ teamId: fx.team.id, alertName: "HighErrorRate", until: "2026-03-20" });
    expect(own).toMatchObject({
      alertName: "HighErrorRate",
      until: at("2026-03-21T00:00"),
      createdBy: { id: fx.erika.id },
    });
    expect(
      await refusal(
        (await as(fx.dana.id)).review.silence({ teamId: fx.team.id, alertName: "HighErrorRate", until: "2026-03-25" }),
      ),
    ).toMatchObject({
      code: "FORBIDDEN",
      fields: ["alertName"],
    });
    // Her own silence she may lift; the manager's she may not.
    const lifted = await erika.review.liftSilence({ teamId: fx.team.id, silenceId: own.id });
    expect(lifted.liftedAt).toEqual(NOW);
  });

  test("bad silences are refused at their field and save nothing", async () => {
    const before = await teamSilences();
    const manager = await as(fx.manager.id);
    const valid = { teamId: fx.team.id, alertName: "KafkaConsumerLag", until: "2026-03-27" };
    const cases = [
      [{ ...valid, until: "2026-03-19" }, "until"],
      [{ ...valid, until: "2026-02-30" }, "until"],
      [{ ...valid, until: "next friday" }, "until"],
      [{ ...valid, until: "2026-09-17" }, "until"],
      [{ ...valid, alertName: "   " }, "alertName"],
      [{ ...valid, fixUrl: "javascript:alert(1)" }, "fixUrl"],
      [{ ...valid, reason: "x".repeat(501) }, "reason"],
    ] as const;
    for (const [input, field] of cases) {
      expect(await refusal(manager.review.silence(input as never)), field).toMatchObject({
        code: "BAD_REQUEST",
        fields: [field],
      });
    }
    // 180 days ahead is the longest silence.
    expect(await refusal(manager.review.silence({ ...valid, until: "2026-09-16" }))).toMatchObject({ code: "OK" });
    const [made] = (await teamSilences()).filter((row) => row.alertName === "KafkaConsumerLag");
    expect(made).toBeDefined();
    await database.db.delete(alertSilence).where(eq(alertSilence.id, made?.id ?? ""));
    expect(await teamSilences()).toEqual(before);
    for (const [caller, code] of [
      [await as(fx.outsider.id), "FORBIDDEN"],
      [await as(null), "UNAUTHORIZED"],
    ] as const) {
      expect((await refusal(caller.review.silence(valid))).code).toBe(code);
    }
  });

  test("lifting is a soft delete with undo; only its setter or a manager or planner may; undo is refused once the alert was silenced anew", async () => {
    const [silence] = (await teamSilences()).filter(
      (row) => row.alertName === "DiskWillFillIn4Hours" && row.deletedAt === null,
    );
    if (!silence) throw new Error("no silence");
    const input = { teamId: fx.team.id, silenceId: silence.id };
    expect(await refusal((await as(fx.erika.id)).review.liftSilence(input))).toMatchObject({
      code: "FORBIDDEN",
      fields: ["silenceId"],
    });
    expect(await refusal((await as(fx.outsider.id)).review.liftSilence(input))).toMatchObject({ code: "FORBIDDEN" });
    expect(
      await refusal((await as(fx.manager.id)).review.liftSilence({ ...input, silenceId: crypto.randomUUID() })),
    ).toMatchObject({ code: "NOT_FOUND", fields: ["silenceId"] });
    const priya = await as(fx.priya.id);
    expect(await priya.review.liftSilence(input)).toMatchObject({ id: silence.id, liftedAt: NOW });
    expect(await refusal(priya.review.liftSilence(input))).toMatchObject({ code: "NOT_FOUND" });
    expect((await week(fx.manager.id)).noisiestAlerts[0]?.silence).toBeNull();
    expect(await priya.review.restoreSilence(input)).toMatchObject({ id: silence.id, liftedAt: null });
    expect(await priya.review.restoreSilence(input)).toMatchObject({ id: silence.id, liftedAt: null });
    expect((await week(fx.manager.id)).noisiestAlerts[0]?.silence).toMatchObject({ id: silence.id });

    await priya.review.liftSilence(input);
    const fresh = await priya.review.silence({
      teamId: fx.team.id,
      alertName: "DiskWillFillIn4Hours",
      until: "2026-03-31",
    });
    expect(fresh.id).not.toBe(silence.id);
    expect(await refusal(priya.review.restoreSilence(input))).toMatchObject({
      code: "CONFLICT",
      fields: ["silenceId"],
    });
    const actions = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, silence.id))
      .orderBy(auditLog.id);
    expect(actions.map((row) => row.action)).toEqual([
      "alert-silence.create",
      "alert-silence.update",
      "alert-silence.lift",
      "alert-silence.restore",
      "alert-silence.lift",
    ]);
  });
});
