import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { team } from "@/db/schema";
import { mayActInTeam, type Viewer } from "@/server/auth/permissions";
import { DomainError } from "../errors";
import { requireTeamMember } from "../work-log/team-access";

/** Managers and planners review every interrupt of their team (admins too); engineers only their own. */
export function reviewsEverything(viewer: Viewer, teamId: string): boolean {
  return mayActInTeam(viewer, teamId, ["manager", "planner"]);
}

/** The team, for a member of it (or an admin of its organisation); a removed or unknown team is NOT_FOUND. */
export async function openReviewTeam(db: Db, viewer: Viewer, teamId: string): Promise<{ id: string; name: string }> {
  await requireTeamMember(db, viewer, teamId);
  const [row] = await db
    .select({ id: team.id, name: team.name })
    .from(team)
    .where(and(eq(team.id, teamId), isNull(team.deletedAt)));
  if (!row) throw new DomainError("not-found", "No such team.", "teamId");
  return row;
}
