import "server-only";
import { asc, eq, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { interrupt, service, toilTemplate, workEntry } from "@/db/schema";
import { DomainError } from "../errors";
import type { ToilTraits } from "@/server/schemas/work-log";
import { endAfter } from "./entry-time";
import { traitsOf } from "./traits";

export type EntryRow = typeof workEntry.$inferSelect;

/** A work entry as the engineer sees it: its own fields plus the names of what it points at. */
export interface EntryView {
  id: string;
  personId: string;
  teamId: string;
  startsAt: Date;
  endsAt: Date;
  minutes: number;
  category: EntryRow["category"];
  traits: ToilTraits;
  summary: string;
  link: string | null;
  source: EntryRow["source"];
  serviceId: string | null;
  serviceName: string | null;
  templateId: string | null;
  templateName: string | null;
  interruptId: string | null;
  interruptSummary: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Entries matching `where`, oldest first, with their service, template and interrupt names. */
export async function loadEntryViews(db: Db, where: SQL | undefined): Promise<EntryView[]> {
  const rows = await db
    .select({
      entry: workEntry,
      serviceName: service.name,
      templateName: toilTemplate.name,
      interruptSummary: interrupt.summary,
    })
    .from(workEntry)
    .leftJoin(service, eq(service.id, workEntry.serviceId))
    .leftJoin(toilTemplate, eq(toilTemplate.id, workEntry.templateId))
    .leftJoin(interrupt, eq(interrupt.id, workEntry.interruptId))
    .where(where)
    .orderBy(asc(workEntry.startsAt), asc(workEntry.createdAt));
  return rows.map(({ entry, ...names }) => entryView(entry, names));
}

export async function loadEntryView(db: Db, id: string): Promise<EntryView> {
  const [view] = await loadEntryViews(db, eq(workEntry.id, id));
  if (!view) throw new DomainError("not-found", "No such entry.", "id");
  return view;
}

export function entryView(
  entry: EntryRow,
  names: { serviceName: string | null; templateName: string | null; interruptSummary: string | null },
): EntryView {
  return {
    id: entry.id,
    personId: entry.personId,
    teamId: entry.teamId,
    startsAt: entry.startsAt,
    endsAt: endAfter(entry.startsAt, entry.minutes),
    minutes: entry.minutes,
    category: entry.category,
    traits: traitsOf(entry),
    summary: entry.summary,
    link: entry.link,
    source: entry.source,
    serviceId: entry.serviceId,
    serviceName: names.serviceName,
    templateId: entry.templateId,
    templateName: names.templateName,
    interruptId: entry.interruptId,
    interruptSummary: names.interruptSummary,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
  };
}
