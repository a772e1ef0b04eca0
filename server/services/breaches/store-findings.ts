import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { capBreach } from "@/db/schema";
import type { CapFinding } from "@/server/domain/breaches";
import type { Interval } from "@/server/domain/time";
import type { BreachTeam } from "./team-engineers";

export type StoredBreach = typeof capBreach.$inferSelect;

/** One engineer's finding in their own running period. */
export interface PersonFinding extends CapFinding {
  personId: string;
  period: Interval;
}

export interface StoredFindings {
  /** Rows this call inserted: the only ones it may notify about. */
  detected: StoredBreach[];
  /** Projected breaches this call found to be actual now (updated, not notified again). */
  confirmed: StoredBreach[];
}

const keyOf = (personId: string, kind: string, periodStart: number) => `${personId}\u0000${kind}\u0000${periodStart}`;

/**
 * Stores each finding once: insert ... on conflict do nothing on (team, person, cap, period start), so of any
 * number of concurrent checks on any number of app servers exactly one inserts the row, and only it notifies.
 * An actual finding where a projected row exists turns that row actual (projected = false, today's share).
 */
export async function storeFindings(
  db: Db,
  team: BreachTeam,
  findings: readonly PersonFinding[],
  now: Date,
): Promise<StoredFindings> {
  if (findings.length === 0) return { detected: [], confirmed: [] };
  return db.transaction(async (tx) => {
    const detected = await tx
      .insert(capBreach)
      .values(
        findings.map((f) => ({
          teamId: team.id,
          personId: f.personId,
          kind: f.kind,
          periodStart: new Date(f.period.start),
          periodEnd: new Date(f.period.end),
          share: f.share,
          cap: f.cap,
          projected: f.projected,
          detectedAt: now,
          deliveryStatus: team.webhookUrl ? ("pending" as const) : ("none" as const),
        })),
      )
      .onConflictDoNothing({ target: [capBreach.teamId, capBreach.personId, capBreach.kind, capBreach.periodStart] })
      .returning();
    const inserted = new Set(detected.map((row) => keyOf(row.personId, row.kind, row.periodStart.getTime())));
    const confirmed: StoredBreach[] = [];
    for (const f of findings) {
      if (f.projected || inserted.has(keyOf(f.personId, f.kind, f.period.start))) continue;
      const rows = await tx
        .update(capBreach)
        .set({ projected: false, share: f.share })
        .where(
          and(
            eq(capBreach.teamId, team.id),
            eq(capBreach.personId, f.personId),
            eq(capBreach.kind, f.kind),
            eq(capBreach.periodStart, new Date(f.period.start)),
            eq(capBreach.projected, true),
          ),
        )
        .returning();
      confirmed.push(...rows);
    }
    return { detected, confirmed };
  });
}
