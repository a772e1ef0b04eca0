import type { Db } from "@/db/client";
import { workEntry } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import type { EntryCategory } from "@/server/domain/accounting";
import type { ToilTraits } from "@/server/schemas/work-log";
import { recordAudit } from "../audit";
import { loadEntryView, type EntryView } from "./entry-view";
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
 * Writes one entry for the caller after checking their team and what the entry points at.
 * Runs inside the caller's transaction, with its audit row.
 */
export async function insertEntry(tx: Db, viewer: Viewer, draft: EntryDraft, now: Date): Promise<EntryView> {
  const teamId = await teamForOwnWork(tx, viewer, draft.teamId);
  const refs = await loadReferences(tx, teamId, draft);
  const [row] = await tx
    .insert(workEntry)
    .values({
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
    })
    .returning();
  if (!row) throw new Error("work_entry insert returned nothing");
  await recordAudit(tx, {
    actorPersonId: viewer.personId,
    teamId,
    action: "work-entry.create",
    entityType: "work_entry",
    entityId: row.id,
    after: row,
  });
  return loadEntryView(tx, row.id);
}
