import { and, asc, eq, gt, inArray, isNull, lt } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { absence, person, rotationOverride, teamMember } from "@/db/schema";
import type { Absence, Interval, Override } from "@/server/domain/rotations";
import { DEFAULT_WORK_PATTERN, type WorkPattern } from "@/server/domain/time";
import { DomainError } from "../errors";

/** Covers that are not removed, per rotation, as the domain reads them. */
export async function overridesOf(db: Db, rotationIds: readonly string[]): Promise<Map<string, Override[]>> {
  const byRotation = new Map<string, Override[]>(rotationIds.map((id) => [id, []]));
  if (rotationIds.length === 0) return byRotation;
  const rows = await db
    .select()
    .from(rotationOverride)
    .where(and(inArray(rotationOverride.rotationId, [...rotationIds]), isNull(rotationOverride.deletedAt)))
    .orderBy(asc(rotationOverride.startsAt));
  for (const row of rows) {
    byRotation.get(row.rotationId)?.push({
      id: row.id,
      personId: row.personId,
      replacesPersonId: row.replacesPersonId,
      start: row.startsAt.getTime(),
      end: row.endsAt.getTime(),
    });
  }
  return byRotation;
}

/**
 * The window widened by `days` on both sides, on the UTC calendar: leave just outside a window still matters
 * (fair fill judges whole turns, which run past it).
 */
export function widened(window: Interval, days: number): Interval {
  return {
    start: DateTime.fromMillis(window.start, { zone: "utc" }).minus({ days }).toMillis(),
    end: DateTime.fromMillis(window.end, { zone: "utc" }).plus({ days }).toMillis(),
  };
}

/** Absences of these people that overlap the window. */
export async function absencesOf(db: Db, personIds: readonly string[], window: Interval): Promise<Absence[]> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return [];
  const rows = await db
    .select({ personId: absence.personId, startsAt: absence.startsAt, endsAt: absence.endsAt })
    .from(absence)
    .where(
      and(
        inArray(absence.personId, ids),
        isNull(absence.deletedAt),
        lt(absence.startsAt, new Date(window.end)),
        gt(absence.endsAt, new Date(window.start)),
      ),
    );
  return rows.map((row) => ({ personId: row.personId, start: row.startsAt.getTime(), end: row.endsAt.getTime() }));
}

export interface PersonFacts {
  personId: string;
  name: string;
  timeZone: string;
  workPattern: WorkPattern;
}

/** Name, zone and work pattern per person id; removed people keep their name so history still reads. */
export async function peopleByIds(db: Db, personIds: readonly string[]): Promise<Map<string, PersonFacts>> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(person).where(inArray(person.id, ids));
  return new Map(
    rows.map((row) => [
      row.id,
      {
        personId: row.id,
        name: row.name,
        timeZone: row.timeZone,
        workPattern:
          row.workDays.length > 0
            ? { days: row.workDays, startMinute: row.workStartMinute, endMinute: row.workEndMinute }
            : DEFAULT_WORK_PATTERN,
      },
    ]),
  );
}

export function nameOf(people: ReadonlyMap<string, PersonFacts>, personId: string): string {
  return people.get(personId)?.name ?? "Someone";
}

/** The members of the team among `personIds` (people removed from the organisation are not members). */
export async function membersAmong(db: Db, teamId: string, personIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ personId: teamMember.personId })
    .from(teamMember)
    .innerJoin(person, eq(person.id, teamMember.personId))
    .where(
      and(
        eq(teamMember.teamId, teamId),
        inArray(teamMember.personId, ids),
        isNull(teamMember.removedFrom),
        isNull(person.deletedAt),
      ),
    );
  return new Set(rows.map((row) => row.personId));
}

/** Refuses participants who are not members of the team, naming their place in the order. */
export async function assertParticipantsInTeam(db: Db, teamId: string, participants: readonly string[]): Promise<void> {
  const members = await membersAmong(db, teamId, participants);
  const outsiders = participants.flatMap((personId, index) => (members.has(personId) ? [] : [`#${index + 1}`]));
  if (outsiders.length === 0) return;
  const which = outsiders.length === 1 ? `Participant ${outsiders[0]} is` : `Participants ${outsiders.join(", ")} are`;
  throw new DomainError("invalid", `${which} not a member of this team.`, "participants");
}

/** Refuses a single person (a cover, a counterpart) who is not a member of the team. */
export async function assertMember(
  db: Db,
  teamId: string,
  personId: string,
  field: string,
  what: string,
): Promise<void> {
  const members = await membersAmong(db, teamId, [personId]);
  if (!members.has(personId)) throw new DomainError("invalid", `The ${what} must be a member of this team.`, field);
}
