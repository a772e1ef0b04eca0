import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, integration } from "@/db/schema";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { at, callerAt, codeOf, failureOf, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";

const NOW = at("2026-03-01T12:00");

let database: Database;
let fx: Awaited<ReturnType<typeof makeRotationTeam>>;
let rotationId: string;
let otherRotationId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await makeRotationTeam(database.db);
  const planner = await callerAt(database.db, fx.planner.id, NOW);
  rotationId = (await planner.rotations.create({ teamId: fx.team.id, ...weeklyDraft(fx.engineers.map((e) => e.id)) }))
    .id;
  const otherPlanner = await callerAt(database.db, fx.outsider.id, NOW);
  otherRotationId = (await otherPlanner.rotations.create({ teamId: fx.otherTeam.id, ...weeklyDraft([fx.outsider.id]) }))
    .id;
});
afterAll(async () => database?.close());

const as = (personId: string | null) => callerAt(database.db, personId, NOW);

describe(`team integrations on ${testEngine}`, () => {
  test("a planner creates an Alertmanager integration: the secret is shown once and only its SHA-256 is stored", async () => {
    const created = await (await as(fx.planner.id)).integrations.create({
      teamId: fx.team.id,
      name: " Prometheus prod ",
      rotationId,
    });
    expect(created.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.path).toBe(`/api/integrations/alertmanager/${created.secret}`);
    expect(created.integration).toMatchObject({
      teamId: fx.team.id,
      kind: "alertmanager",
      name: "Prometheus prod",
      rotationId,
      rotationName: "Pager primary",
      prefix: created.secret.slice(0, 6),
      revokedAt: null,
      lastUsedAt: null,
    });
    const [row] = await database.db.select().from(integration).where(eq(integration.id, created.integration.id));
    expect(row?.secretHash).toBe(createHash("sha256").update(created.secret).digest("hex"));
    expect(row?.createdById).toBe(fx.planner.id);

    const listed = await (await as(fx.manager.id)).integrations.list({ teamId: fx.team.id });
    expect(listed.map((i) => i.id)).toContain(created.integration.id);
    const everywhere =
      JSON.stringify(listed) +
      JSON.stringify(await database.db.select().from(auditLog).where(eq(auditLog.entityId, created.integration.id)));
    expect(everywhere).not.toContain(created.secret);
    expect(everywhere).not.toContain(row?.secretHash ?? "no hash");
  });

  test("a manager may create and revoke; revoked ones list last and revoking twice changes nothing", async () => {
    const manager = await as(fx.manager.id);
    const created = await manager.integrations.create({ teamId: fx.team.id, name: "Staging", rotationId });
    const revoked = await manager.integrations.revoke({ teamId: fx.team.id, integrationId: created.integration.id });
    expect(revoked.revokedAt).toEqual(NOW);
    const again = await manager.integrations.revoke({ teamId: fx.team.id, integrationId: created.integration.id });
    expect(again.revokedAt).toEqual(NOW);
    const listed = await manager.integrations.list({ teamId: fx.team.id });
    expect(listed.at(-1)?.id).toBe(created.integration.id);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, created.integration.id));
    expect(audit.map((a) => [a.action, a.actorPersonId])).toEqual([
      ["integration.create", fx.manager.id],
      ["integration.revoke", fx.manager.id],
    ]);
  });

  test("engineers, other teams' planners and anonymous callers are refused", async () => {
    const [existing] = await (await as(fx.planner.id)).integrations.list({ teamId: fx.team.id });
    if (!existing) throw new Error("no integration");
    const input = { teamId: fx.team.id, name: "Sneaky", rotationId };
    for (const who of [fx.engineers[0]?.id ?? "", fx.outsider.id]) {
      const caller = await as(who);
      expect(await codeOf(caller.integrations.create(input))).toBe("FORBIDDEN");
      expect(await codeOf(caller.integrations.list({ teamId: fx.team.id }))).toBe("FORBIDDEN");
      expect(await codeOf(caller.integrations.revoke({ teamId: fx.team.id, integrationId: existing.id }))).toBe(
        "FORBIDDEN",
      );
    }
    const anonymous = await as(null);
    expect(await codeOf(anonymous.integrations.create(input))).toBe("UNAUTHORIZED");
    expect(await codeOf(anonymous.integrations.list({ teamId: fx.team.id }))).toBe("UNAUTHORIZED");
    expect(await codeOf(anonymous.integrations.revoke({ teamId: fx.team.id, integrationId: existing.id }))).toBe(
      "UNAUTHORIZED",
    );
    // Naming their own team does not reach ours.
    expect(
      await failureOf(
        (await as(fx.outsider.id)).integrations.revoke({ teamId: fx.otherTeam.id, integrationId: existing.id }),
      ),
    ).toMatchObject({
      code: "NOT_FOUND",
      field: "integrationId",
    });
    const [row] = await database.db.select().from(integration).where(eq(integration.id, existing.id));
    expect(row?.revokedAt).toBeNull();
  });

  test("bad input is refused at its field", async () => {
    const planner = await as(fx.planner.id);
    expect(await failureOf(planner.integrations.create({ teamId: fx.team.id, name: "", rotationId }))).toMatchObject({
      code: "BAD_REQUEST",
      field: "name",
    });
    expect(await failureOf(planner.integrations.create({ teamId: fx.team.id, name: "No rotation" }))).toMatchObject({
      code: "BAD_REQUEST",
      field: "rotationId",
    });
    expect(
      await failureOf(planner.integrations.create({ teamId: fx.team.id, name: "Theirs", rotationId: otherRotationId })),
    ).toMatchObject({
      code: "NOT_FOUND",
      field: "rotationId",
    });
    expect(
      await failureOf(
        planner.integrations.create({ teamId: fx.team.id, name: "x", kind: "email" as never, rotationId }),
      ),
    ).toMatchObject({
      code: "BAD_REQUEST",
      field: "kind",
    });
    // A ticket webhook may go without a rotation (it credits by assignee).
    const tickets = await planner.integrations.create({ teamId: fx.team.id, name: "Jira", kind: "ticket-webhook" });
    expect(tickets.integration).toMatchObject({ kind: "ticket-webhook", rotationId: null });
  });
});
