import "server-only";
import type { interrupt } from "@/db/schema";

type InterruptRow = typeof interrupt.$inferSelect;

/** Interrupts by kind, and how their review went (docs/accounting.md: mark which were actionable). */
export interface InterruptCounts {
  total: number;
  pages: number;
  tickets: number;
  requests: number;
  /** Pages marked as incidents. */
  incidents: number;
  actionable: number;
  notActionable: number;
  /** Not reviewed yet: neither actionable nor not. */
  unreviewed: number;
  /** Actionable over reviewed; null while none is reviewed. */
  actionableRatio: number | null;
}

export function countInterrupts(
  rows: ReadonlyArray<Pick<InterruptRow, "kind" | "isIncident" | "actionable">>,
): InterruptCounts {
  const count = (test: (row: (typeof rows)[number]) => boolean) => rows.filter(test).length;
  const actionable = count((r) => r.actionable === true);
  const notActionable = count((r) => r.actionable === false);
  return {
    total: rows.length,
    pages: count((r) => r.kind === "page"),
    tickets: count((r) => r.kind === "ticket"),
    requests: count((r) => r.kind === "request"),
    incidents: count((r) => r.kind === "page" && r.isIncident),
    actionable,
    notActionable,
    unreviewed: rows.length - actionable - notActionable,
    actionableRatio: actionable + notActionable > 0 ? actionable / (actionable + notActionable) : null,
  };
}
