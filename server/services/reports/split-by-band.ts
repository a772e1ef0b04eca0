import "server-only";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { interrupt, workEntry } from "@/db/schema";
import {
  bandOf,
  clipIntervals,
  MINUTE_MS,
  splitByBand,
  subtractIntervals,
  totalMs,
  workPatternIntervals,
  type Interval,
  type TimeBand,
} from "@/server/domain/time";
import { absencesOf } from "../rotations/rotation-facts";
import { loadProfiles } from "../share/people-facts";

type InterruptRow = typeof interrupt.$inferSelect;

export const BANDS: readonly TimeBand[] = ["business", "off-hours", "sleep"];

/** Interrupts and the time spent on them in one band of the day (rule 9), each on its own person's clock. */
export interface BandLoad {
  band: TimeBand;
  /** Interrupts opened in this band on their assignee's clock. */
  interrupts: number;
  pages: number;
  tickets: number;
  requests: number;
  /** Minutes of toil entries linked to the team's interrupts in this band, on the clock of whoever logged them. */
  minutes: number;
}

export interface BandSplit {
  bands: BandLoad[];
  /** Interrupts without an assignee: nobody's clock to place them on. */
  unassigned: number;
}

/**
 * Interrupts opened in `window` (already loaded) by the band of the day they reached their assignee in, and the
 * interrupt time logged in `window` by band. "Business" is the person's scheduled time (work pattern less absences).
 */
export async function splitInterruptsByBand(
  db: Db,
  teamId: string,
  opened: readonly InterruptRow[],
  window: Interval,
): Promise<BandSplit> {
  const entries = await db
    .select({ personId: workEntry.personId, startsAt: workEntry.startsAt, minutes: workEntry.minutes })
    .from(workEntry)
    .innerJoin(interrupt, eq(interrupt.id, workEntry.interruptId))
    .where(
      and(
        eq(interrupt.teamId, teamId),
        isNull(workEntry.deletedAt),
        eq(workEntry.category, "toil"),
        lt(workEntry.startsAt, new Date(window.end)),
        sql`${workEntry.startsAt} + make_interval(mins => ${workEntry.minutes}) > ${new Date(window.start).toISOString()}::timestamptz`,
      ),
    );
  const assignees = opened.flatMap((row) => (row.assigneeId ? [row.assigneeId] : []));
  const people = [...new Set([...assignees, ...entries.map((e) => e.personId)])];
  const scheduled = await scheduledTime(db, people, window);

  const bands = new Map<TimeBand, BandLoad>(
    BANDS.map((band) => [band, { band, interrupts: 0, pages: 0, tickets: 0, requests: 0, minutes: 0 }]),
  );
  for (const row of opened) {
    const own = row.assigneeId ? scheduled.get(row.assigneeId) : undefined;
    if (!own) continue;
    const load = bands.get(bandOf(row.openedAt.getTime(), own.timeZone, own.intervals));
    if (!load) continue;
    load.interrupts += 1;
    if (row.kind === "page") load.pages += 1;
    else if (row.kind === "ticket") load.tickets += 1;
    else load.requests += 1;
  }
  for (const personId of people) {
    const own = scheduled.get(personId);
    if (!own) continue;
    const time = clipIntervals(
      entries
        .filter((e) => e.personId === personId)
        .map((e) => ({ start: e.startsAt.getTime(), end: e.startsAt.getTime() + e.minutes * MINUTE_MS })),
      window,
    );
    const split = splitByBand(time, own.timeZone, own.intervals);
    for (const band of BANDS) {
      const load = bands.get(band);
      if (load) load.minutes += totalMs(split[band]) / MINUTE_MS;
    }
  }
  return { bands: [...bands.values()], unassigned: opened.filter((row) => !row.assigneeId).length };
}

/** Each person's zone and scheduled time in the window (rule 1). */
async function scheduledTime(db: Db, personIds: readonly string[], window: Interval) {
  const profiles = await loadProfiles(db, personIds);
  const absences = await absencesOf(db, personIds, window);
  return new Map(
    [...profiles.values()].map((p) => [
      p.personId,
      {
        timeZone: p.timeZone,
        intervals: subtractIntervals(
          workPatternIntervals(p.workPattern, p.timeZone, window),
          absences.filter((a) => a.personId === p.personId),
        ),
      },
    ]),
  );
}
