import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, automationEstimate } from "@/db/schema";
import { callerAs } from "@/server/testing/fixtures";
import { makeReportTeam, type ReportTeamFixture } from "@/server/testing/report-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { makeTemplate, refusal } from "@/server/testing/work-log-fixtures";

const NOW = new Date("2025-03-16T12:00:00Z");
const LATER = new Date("2025-03-17T12:00:00Z");

let database: Database;
let fx: ReportTeamFixture;
let templateId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await makeReportTeam(database.db);
  templateId = (await makeTemplate(database.db, fx.team.id, { name: "Restart the queue", defaultMinutes: 30 })).id;
});
afterAll(async () => database?.close());

const auditOf = (entityId: string) =>
  database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "automation_estimate"), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.id));

describe(`automation estimates on ${testEngine}`, () => {
  test("saving creates the source's estimate, saving again updates it; each change audited in its transaction", async () => {
    const manager = await callerAs(database.db, fx.manager.id, () => NOW);
    const teamId = fx.team.id;
    const created = await manager.reports.saveEstimate({
      teamId,
      sourceKind: "template",
      sourceKey: templateId,
      buildHours: 12.5,
      maintenanceHoursPerMonth: 0.5,
    });
    expect(created).toMatchObject({
      teamId,
      sourceKind: "template",
      sourceKey: templateId,
      sourceLabel: "Restart the queue",
      buildHours: 12.5,
      maintenanceHoursPerMonth: 0.5,
      automatedOn: null,
      createdAt: NOW,
      updatedAt: NOW,
      updatedBy: { id: fx.manager.id, name: "Mona Manager" },
    });

    const later = await callerAs(database.db, fx.admin.id, () => LATER);
    const updated = await later.reports.saveEstimate({
      teamId,
      sourceKind: "template",
      sourceKey: templateId,
      buildHours: 10,
      automatedOn: "2025-03-17",
    });
    expect(updated).toMatchObject({
      id: created.id,
      buildHours: 10,
      maintenanceHoursPerMonth: 0,
      automatedOn: "2025-03-17",
      createdAt: NOW,
      updatedAt: LATER,
    });
    expect(updated.updatedBy).toEqual({ id: fx.admin.id, name: "Ada Admin" });

    expect(
      (await auditOf(created.id)).map((a) => ({
        action: a.action,
        actor: a.actorPersonId,
        teamId: a.teamId,
        before: a.before,
        after: a.after,
      })),
    ).toEqual([
      {
        action: "automation-estimate.create",
        actor: fx.manager.id,
        teamId,
        before: null,
        after: {
          sourceKind: "template",
          sourceKey: templateId,
          buildHours: 12.5,
          maintenanceHoursPerMonth: 0.5,
          automatedOn: null,
          deletedAt: null,
        },
      },
      {
        action: "automation-estimate.update",
        actor: fx.admin.id,
        teamId,
        before: {
          sourceKind: "template",
          sourceKey: templateId,
          buildHours: 12.5,
          maintenanceHoursPerMonth: 0.5,
          automatedOn: null,
          deletedAt: null,
        },
        after: {
          sourceKind: "template",
          sourceKey: templateId,
          buildHours: 10,
          maintenanceHoursPerMonth: 0,
          automatedOn: "2025-03-17",
          deletedAt: null,
        },
      },
    ]);
    const engineer = await callerAs(database.db, fx.erika.id, () => LATER);
    expect((await engineer.reports.listEstimates({ teamId })).map((e) => e.id)).toEqual([created.id]);
  });

  test("removing is a soft delete, audited; the source may then be estimated anew", async () => {
    const manager = await callerAs(database.db, fx.manager.id, () => LATER);
    const teamId = fx.team.id;
    const [estimate] = await manager.reports.listEstimates({ teamId });
    if (!estimate) throw new Error("no estimate to remove");
    expect(await manager.reports.removeEstimate({ teamId, id: estimate.id })).toEqual({ id: estimate.id });

    const [row] = await database.db.select().from(automationEstimate).where(eq(automationEstimate.id, estimate.id));
    expect(row).toMatchObject({ deletedAt: LATER, updatedById: fx.manager.id });
    const audit = await auditOf(estimate.id);
    expect(audit.at(-1)).toMatchObject({
      action: "automation-estimate.remove",
      actorPersonId: fx.manager.id,
      after: expect.objectContaining({ deletedAt: LATER.toISOString() }),
    });
    expect(await manager.reports.listEstimates({ teamId })).toEqual([]);
    expect(await refusal(manager.reports.removeEstimate({ teamId, id: estimate.id }))).toMatchObject({
      code: "NOT_FOUND",
      fields: ["id"],
    });

    const again = await manager.reports.saveEstimate({
      teamId,
      sourceKind: "template",
      sourceKey: templateId,
      buildHours: 3,
    });
    expect(again.id).not.toBe(estimate.id);
    expect((await manager.reports.listEstimates({ teamId })).map((e) => e.id)).toEqual([again.id]);
  });

  test("an estimate is reached through its own team only", async () => {
    const teamId = fx.team.id;
    const manager = await callerAs(database.db, fx.manager.id, () => LATER);
    const [estimate] = await manager.reports.listEstimates({ teamId });
    if (!estimate) throw new Error("no estimate");
    // The other team's manager names their own team: the estimate is not there.
    const outsider = await callerAs(database.db, fx.outsider.id, () => LATER);
    expect(await refusal(outsider.reports.removeEstimate({ teamId: fx.otherTeam.id, id: estimate.id }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await outsider.reports.listEstimates({ teamId: fx.otherTeam.id })).toEqual([]);
    expect((await manager.reports.listEstimates({ teamId })).map((e) => e.id)).toEqual([estimate.id]);
  });

  test("saves of one source at the same moment leave one live estimate", async () => {
    const teamId = fx.team.id;
    const [one, two] = await Promise.all([
      callerAs(database.db, fx.manager.id, () => LATER),
      callerAs(database.db, fx.admin.id, () => LATER),
    ]);
    const saves = await Promise.all([
      one.reports.saveEstimate({ teamId, sourceKind: "alert", sourceKey: "DiskFull", buildHours: 4 }),
      two.reports.saveEstimate({ teamId, sourceKind: "alert", sourceKey: "DiskFull", buildHours: 5 }),
    ]);
    expect(saves[0].id).toBe(saves[1].id);
    const live = (await one.reports.listEstimates({ teamId })).filter((e) => e.sourceKind === "alert");
    expect(live).toHaveLength(1);
    expect((await auditOf(saves[0].id)).map((a) => a.action)).toEqual([
      "automation-estimate.create",
      "automation-estimate.update",
    ]);
  });
});
