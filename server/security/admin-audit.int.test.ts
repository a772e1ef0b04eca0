import { and, desc, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, team } from "@/db/schema";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { at, callerAt, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";

/**
 * Every action that administers an instance or a team, done by an administrator (who holds no role in the team),
 * leaves one audit row naming that administrator as the actor, the team, and the thing changed.
 */
const NOW = at("2026-03-04T12:00");

let database: Database;
let fx: Awaited<ReturnType<typeof makeRotationTeam>>;
let admin: Awaited<ReturnType<typeof callerAt>>;

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await makeRotationTeam(database.db);
  admin = await callerAt(database.db, fx.admin.id, NOW);
});
afterAll(async () => database?.close());

interface Expected {
  action: string;
  teamId: string;
  entityId: string;
}

/** The administrative actions, each returning the audit row it should leave. */
const ACTIONS: Array<{ what: string; run: () => Promise<Expected> }> = [
  {
    what: "create a team",
    run: async () => {
      const created = await admin.teams.create({ name: "Edge SRE" });
      return { action: "team.create", teamId: created.id, entityId: created.id };
    },
  },
  {
    what: "invite a new person into a team",
    run: async () => {
      const invited = await admin.teams.invite({
        teamId: fx.team.id,
        name: "Nia New",
        email: "nia@example.test",
        timeZone: "Europe/Berlin",
        roles: ["engineer"],
      });
      if (invited.outcome !== "link") throw new Error("expected an invitation link");
      return { action: "person.invite", teamId: fx.team.id, entityId: invited.invitationId };
    },
  },
  {
    what: "give an existing person roles in another team",
    run: async () => {
      const added = await admin.teams.invite({
        teamId: fx.otherTeam.id,
        name: "Priya Planner",
        email: fx.planner.email,
        timeZone: "Europe/Berlin",
        roles: ["engineer"],
      });
      if (added.outcome !== "added") throw new Error("an admin adds a person with an account directly");
      return { action: "team.add-roles", teamId: fx.otherTeam.id, entityId: added.personId };
    },
  },
  {
    what: "re-issue an invitation link",
    run: async () => {
      const invited = await admin.teams.invite({
        teamId: fx.team.id,
        name: "Ola Again",
        email: "ola@example.test",
        timeZone: "Europe/Berlin",
        roles: ["engineer"],
      });
      await admin.teams.reissueInvitation({
        teamId: fx.team.id,
        invitationId: invited.outcome === "link" ? invited.invitationId : "",
      });
      return {
        action: "invitation.reissue",
        teamId: fx.team.id,
        entityId: invited.outcome === "link" ? invited.invitationId : "",
      };
    },
  },
  {
    what: "revoke an invitation",
    run: async () => {
      const invited = await admin.teams.invite({
        teamId: fx.team.id,
        name: "Rae Revoked",
        email: "rae@example.test",
        timeZone: "Europe/Berlin",
        roles: ["engineer"],
      });
      const invitationId = invited.outcome === "link" ? invited.invitationId : "";
      await admin.teams.revokeInvitation({ teamId: fx.team.id, invitationId });
      return { action: "invitation.revoke", teamId: fx.team.id, entityId: invitationId };
    },
  },
  {
    what: "remove a member from a date",
    run: async () => {
      await admin.teams.removeMember({ teamId: fx.otherTeam.id, personId: fx.outsider.id, from: "2026-03-02" });
      return { action: "team.remove-member", teamId: fx.otherTeam.id, entityId: fx.outsider.id };
    },
  },
  {
    what: "undo a member's removal",
    run: async () => {
      await admin.teams.restoreMember({ teamId: fx.otherTeam.id, personId: fx.outsider.id });
      return { action: "team.restore-member", teamId: fx.otherTeam.id, entityId: fx.outsider.id };
    },
  },
  {
    what: "change a member's roles",
    run: async () => {
      const engineer = fx.engineers[1];
      if (!engineer) throw new Error("no engineer");
      await admin.teams.setRoles({ teamId: fx.team.id, personId: engineer.id, roles: ["engineer", "planner"] });
      return { action: "team.set-roles", teamId: fx.team.id, entityId: engineer.id };
    },
  },
  {
    what: "change a team's caps",
    run: async () => {
      await admin.teams.updateCaps({ teamId: fx.team.id, toilCap: 0.4, onCallCap: 0.2 });
      return { action: "team.caps", teamId: fx.team.id, entityId: fx.team.id };
    },
  },
  {
    what: "change when a team's duty rotations are flagged as overloaded",
    run: async () => {
      await admin.teams.updateOverloadThresholds({
        teamId: fx.team.id,
        turnsInARow: 3,
        loggedOverDuty: 0.9,
        incidentLimit: 2,
      });
      return { action: "team.overload-thresholds", teamId: fx.team.id, entityId: fx.team.id };
    },
  },
  {
    what: "export a workspace",
    run: async () => {
      await admin.workspace.export({ teamId: fx.team.id });
      return { action: "workspace.export", teamId: fx.team.id, entityId: fx.team.id };
    },
  },
  {
    what: "import a workspace",
    run: async () => {
      const file = await admin.workspace.export({ teamId: fx.otherTeam.id });
      await admin.workspace.import({ file, teamName: "Data SRE copy" });
      const [copy] = await database.db.select({ id: team.id }).from(team).where(eq(team.name, "Data SRE copy"));
      if (!copy) throw new Error("the import made no team");
      return { action: "workspace.import", teamId: copy.id, entityId: copy.id };
    },
  },
  {
    what: "create a rotation",
    run: async () => {
      const rotation = await admin.rotations.create({
        teamId: fx.team.id,
        ...weeklyDraft(
          fx.engineers.map((e) => e.id),
          { name: "Admin's rotation" },
        ),
      });
      return { action: "rotation.create", teamId: fx.team.id, entityId: rotation.id };
    },
  },
  {
    what: "add a webhook integration",
    run: async () => {
      const created = await admin.integrations.create({ teamId: fx.team.id, kind: "ticket-webhook", name: "Jira" });
      return { action: "integration.create", teamId: fx.team.id, entityId: created.integration.id };
    },
  },
  {
    what: "revoke an integration",
    run: async () => {
      const created = await admin.integrations.create({ teamId: fx.team.id, kind: "ticket-webhook", name: "Old Jira" });
      await admin.integrations.revoke({ teamId: fx.team.id, integrationId: created.integration.id });
      return { action: "integration.revoke", teamId: fx.team.id, entityId: created.integration.id };
    },
  },
  {
    what: "import tickets from a CSV file",
    run: async () => {
      const csv = [
        "ticket id,opened,resolved,assignee email,service,summary",
        `OPS-7,2026-03-02T08:00:00Z,2026-03-02T10:00:00Z,${fx.planner.email},billing,Rotate keys`,
      ].join("\n");
      await admin.tickets.commit({ teamId: fx.team.id, csv });
      return { action: "tickets.import", teamId: fx.team.id, entityId: fx.team.id };
    },
  },
  {
    what: "create a personal API token",
    run: async () => {
      const created = await admin.apiTokens.create({ name: "monitoring" });
      return { action: "api-token.create", teamId: "(none)", entityId: created.token.id };
    },
  },
];

describe(`administrators' actions are audited on ${testEngine}`, () => {
  test.each(ACTIONS)("$what", async ({ run }) => {
    const [last] = await database.db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    const expected = await run();
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, last?.id ?? 0), eq(auditLog.action, expected.action)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorPersonId: fx.admin.id,
      teamId: expected.teamId === "(none)" ? null : expected.teamId,
      entityId: expected.entityId,
    });
    // Whatever else the action wrote is the administrator's doing too.
    const others = await database.db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, last?.id ?? 0));
    expect(others.map((row) => row.actorPersonId)).toEqual(others.map(() => fx.admin.id));
  });
});
