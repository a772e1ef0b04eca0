import "server-only";
import { and, asc, eq, gte, lt } from "drizzle-orm";
import { DateTime, Duration } from "luxon";
import type { Db } from "@/db/client";
import { capBreach, person } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { loadBreachViews, type BreachView } from "./breach-view";
import { requireTeamManager } from "./manager-access";

export interface TeamBreaches {
  /** "2025-03": the month asked for. */
  month: string;
  breaches: BreachView[];
}

// A month starts within this of the same month's start in UTC (offsets run from -12 to +14 hours).
const ZONE_SLACK = Duration.fromObject({ hours: 15 }).toMillis();

/**
 * The team's breaches in one calendar month on the team's wall clock (breach periods are the team's months,
 * docs/accounting.md "Periods", whatever the engineer's or the viewer's zone), with their delivery status, by
 * engineer. For the team's managers and admins of its organisation.
 */
export async function teamBreaches(
  db: Db,
  viewer: Viewer,
  input: { teamId: string; month?: string | undefined },
  now: Date,
): Promise<TeamBreaches> {
  const team = await requireTeamManager(db, viewer, input.teamId);
  const month = input.month ?? DateTime.fromJSDate(now, { zone: team.timeZone }).toFormat("yyyy-MM");
  const start = DateTime.fromISO(`${month}-01`, { zone: "UTC" }).toMillis();
  const rows = await loadBreachViews(
    db,
    and(
      eq(capBreach.teamId, input.teamId),
      gte(capBreach.periodStart, new Date(start - ZONE_SLACK)),
      lt(capBreach.periodStart, new Date(start + ZONE_SLACK)),
    ),
    [asc(person.name), asc(capBreach.personId), asc(capBreach.kind)],
  );
  const breaches = rows.filter(
    (row) => DateTime.fromJSDate(row.periodStart, { zone: team.timeZone }).toFormat("yyyy-MM") === month,
  );
  return { month, breaches };
}
