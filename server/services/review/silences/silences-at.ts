import "server-only";
import { and, eq, gt, inArray, isNull, lte, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertSilence } from "@/db/schema";

export interface SilenceCandidate {
  alertName: string | null;
  startsAt: Date;
}

type SilenceRow = typeof alertSilence.$inferSelect;

/** Whether the silence covered an alert starting at `at`: set by then, not over, and not lifted before it. */
function covers(silence: SilenceRow, at: number): boolean {
  return (
    silence.createdAt.getTime() <= at &&
    at < silence.until.getTime() &&
    (silence.deletedAt === null || silence.deletedAt.getTime() > at)
  );
}

/**
 * The silence of the team covering each alert at its start, as a lookup by position in `alerts` (null where
 * none does). When several do, the one lasting longest. One query for the whole notification.
 */
export async function silencesAt(
  db: Db,
  teamId: string,
  alerts: readonly SilenceCandidate[],
): Promise<Array<string | null>> {
  const named = alerts.filter((alert) => alert.alertName);
  if (named.length === 0) return alerts.map(() => null);
  const names = [...new Set(named.flatMap((alert) => alert.alertName ?? []))];
  const starts = named.map((alert) => alert.startsAt.getTime());
  const earliest = new Date(Math.min(...starts));
  const rows = await db
    .select()
    .from(alertSilence)
    .where(
      and(
        eq(alertSilence.teamId, teamId),
        inArray(alertSilence.alertName, names),
        lte(alertSilence.createdAt, new Date(Math.max(...starts))),
        gt(alertSilence.until, earliest),
        or(isNull(alertSilence.deletedAt), gt(alertSilence.deletedAt, earliest)),
      ),
    );
  return alerts.map((alert) => {
    const at = alert.startsAt.getTime();
    const covering = rows.filter((row) => row.alertName === alert.alertName && covers(row, at));
    const longest = covering.reduce<SilenceRow | null>(
      (best, row) => (!best || row.until > best.until ? row : best),
      null,
    );
    return longest?.id ?? null;
  });
}
