import "server-only";
import { and, asc, eq, gt, isNull, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertSilence, person } from "@/db/schema";

type SilenceRow = typeof alertSilence.$inferSelect;

/** A silence as the review page shows it. */
export interface SilenceView {
  id: string;
  teamId: string;
  alertName: string;
  until: Date;
  fixUrl: string | null;
  reason: string | null;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
  /** Lifted (soft-deleted): shown only right after lifting, for its undo. */
  liftedAt: Date | null;
}

export function silenceView(row: SilenceRow, createdByName: string | null): SilenceView {
  return {
    id: row.id,
    teamId: row.teamId,
    alertName: row.alertName,
    until: row.until,
    fixUrl: row.fixUrl,
    reason: row.reason,
    createdAt: row.createdAt,
    createdBy: row.createdById ? { id: row.createdById, name: createdByName ?? "Someone" } : null,
    liftedAt: row.deletedAt,
  };
}

/** The team's silences not lifted and not yet over at `now` (matching `where`), by alert name. */
export async function activeSilences(db: Db, teamId: string, now: Date, where?: SQL): Promise<SilenceView[]> {
  const rows = await db
    .select({ silence: alertSilence, createdByName: person.name })
    .from(alertSilence)
    .leftJoin(person, eq(person.id, alertSilence.createdById))
    .where(and(eq(alertSilence.teamId, teamId), isNull(alertSilence.deletedAt), gt(alertSilence.until, now), where))
    .orderBy(asc(alertSilence.alertName), asc(alertSilence.createdAt), asc(alertSilence.id));
  return rows.map((row) => silenceView(row.silence, row.createdByName));
}

/** What the audit log keeps of a silence: the fields people set. */
export function auditedSilence(row: SilenceRow) {
  return {
    alertName: row.alertName,
    until: row.until,
    fixUrl: row.fixUrl,
    reason: row.reason,
    deletedAt: row.deletedAt,
  };
}
