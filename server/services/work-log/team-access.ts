import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { team } from "@/db/schema";
import { mayActInTeam, TEAM_ROLES, type Viewer } from "@/server/auth/permissions";
import { DomainError } from "../errors";

/** The caller must be a member of the team (any role; admins may act in every team of their organisation). */
export async function requireTeamMember(db: Db, viewer: Viewer, teamId: string): Promise<void> {
  if (!mayActInTeam(viewer, teamId, TEAM_ROLES)) {
    throw new DomainError("forbidden", "Only a member of this team may do this.", "teamId");
  }
  if (viewer.memberships.some((m) => m.teamId === teamId)) return;
  // An admin passes without membership, so the team must still exist in their organisation.
  const [row] = await db
    .select({ id: team.id })
    .from(team)
    .where(and(eq(team.id, teamId), eq(team.organisationId, viewer.organisationId), isNull(team.deletedAt)));
  if (!row) throw new DomainError("not-found", "No such team.", "teamId");
}

/** The team the caller's own work goes to: the one named, else their first team. */
export async function teamForOwnWork(db: Db, viewer: Viewer, teamId?: string | null): Promise<string> {
  const chosen = teamId ?? viewer.memberships[0]?.teamId;
  if (!chosen) throw new DomainError("invalid", "Join a team before logging work.", "teamId");
  await requireTeamMember(db, viewer, chosen);
  return chosen;
}
