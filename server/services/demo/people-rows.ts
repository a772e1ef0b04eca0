import type { account, organisation, person, team, teamMember, user } from "@/db/schema";
import type { DemoContext, DemoPerson } from "./context";
import type { DemoTeamKey } from "./roster";

export interface DemoAccount {
  email: string;
  password: string;
  name: string;
  /** Human text, such as "manager" or "engineer, planner". */
  roles: string;
}

export const ORGANISATION_NAME = "Northwind Cloud";
export const TEAMS: Record<DemoTeamKey, { name: string; toilCap: number; onCallCap: number; timeZone: string }> = {
  platform: { name: "Platform SRE", toilCap: 0.5, onCallCap: 0.25, timeZone: "Europe/Berlin" },
  data: { name: "Data Platform", toilCap: 0.5, onCallCap: 0.25, timeZone: "Europe/Berlin" },
};

const TEAM_KEYS: DemoTeamKey[] = ["platform", "data"];

export interface PeopleRows {
  organisation: typeof organisation.$inferInsert;
  teams: Array<typeof team.$inferInsert>;
  users: Array<typeof user.$inferInsert>;
  accounts: Array<typeof account.$inferInsert>;
  people: Array<typeof person.$inferInsert>;
  memberships: Array<typeof teamMember.$inferInsert>;
}

/** Who invited whom: the admin set up the manager and Data Platform, the manager her own engineers. */
function inviterOf(context: DemoContext, member: DemoPerson): string | null {
  const admin = context.people.get("admin");
  const manager = context.people.get("maria");
  if (member.spec.isAdmin) return null;
  const inPlatform = member.spec.teams.some((m) => m.team === "platform");
  return (inPlatform && member.key !== "maria" ? manager?.id : admin?.id) ?? null;
}

export function buildPeopleRows(context: DemoContext, organisationId: string, passwordHash: string): PeopleRows {
  const createdAt = context.setupAt;
  const members = [...context.people.values()];
  return {
    organisation: { id: organisationId, name: ORGANISATION_NAME, createdAt },
    teams: TEAM_KEYS.map((key) => ({ id: context.teamIds[key], organisationId, ...TEAMS[key], createdAt })),
    users: members.map((m) => ({
      id: m.userId,
      name: m.spec.name,
      email: m.email,
      emailVerified: true,
      createdAt,
      updatedAt: createdAt,
    })),
    // better-auth's email-and-password accounts: provider "credential", account id = user id.
    accounts: members.map((m) => ({
      id: context.newId(),
      accountId: m.userId,
      providerId: "credential",
      userId: m.userId,
      password: passwordHash,
      createdAt,
      updatedAt: createdAt,
    })),
    people: members.map((m) => ({
      id: m.id,
      organisationId,
      userId: m.userId,
      name: m.spec.name,
      email: m.email,
      timeZone: m.timeZone,
      workDays: m.workDays,
      workStartMinute: m.workStartMinute,
      workEndMinute: m.workEndMinute,
      isAdmin: m.spec.isAdmin ?? false,
      invitedById: inviterOf(context, m),
      createdAt,
    })),
    memberships: members.flatMap((m) =>
      m.spec.teams.flatMap((membership) =>
        membership.roles.map((role) => ({ teamId: context.teamIds[membership.team], personId: m.id, role, createdAt })),
      ),
    ),
  };
}

export function demoAccounts(context: DemoContext, password: string): DemoAccount[] {
  return [...context.people.values()].map((m) => ({
    email: m.email,
    password,
    name: m.spec.name,
    roles: m.spec.roles,
  }));
}
