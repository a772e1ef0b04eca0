import { and, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { interrupt, workEntry } from "@/db/schema";
import type { AckedWrites } from "./load-run";

const CHUNK = 1000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let from = 0; from < items.length; from += CHUNK) out.push(items.slice(from, from + CHUNK));
  return out;
}

/** Acknowledged writes the database does not hold (as acknowledged): entries by id and summary, pages by fingerprint. */
export async function missingWrites(db: Db, acked: AckedWrites): Promise<{ entries: string[]; alerts: string[] }> {
  const stored = new Map<string, string>();
  for (const part of chunks(acked.entries)) {
    const rows = await db
      .select({ id: workEntry.id, summary: workEntry.summary })
      .from(workEntry)
      .where(
        and(
          inArray(
            workEntry.id,
            part.map((e) => e.id),
          ),
          isNull(workEntry.deletedAt),
        ),
      );
    for (const row of rows) stored.set(row.id, row.summary);
  }
  const pages = new Set<string>();
  for (const part of chunks(acked.alerts)) {
    const rows = await db
      .select({ fingerprint: interrupt.alertFingerprint })
      .from(interrupt)
      .where(inArray(interrupt.alertFingerprint, part));
    for (const row of rows) if (row.fingerprint) pages.add(row.fingerprint);
  }
  return {
    entries: acked.entries.filter((e) => stored.get(e.id) !== e.summary).map((e) => e.id),
    alerts: acked.alerts.filter((fingerprint) => !pages.has(fingerprint)),
  };
}
