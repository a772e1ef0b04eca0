import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { team } from "@/db/schema";
import { isManagerOf, type Viewer } from "@/server/auth/permissions";
import { DomainError } from "../errors";
import { liveTeam, type BreachTeam } from "./team-engineers";

/**
 * The team, for one of its managers or an admin of its organisation; anyone else is FORBIDDEN, and a team that
 * does not exist (or is another organisation's) is NOT_FOUND.
 */
export async function requireTeamManager(db: Db, viewer: Viewer, teamId: string): Promise<BreachTeam> {
  if (!isManagerOf(viewer, teamId))
    throw new DomainError("forbidden", "Only a manager of this team may do this.", "teamId");
  const member = viewer.memberships.some((m) => m.teamId === teamId);
  if (!member) {
    const [inOrganisation] = await db
      .select({ id: team.id })
      .from(team)
      .where(and(eq(team.id, teamId), eq(team.organisationId, viewer.organisationId), isNull(team.deletedAt)));
    if (!inOrganisation) throw new DomainError("not-found", "No such team.", "teamId");
  }
  const found = await liveTeam(db, teamId);
  if (!found) throw new DomainError("not-found", "No such team.", "teamId");
  return found;
}
