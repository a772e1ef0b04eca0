import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { MAX_SHIFT_COUNT } from "@/server/schemas/rotations";
import { person, personCalendarFeed, rotation, rotationCalendarFeed, team, teamMember } from "@/db/schema";
import { nameOf, peopleByIds } from "../rotation-facts";
import { activeRotations, type RotationRow } from "../rotation-rows";
import { shiftsInWindow } from "../window-shifts";
import { FEED_TOKEN_PATTERN, hashFeedToken } from "./feed-token";
import { buildIcs, type FeedEvent } from "./ics";

/** Recent history and the coming half year, as calendar apps show it. */
export const FEED_PAST_WEEKS = 4;
export const FEED_AHEAD_WEEKS = 26;

const ROLE_LABEL = {
  primary: "Primary on-call",
  secondary: "Secondary on-call",
  ticket: "Ticket duty",
  shadow: "Shadowing on-call",
} as const;

export interface CalendarFeedFile {
  ics: string;
  filename: string;
}

/** Shifts starting in the window are listed whole, so the expansion looks one longest shift past its end. */
function feedWindow(now: Date) {
  const at = DateTime.fromJSDate(now, { zone: "utc" });
  return {
    start: at.minus({ weeks: FEED_PAST_WEEKS }).toMillis(),
    end: at.plus({ weeks: FEED_AHEAD_WEEKS }).toMillis(),
    expandUntil: at.plus({ weeks: FEED_AHEAD_WEEKS + MAX_SHIFT_COUNT.weeks, days: 1 }).toMillis(),
  };
}

async function eventsOf(db: Db, rows: readonly RotationRow[], now: Date, onlyPersonId?: string): Promise<FeedEvent[]> {
  const window = feedWindow(now);
  const shifts = (await shiftsInWindow(db, rows, { start: window.start, end: window.expandUntil })).filter(
    (s) => s.start < window.end && (!onlyPersonId || s.personId === onlyPersonId),
  );
  const people = await peopleByIds(
    db,
    shifts.map((s) => s.personId),
  );
  const teamNames = new Map(
    (
      await db
        .select({ id: team.id, name: team.name })
        .from(team)
        .where(inArray(team.id, [...new Set(rows.map((r) => r.teamId))]))
    ).map((t) => [t.id, t.name]),
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return shifts.flatMap((shift) => {
    const row = byId.get(shift.rotationId);
    if (!row) return [];
    return [
      {
        rotationId: row.id,
        personId: shift.personId,
        start: shift.start,
        end: shift.end,
        timeZone: row.timeZone,
        summary: `${ROLE_LABEL[row.role]} — ${nameOf(people, shift.personId)}`,
        description: `${row.name}, ${teamNames.get(row.teamId) ?? "team"}${shift.source === "override" ? " (cover)" : ""}`,
      },
    ];
  });
}

async function rotationFeed(db: Db, row: RotationRow, now: Date): Promise<CalendarFeedFile> {
  const events = await eventsOf(db, [row], now);
  return {
    ics: buildIcs({
      name: `${row.name} (Toilcap)`,
      description: `Who holds ${row.name}`,
      timeZone: row.timeZone,
      events,
      now,
    }),
    filename: "rotation.ics",
  };
}

async function personFeed(
  db: Db,
  personId: string,
  timeZone: string,
  name: string,
  now: Date,
): Promise<CalendarFeedFile> {
  const teams = await db
    .selectDistinct({ teamId: teamMember.teamId })
    .from(teamMember)
    .innerJoin(team, eq(team.id, teamMember.teamId))
    .where(and(eq(teamMember.personId, personId), isNull(teamMember.removedFrom), isNull(team.deletedAt)));
  const rows = await activeRotations(
    db,
    teams.map((t) => t.teamId),
  );
  const events = await eventsOf(db, rows, now, personId);
  return {
    ics: buildIcs({
      name: `${name}'s shifts (Toilcap)`,
      description: `${name}'s on-call and duty shifts`,
      timeZone,
      events,
      now,
    }),
    filename: "my-shifts.ics",
  };
}

/** Whether the holder of a rotation feed may still read that rotation: a current member of its team, or an admin. */
async function mayStillRead(
  db: Db,
  holder: { personId: string; isAdmin: boolean; organisationId: string },
  row: RotationRow,
): Promise<boolean> {
  const [member] = await db
    .select({ teamId: teamMember.teamId })
    .from(teamMember)
    .where(
      and(eq(teamMember.teamId, row.teamId), eq(teamMember.personId, holder.personId), isNull(teamMember.removedFrom)),
    )
    .limit(1);
  if (member) return true;
  if (!holder.isAdmin) return false;
  const [inOrganisation] = await db
    .select({ id: team.id })
    .from(team)
    .where(and(eq(team.id, row.teamId), eq(team.organisationId, holder.organisationId)));
  return inOrganisation !== undefined;
}

const activeHolder = and(isNull(person.deletedAt), isNull(person.deactivatedAt));

/**
 * The feed a secret token opens, or null for a token that opens none: unknown or reset, its rotation removed, or
 * its holder deactivated or no longer in the rotation's team.
 */
export async function calendarFeed(db: Db, token: string, now: Date): Promise<CalendarFeedFile | null> {
  if (!FEED_TOKEN_PATTERN.test(token)) return null;
  const hash = hashFeedToken(token);
  const [held] = await db
    .select({ row: rotation, personId: person.id, isAdmin: person.isAdmin, organisationId: person.organisationId })
    .from(rotationCalendarFeed)
    .innerJoin(rotation, eq(rotation.id, rotationCalendarFeed.rotationId))
    .innerJoin(person, eq(person.id, rotationCalendarFeed.personId))
    .where(and(eq(rotationCalendarFeed.tokenHash, hash), isNull(rotation.deletedAt), activeHolder));
  if (held) return (await mayStillRead(db, held, held.row)) ? rotationFeed(db, held.row, now) : null;
  const [owner] = await db
    .select({ personId: person.id, timeZone: person.timeZone, name: person.name })
    .from(personCalendarFeed)
    .innerJoin(person, eq(person.id, personCalendarFeed.personId))
    .where(and(eq(personCalendarFeed.tokenHash, hash), activeHolder));
  return owner ? personFeed(db, owner.personId, owner.timeZone, owner.name, now) : null;
}
