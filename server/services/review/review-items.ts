import "server-only";
import type { interrupt } from "@/db/schema";
import { INTERRUPT_CAUSES, type InterruptCause } from "@/server/schemas/review";

type InterruptRow = typeof interrupt.$inferSelect;
type Severity = InterruptRow["severity"];

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/** A stored cause, read back into the fixed list (a value from elsewhere reads as unknown). */
export function causeOf(text: string | null): InterruptCause | null {
  if (text === null) return null;
  return INTERRUPT_CAUSES.find((cause) => cause === text) ?? "unknown";
}

/**
 * What the review goes through: a ticket or request on its own, or an incident's pages together (pages sharing
 * `incidentId`; a page without one is its own incident). Earliest first, and its pages earliest first.
 */
export function groupForReview(rows: readonly InterruptRow[]): InterruptRow[][] {
  const groups = new Map<string, InterruptRow[]>();
  const sorted = [...rows].sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || (a.id < b.id ? -1 : 1));
  for (const row of sorted) {
    const key = row.kind === "page" ? `incident:${row.incidentId ?? row.id}` : `single:${row.id}`;
    const group = groups.get(key) ?? [];
    group.push(row);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function worstSeverity(rows: readonly InterruptRow[]): Severity {
  return rows.reduce<Severity>(
    (worst, row) => (SEVERITY_RANK[row.severity] < SEVERITY_RANK[worst] ? row.severity : worst),
    "info",
  );
}

/** When the last of them was resolved; null while any is open. */
export function resolvedAtOf(rows: readonly InterruptRow[]): Date | null {
  if (rows.some((row) => row.resolvedAt === null)) return null;
  return new Date(Math.max(...rows.map((row) => row.resolvedAt?.getTime() ?? 0)));
}
