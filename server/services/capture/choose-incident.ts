import "server-only";
import { and, asc, eq, isNull, lte, sql } from "drizzle-orm";
import { Duration } from "luxon";
import type { Db } from "@/db/client";
import { interrupt } from "@/db/schema";
import type { AlertSignal } from "./alert-signal";

type InterruptRow = typeof interrupt.$inferSelect;

/**
 * How long an alert with no resolved notification still counts as open when grouping. Without a bound, one lost
 * "resolved" would glue every later firing of the group into one incident; an incident takes about 6 hours.
 */
const OPEN_ALERT_HORIZON = Duration.fromObject({ hours: 24 });
export const OPEN_ALERT_HORIZON_MS = OPEN_ALERT_HORIZON.toMillis();
const OPEN_INTERVAL = sql.raw(`interval '${OPEN_ALERT_HORIZON.as("hours")} hours'`);

/** When the alert stopped firing, or the horizon after its start while it is still firing. */
function endOf(alert: AlertSignal): number {
  return alert.status === "resolved" && alert.endsAt
    ? alert.endsAt.getTime()
    : alert.startsAt.getTime() + OPEN_ALERT_HORIZON_MS;
}

/**
 * The incident a notification's new alerts join, or null when they start a new one. Alerts of one group form one
 * incident: the incident of an alert of this notification already stored, else that of an alert of the same
 * group (same group key) whose firing overlaps the new ones'. Group keys repeat whenever the group fires again,
 * so overlap, not the key alone, tells one episode from the next.
 */
export async function chooseIncident(
  db: Db,
  teamId: string,
  groupKey: string,
  stored: readonly InterruptRow[],
  fresh: readonly AlertSignal[],
): Promise<string | null> {
  const known = [...stored].sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime())[0];
  if (known) return known.incidentId ?? known.id;
  if (fresh.length === 0) return null;
  const from = new Date(Math.min(...fresh.map((alert) => alert.startsAt.getTime())));
  const to = new Date(Math.max(...fresh.map(endOf)));
  const [overlapping] = await db
    .select({ id: interrupt.id, incidentId: interrupt.incidentId })
    .from(interrupt)
    .where(
      and(
        eq(interrupt.teamId, teamId),
        eq(interrupt.groupKey, groupKey),
        isNull(interrupt.deletedAt),
        lte(interrupt.openedAt, to),
        sql`coalesce(${interrupt.resolvedAt}, ${interrupt.openedAt} + ${OPEN_INTERVAL}) >= ${from.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(interrupt.openedAt), asc(interrupt.id))
    .limit(1);
  return overlapping ? (overlapping.incidentId ?? overlapping.id) : null;
}
