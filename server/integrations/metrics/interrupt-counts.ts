import { and, count, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { interrupt } from "@/db/schema";

export interface InterruptCount {
  teamId: string;
  source: string;
  kind: "page" | "ticket" | "request";
  /** Null for interrupts logged by hand (nothing to confirm). */
  captureStatus: "captured" | "confirmed" | "dismissed" | null;
  /** Every row ever stored, removed ones included, so the sum over statuses only grows. */
  recorded: number;
  /** Rows not removed. */
  live: number;
}

/** Interrupts per team, source, kind and capture status, counted in the database. */
export async function interruptCounts(db: Db, teamIds: string[]): Promise<InterruptCount[]> {
  if (teamIds.length === 0) return [];
  const keys = {
    teamId: interrupt.teamId,
    source: interrupt.source,
    kind: interrupt.kind,
    captureStatus: interrupt.captureStatus,
  };
  const where = inArray(interrupt.teamId, teamIds);
  const [all, live] = await Promise.all([
    db
      .select({ ...keys, n: count() })
      .from(interrupt)
      .where(where)
      .groupBy(interrupt.teamId, interrupt.source, interrupt.kind, interrupt.captureStatus),
    db
      .select({ ...keys, n: count() })
      .from(interrupt)
      .where(and(where, isNull(interrupt.deletedAt)))
      .groupBy(interrupt.teamId, interrupt.source, interrupt.kind, interrupt.captureStatus),
  ]);
  const keyOf = (r: { teamId: string; source: string; kind: string; captureStatus: string | null }) =>
    `${r.teamId}\u0000${r.source}\u0000${r.kind}\u0000${r.captureStatus ?? ""}`;
  const liveByKey = new Map(live.map((r) => [keyOf(r), r.n]));
  return all.map((r) => ({
    teamId: r.teamId,
    source: r.source,
    kind: r.kind,
    captureStatus: r.captureStatus,
    recorded: r.n,
    live: liveByKey.get(keyOf(r)) ?? 0,
  }));
}
