import "server-only";
import { and, asc, eq, gte, inArray, isNull, lt, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { interrupt } from "@/db/schema";
import type { Interval } from "@/server/domain/time";
import { interruptView, type InterruptView } from "../interrupts/interrupt-view";
import type { EntryView } from "../work-log/entry-view";
import type { SourceKind } from "./source-totals";

/**
 * The team's interrupts behind a drill-down: those the listed entries were logged on, and those opened in the
 * window that belong to the bar or row without time logged on them (assigned to the person; fired by the alert).
 * `loggedMinutes` sums the listed entries on each.
 */
export async function drillInterrupts(
  db: Db,
  teamId: string,
  window: Interval,
  entries: readonly EntryView[],
  filter: { personId: string | null; source: { kind: SourceKind; key: string | null } | null },
): Promise<InterruptView[]> {
  const linked = [...new Set(entries.flatMap((e) => (e.teamId === teamId && e.interruptId ? [e.interruptId] : [])))];
  const byAlert =
    filter.source?.kind === "alert" && filter.source.key !== null
      ? eq(interrupt.alertName, filter.source.key)
      : undefined;
  const byPerson = filter.personId ? eq(interrupt.assigneeId, filter.personId) : undefined;
  // With no time logged, only the alert that fired (a source row) or the assignee (a person's bar) ties one in.
  const tiedUnlogged = filter.source ? byAlert !== undefined : byPerson !== undefined;
  const ties = [
    linked.length > 0 ? inArray(interrupt.id, linked) : undefined,
    tiedUnlogged
      ? and(
          gte(interrupt.openedAt, new Date(window.start)),
          lt(interrupt.openedAt, new Date(window.end)),
          byAlert,
          byPerson,
        )
      : undefined,
  ].filter((tie): tie is SQL => tie !== undefined);
  if (ties.length === 0) return [];
  const rows = await db
    .select()
    .from(interrupt)
    .where(and(eq(interrupt.teamId, teamId), isNull(interrupt.deletedAt), or(...ties)))
    .orderBy(asc(interrupt.openedAt));
  return rows.map((row) =>
    interruptView(
      row,
      entries.filter((e) => e.interruptId === row.id).reduce((sum, e) => sum + e.minutes, 0),
    ),
  );
}
