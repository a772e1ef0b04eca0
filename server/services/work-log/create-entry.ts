import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Viewer } from "@/server/auth/permissions";
import type { createEntryInput } from "@/server/schemas/work-log";
import { insertEntry } from "./insert-entry";
import { startBefore } from "./entry-time";

export type CreateEntryInput = z.output<typeof createEntryInput>;

/**
 * Quick log: the work ended at `endsAt` (default now) and lasted `duration` minutes. Its only write is one
 * statement (entry and audit row), so it needs no transaction; the checks before it only read.
 */
export async function createEntry(db: Db, viewer: Viewer, input: CreateEntryInput, now: Date) {
  return insertEntry(
    db,
    viewer,
    {
      teamId: input.teamId,
      summary: input.summary,
      startsAt: startBefore(input.endsAt ?? now, input.duration),
      minutes: input.duration,
      category: input.category,
      traits: input.traits,
      serviceId: input.serviceId,
      templateId: input.templateId,
      interruptId: input.interruptId,
      link: input.link,
      source: input.templateId ? "template" : "manual",
    },
    now,
  );
}
