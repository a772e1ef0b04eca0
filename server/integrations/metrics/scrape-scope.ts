import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { team } from "@/db/schema";
import { rolesIn, type Viewer } from "@/server/auth/permissions";

export interface ScrapedTeam {
  id: string;
  name: string;
}

/**
 * The teams a token's owner may scrape: every team of the organisation for an admin, the teams they manage
 * for a manager, none for anyone else (the metrics name every engineer, which only managers may see).
 */
export async function scrapeableTeams(db: Db, viewer: Viewer): Promise<ScrapedTeam[]> {
  const live = and(eq(team.organisationId, viewer.organisationId), isNull(team.deletedAt));
  if (viewer.isAdmin) {
    return db.select({ id: team.id, name: team.name }).from(team).where(live).orderBy(asc(team.name), asc(team.id));
  }
  const managed = viewer.memberships.filter((m) => rolesIn(viewer, m.teamId).includes("manager")).map((m) => m.teamId);
  if (managed.length === 0) return [];
  return db
    .select({ id: team.id, name: team.name })
    .from(team)
    .where(and(live, inArray(team.id, managed)))
    .orderBy(asc(team.name), asc(team.id));
}
