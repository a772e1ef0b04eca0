import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  interrupt,
  pastMembership,
  person,
  rotationParticipant,
  shiftRecord,
  teamMember,
  workEntry,
} from "@/db/schema";
import type { TeamRole } from "@/server/auth/permissions";
import type { Interval } from "@/server/domain/time";
import { FOREVER } from "@/server/domain/membership/clip-to-membership";

/** Membership rows that still give access: not removed. Removals take effect on a date no later than today. */
export const currentMembership = isNull(teamMember.removedFrom);

/**
 * Makes the person a member of the team with these roles from `now`. Roles are added to a current membership; a
 * membership that was removed is kept as history (past_membership) and a new one begins.
 */
export async function joinTeam(
  db: Db,
  teamId: string,
  personId: string,
  roles: readonly TeamRole[],
  now: Date,
): Promise<void> {
  const rows = await db
    .select()
    .from(teamMember)
    .where(and(eq(teamMember.teamId, teamId), eq(teamMember.personId, personId)));
  const current = rows.find((row) => row.removedFrom === null);
  const ended = rows.find((row) => row.removedFrom !== null);
  if (!current && ended?.removedFrom) {
    await db
      .insert(pastMembership)
      .values({ teamId, personId, startsAt: ended.memberSince, endsAt: ended.removedFrom });
    await db.delete(teamMember).where(and(eq(teamMember.teamId, teamId), eq(teamMember.personId, personId)));
  }
  const memberSince = current ? current.memberSince : now;
  await db
    .insert(teamMember)
    .values(roles.map((role) => ({ teamId, personId, role, memberSince })))
    .onConflictDoNothing();
}

/** The windows in which each person was a member of the team, past ones included. */
export async function membershipWindows(
  db: Db,
  teamId: string,
  personIds: readonly string[],
): Promise<Map<string, Interval[]>> {
  const windows = new Map<string, Interval[]>();
  if (personIds.length === 0) return windows;
  const ids = sql.join(
    [...new Set(personIds)].map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const current = await db
    .selectDistinct({ personId: teamMember.personId, since: teamMember.memberSince, until: teamMember.removedFrom })
    .from(teamMember)
    .where(and(eq(teamMember.teamId, teamId), sql`${teamMember.personId} in (${ids})`));
  const past = await db
    .select({ personId: pastMembership.personId, since: pastMembership.startsAt, until: pastMembership.endsAt })
    .from(pastMembership)
    .where(and(eq(pastMembership.teamId, teamId), sql`${pastMembership.personId} in (${ids})`));
  for (const row of [...current, ...past]) {
    const window = { start: row.since?.getTime() ?? FOREVER.start, end: row.until?.getTime() ?? FOREVER.end };
    windows.set(row.personId, [...(windows.get(row.personId) ?? []), window]);
  }
  return windows;
}

/**
 * Whether a person counts in a team's figures at all: once they have an account, or anything was recorded for them
 * (logged time, shifts, interrupts). Someone invited who never signed up and has nothing recorded does not.
 */
export const countsInFigures = sql<boolean>`(${isNotNull(person.userId)}
  or exists (select 1 from ${workEntry} where ${workEntry.personId} = ${person.id})
  or exists (select 1 from ${shiftRecord} where ${shiftRecord.personId} = ${person.id})
  or exists (select 1 from ${rotationParticipant} where ${rotationParticipant.personId} = ${person.id})
  or exists (select 1 from ${interrupt} where ${interrupt.assigneeId} = ${person.id}))`;
