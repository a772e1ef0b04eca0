import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { workEntry } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import type { EntryCategory } from "@/server/domain/accounting";
import type { ToilTraits } from "@/server/schemas/work-log";
import { insertWithAudit } from "../audit";
import { entryView, type EntryRow, type EntryView } from "./entry-view";
import { endAfter, requireEndedBy } from "./entry-time";
import { loadReferences } from "./references";
import { teamForOwnWork } from "./team-access";
import { entryTraits } from "./traits";

/** An entry of the caller's own work, with its time already resolved. */
export interface EntryDraft {
  /** Defaults to the caller's first team. */
  teamId?: string | null;
  summary: string;
  startsAt: Date;
  minutes: number;
  category: EntryCategory;
  traits?: ToilTraits;
  serviceId?: string | null;
  templateId?: string | null;
  interruptId?: string | null;
  link?: string | null;
  source: "manual" | "timer" | "template";
}

/**
 * Writes one entry for the caller after checking that it has ended, their team and what the entry points at.
 * The entry and its audit row are one statement; callers that write more run it inside their transaction.
 */
export async function insertEntry(tx: Db, viewer: Viewer, draft: EntryDraft, now: Date): Promise<EntryView> {
  requireEndedBy(endAfter(draft.startsAt, draft.minutes), now, "endsAt");
  const teamId = await teamForOwnWork(tx, viewer, draft.teamId);
  const refs = await loadReferences(tx, teamId, draft);
  // The whole row is known here, so it is neither returned nor read back: the view is built from it.
  const row: EntryRow = {
    id: randomUUID(),
    personId: viewer.personId,
    teamId,
    startsAt: draft.startsAt,
    minutes: draft.minutes,
    category: draft.category,
    ...entryTraits(draft.category, draft.traits, refs.template, refs.service),
    serviceId: refs.service?.id ?? null,
    templateId: refs.template?.id ?? null,
    interruptId: refs.interrupt?.id ?? null,
    summary: draft.summary,
    link: draft.link ?? null,
    source: draft.source,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  await insertWithAudit(tx, tx.insert(workEntry).values(row), {
    actorPersonId: viewer.personId,
    teamId,
    action: "work-entry.create",
    entityType: "work_entry",
    entityId: row.id,
    after: row,
  });
  return entryView(row, {
    serviceName: refs.service?.name ?? null,
    templateName: refs.template?.name ?? null,
    interruptSummary: refs.interrupt?.summary ?? null,
  });
}
