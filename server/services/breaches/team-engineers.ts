import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { person, team, teamMember } from "@/db/schema";
import { loadProfiles, type PersonProfile } from "../share/people-facts";
import { countsInFigures, membershipWindows } from "../people/membership";

export interface BreachTeam {
  id: string;
  name: string;
  toilCap: number;
  onCallCap: number;
  webhookUrl: string | null;
  webhookSecret: string | null;
  /** Breach months are the team's calendar months. */
  timeZone: string;
}

/** The team, unless it was removed. */
export async function liveTeam(db: Db, teamId: string): Promise<BreachTeam | null> {
  const [row] = await db
    .select({
      id: team.id,
      name: team.name,
      toilCap: team.toilCap,
      onCallCap: team.onCallCap,
      webhookUrl: team.breachWebhookUrl,
      webhookSecret: team.breachWebhookSecret,
      timeZone: team.timeZone,
    })
    .from(team)
    .where(and(eq(team.id, teamId), isNull(team.deletedAt)));
  return row ?? null;
}

/**
 * The team's engineers (holding the engineer role, not removed), among `personIds` or all of them: the people
 * the Team reports page shows, so a breach is only ever about someone on it. Only current members who count in
 * figures, each clipped to their membership.
 */
export async function teamEngineers(
  db: Db,
  teamId: string,
  personIds: readonly string[] | "all",
): Promise<PersonProfile[]> {
  if (personIds !== "all" && personIds.length === 0) return [];
  const among = personIds === "all" ? undefined : inArray(teamMember.personId, [...new Set(personIds)]);
  const rows = await db
    .selectDistinct({ personId: teamMember.personId, name: person.name })
    .from(teamMember)
    .innerJoin(person, eq(person.id, teamMember.personId))
    .where(
      and(
        eq(teamMember.teamId, teamId),
        eq(teamMember.role, "engineer"),
        isNull(teamMember.removedFrom),
        isNull(person.deletedAt),
        countsInFigures,
        among,
      ),
    )
    .orderBy(asc(person.name), asc(teamMember.personId));
  const ids = rows.map((r) => r.personId);
  // One after the other: `db` may be a transaction, whose one connection takes one query at a time.
  const profiles = await loadProfiles(db, ids);
  const windows = await membershipWindows(db, teamId, ids);
  return rows.flatMap((r) => {
    const profile = profiles.get(r.personId);
    return profile ? [{ ...profile, memberDuring: windows.get(r.personId) ?? [] }] : [];
  });
}

/** The live teams in which each of these people is an engineer: whose caps a change of their shares concerns. */
export async function engineerTeamsOf(db: Db, personIds: readonly string[]): Promise<Map<string, string[]>> {
  const byTeam = new Map<string, string[]>();
  if (personIds.length === 0) return byTeam;
  const rows = await db
    .selectDistinct({ teamId: teamMember.teamId, personId: teamMember.personId })
    .from(teamMember)
    .innerJoin(team, eq(team.id, teamMember.teamId))
    .where(
      and(
        inArray(teamMember.personId, [...new Set(personIds)]),
        eq(teamMember.role, "engineer"),
        isNull(team.deletedAt),
      ),
    );
  for (const row of rows) byTeam.set(row.teamId, [...(byTeam.get(row.teamId) ?? []), row.personId]);
  return byTeam;
}

/** Every engineer of the team (for a change of its rotations). */
export async function engineerIdsOf(db: Db, teamId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ personId: teamMember.personId })
    .from(teamMember)
    .where(and(eq(teamMember.teamId, teamId), eq(teamMember.role, "engineer")));
  return rows.map((r) => r.personId);
}
