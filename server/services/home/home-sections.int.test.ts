import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { swapRequest } from "@/db/schema";
import { BERLIN, breachesOf, makeBreachTeam, NEW_YORK, toilDays } from "@/server/testing/breach-fixtures";
import { callerAs } from "@/server/testing/fixtures";
import { addInterrupt, addRotation } from "@/server/testing/report-fixtures";
import { at, callerAt, codeOf, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { local } from "@/server/testing/work-log-fixtures";
import { settleBackgroundWork } from "../breaches/background";
import { checkCapBreaches } from "../breaches/check-cap-breaches";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await settleBackgroundWork();
  await database?.close();
});

describe(`the manager's home: the team's standing this month on ${testEngine}`, () => {
  // Wednesday 12 March 2025, 17:00 in Berlin, as in the cap-breach check's tests.
  const NOW = local("2025-03-12T17:00", BERLIN);

  test("lists who is over a cap or heading over, the month's breaches by delivery, and the review's progress", async () => {
    const { db } = database;
    const fx = await makeBreachTeam(db);
    const teamId = fx.team.id;
    // Erika over the toil cap so far; Jonas alone on call from 10 March (over the on-call cap, heading over the
    // toil cap); Dana on ticket duty from 17 March (heading over the toil cap); Kiran under both.
    await toilDays(db, fx.erika, teamId, ["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07"]);
    await addRotation(db, {
      teamId,
      role: "primary",
      participants: [fx.jonas.id],
      timeZone: BERLIN,
      startsOn: "2025-03-10",
      recordedUntil: local("2025-03-10T09:00", BERLIN),
    });
    await toilDays(db, fx.dana, teamId, ["2025-03-03", "2025-03-04", "2025-03-05"]);
    await addRotation(db, {
      teamId,
      role: "ticket",
      participants: [fx.dana.id],
      timeZone: NEW_YORK,
      startsOn: "2025-03-17",
      recordedUntil: local("2025-03-01T00:00", NEW_YORK),
    });
    await (await checkCapBreaches(db, teamId, "all", NOW)).deliveries;
    // The last seven days: an incident reviewed actionable, a ticket reviewed not, a page not yet reviewed.
    // Older or removed interrupts are not this week's review.
    await addInterrupt(db, { teamId, openedAt: local("2025-03-11T10:00", BERLIN), actionable: true });
    await addInterrupt(db, { teamId, openedAt: local("2025-03-10T10:00", BERLIN), kind: "ticket", actionable: false });
    await addInterrupt(db, { teamId, openedAt: local("2025-03-12T09:00", BERLIN) });
    await addInterrupt(db, { teamId, openedAt: local("2025-03-04T10:00", BERLIN) });
    await addInterrupt(db, { teamId, openedAt: local("2025-03-12T08:00", BERLIN), deletedAt: NOW });

    const manager = await callerAs(db, fx.manager.id, () => NOW);
    const standing = await manager.home.teamStanding({ teamId });
    expect(standing.engineers).toBe(4);
    expect(standing.month).toMatchObject({ key: "2025-03", from: local("2025-03-01T00:00", BERLIN) });
    // The highest share against its cap first: Jonas's projected toil (76%), Dana's (67%), Erika's actual (62.5%).
    expect(standing.atRisk.map((r) => [r.name, r.findings.map((f) => [f.kind, f.projected])])).toEqual([
      [
        "Jonas Hahn",
        [
          ["toil", true],
          ["on-call", false],
        ],
      ],
      ["Dana Kim", [["toil", true]]],
      ["Erika Berg", [["toil", false]]],
    ]);
    // The same judgement the breach check stored, share for share.
    const stored = await breachesOf(db, teamId);
    for (const risk of standing.atRisk)
      for (const finding of risk.findings) {
        const row = stored.find((b) => b.personId === risk.personId && b.kind === finding.kind);
        expect(row?.projected).toBe(finding.projected);
        expect(row?.share).toBeCloseTo(finding.share, 4);
      }
    expect(standing.breaches.total).toBe(4);
    expect(standing.breaches.delivery).toEqual({ sent: 0, pending: 0, failed: 0, none: 4 });
    expect(standing.breaches.latest).toHaveLength(4);
    // Counted as the weekly review page counts it.
    const week = await manager.review.week({ teamId });
    expect(standing.review.progress).toEqual(week.summary.progress);
    expect(standing.review.progress).toMatchObject({ items: 3, reviewed: 2, unreviewed: 1 });

    expect(await codeOf((await callerAs(db, fx.erika.id, () => NOW)).home.teamStanding({ teamId }))).toBe("FORBIDDEN");
    expect(await codeOf((await callerAs(db, fx.outsider.id, () => NOW)).home.teamStanding({ teamId }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf((await callerAs(db, fx.admin.id, () => NOW)).home.teamStanding({ teamId }))).toBe("OK");
    expect(await codeOf((await callerAs(db, fx.foreignAdmin.id, () => NOW)).home.teamStanding({ teamId }))).toBe(
      "NOT_FOUND",
    );
  });

  test("a quiet team: nobody at risk, no breaches, nothing to review", async () => {
    const { db } = database;
    const fx = await makeBreachTeam(db);
    const standing = await (await callerAs(db, fx.manager.id, () => NOW)).home.teamStanding({ teamId: fx.team.id });
    expect(standing.atRisk).toEqual([]);
    expect(standing.breaches).toEqual({ total: 0, delivery: { sent: 0, pending: 0, failed: 0, none: 0 }, latest: [] });
    expect(standing.review.progress.items).toBe(0);
  });
});

describe(`the planner's home: the next two weeks of the team's rotations on ${testEngine}`, () => {
  // Wednesday 4 March 2026, 10:00 in Berlin.
  const now = at("2026-03-04T10:00");

  test("lists coverage gaps, hand-offs where the holder changes, and swap requests waiting for an answer", async () => {
    const { db } = database;
    const fx = await makeRotationTeam(db, 3);
    const [e0, e1, e2] = fx.engineers.map((e) => e.id);
    if (!e0 || !e1 || !e2) throw new Error("three engineers");
    const planner = await callerAt(db, fx.planner.id, now);
    const teamId = fx.team.id;
    const empty = await planner.home.coverageOutlook({ teamId });
    expect(empty).toMatchObject({ rotations: 0, gaps: [], handoffs: [], handoffCount: 0, pendingSwaps: [] });

    // Weekly from Monday 2 March: Erik holds it now, then Ana from the 9th, Ben from the 16th.
    const pager = await planner.rotations.create({ teamId, ...weeklyDraft([e0, e1, e2]) });
    // Weekly from Thursday 5 March with Monday hand-offs: nobody until Monday 9 March.
    const tickets = await planner.rotations.create({
      teamId,
      ...weeklyDraft([e0, e1, e2], { name: "Tickets", role: "ticket", startsOn: "2026-03-05" }),
    });
    await db.insert(swapRequest).values([
      {
        rotationId: pager.id,
        requesterId: e1,
        counterpartId: e2,
        shiftStartsAt: at("2026-03-09T09:00"),
        shiftEndsAt: at("2026-03-16T09:00"),
        createdAt: now,
      },
      {
        rotationId: pager.id,
        requesterId: e0,
        counterpartId: e1,
        shiftStartsAt: at("2026-03-02T09:00"),
        shiftEndsAt: at("2026-03-09T09:00"),
        status: "declined",
        createdAt: now,
      },
    ]);

    const outlook = await planner.home.coverageOutlook({ teamId });
    expect(outlook.from).toEqual(now);
    expect(outlook.to).toEqual(at("2026-03-18T10:00"));
    expect(outlook.rotations).toBe(2);
    const gap = { startsAt: at("2026-03-05T09:00"), endsAt: at("2026-03-09T09:00") };
    expect(outlook.gaps).toEqual([{ rotationId: tickets.id, rotationName: "Tickets", role: "ticket", ...gap }]);
    // The rotation's own page reports the same gap.
    expect((await planner.rotations.gaps({ teamId, rotationId: tickets.id })).gaps).toEqual([gap]);
    expect(outlook.handoffs.map((h) => [h.rotationName, h.at, h.from?.name ?? null, h.to.name])).toEqual([
      ["Pager primary", at("2026-03-09T09:00"), "Erik Lindqvist", "Ana Ruiz"],
      ["Tickets", at("2026-03-09T09:00"), null, "Erik Lindqvist"],
      ["Pager primary", at("2026-03-16T09:00"), "Ana Ruiz", "Ben Okafor"],
      ["Tickets", at("2026-03-16T09:00"), "Erik Lindqvist", "Ana Ruiz"],
    ]);
    expect(outlook.handoffCount).toBe(4);
    expect(outlook.pendingSwaps.map((s) => [s.requesterName, s.counterpartName, s.status])).toEqual([
      ["Ana Ruiz", "Ben Okafor", "pending"],
    ]);

    // Managers plan too; engineers and other teams' planners see nothing of it.
    expect(await codeOf((await callerAt(db, fx.manager.id, now)).home.coverageOutlook({ teamId }))).toBe("OK");
    expect(await codeOf((await callerAt(db, e0, now)).home.coverageOutlook({ teamId }))).toBe("FORBIDDEN");
    expect(await codeOf((await callerAt(db, fx.outsider.id, now)).home.coverageOutlook({ teamId }))).toBe("FORBIDDEN");
  });
});
