import type { workEntry } from "@/db/schema";
import { MINUTE_MS } from "./calendar";
import type { ToilTraits } from "./traits";

export type WorkEntryRow = typeof workEntry.$inferInsert;
export type EntrySource = "manual" | "timer" | "template" | "capture" | "import";

export interface EntryDraft {
  personId: string;
  teamId: string;
  /** Epoch ms. */
  start: number;
  minutes: number;
  category: "toil" | "overhead";
  traits: ToilTraits;
  summary: string;
  source: EntrySource;
  serviceId?: string | null;
  templateId?: string | null;
  interruptId?: string | null;
}

/** Logged when the work was done, so the row was written at its end. */
export function entryRow(draft: EntryDraft): WorkEntryRow {
  const loggedAt = new Date(draft.start + draft.minutes * MINUTE_MS);
  return {
    personId: draft.personId,
    teamId: draft.teamId,
    startsAt: new Date(draft.start),
    minutes: draft.minutes,
    category: draft.category,
    ...draft.traits,
    serviceId: draft.serviceId ?? null,
    templateId: draft.templateId ?? null,
    interruptId: draft.interruptId ?? null,
    summary: draft.summary,
    source: draft.source,
    createdAt: loggedAt,
    updatedAt: loggedAt,
  };
}

/** Minutes as people log them: whole five-minute steps, within the 10 to 120 a single entry spans. */
export function loggedMinutes(raw: number, min = 10, max = 120): number {
  return Math.min(max, Math.max(min, Math.round(raw / 5) * 5));
}
