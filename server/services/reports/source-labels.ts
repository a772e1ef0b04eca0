import "server-only";
import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { service, toilTemplate } from "@/db/schema";
import type { SourceKind } from "./source-totals";

const NONE: Record<SourceKind, string> = { template: "No template", service: "No service", alert: "Not from an alert" };

/** A name per source key: the template's or service's name (removed ones too), the alert name itself. */
export async function sourceLabels(
  db: Db,
  kind: SourceKind,
  keys: ReadonlyArray<string | null>,
): Promise<(key: string | null) => string> {
  const ids = [...new Set(keys.flatMap((key) => (key !== null && isUuid(key) ? [key] : [])))];
  const names = new Map<string, string>();
  if (kind !== "alert" && ids.length > 0) {
    const table = kind === "template" ? toilTemplate : service;
    for (const row of await db.select({ id: table.id, name: table.name }).from(table).where(inArray(table.id, ids)))
      names.set(row.id, row.name);
  }
  return (key) => (key === null ? NONE[kind] : kind === "alert" ? key : (names.get(key) ?? `Unknown ${kind}`));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isUuid(value: string): boolean {
  return UUID.test(value);
}
