import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { interrupt, service, toilTemplate } from "@/db/schema";
import { DomainError } from "../errors";

export interface EntryReferenceIds {
  serviceId?: string | null;
  templateId?: string | null;
  interruptId?: string | null;
}

export interface EntryReferences {
  service: typeof service.$inferSelect | null;
  template: typeof toilTemplate.$inferSelect | null;
  interrupt: typeof interrupt.$inferSelect | null;
}

/**
 * Loads the service, template and interrupt an entry points at. Each must exist, not be deleted and
 * belong to the entry's team; another team's row is reported as unknown, like a row that does not exist.
 */
export async function loadReferences(db: Db, teamId: string, ids: EntryReferenceIds): Promise<EntryReferences> {
  return {
    service: ids.serviceId ? await teamService(db, teamId, ids.serviceId) : null,
    template: ids.templateId ? await teamTemplate(db, teamId, ids.templateId) : null,
    interrupt: ids.interruptId ? await teamInterrupt(db, teamId, ids.interruptId) : null,
  };
}

export async function teamService(db: Db, teamId: string, id: string) {
  const [row] = await db
    .select()
    .from(service)
    .where(and(eq(service.id, id), eq(service.teamId, teamId), isNull(service.deletedAt)));
  if (!row) throw new DomainError("invalid", "Unknown service.", "serviceId");
  return row;
}

export async function teamTemplate(db: Db, teamId: string, id: string) {
  const [row] = await db
    .select()
    .from(toilTemplate)
    .where(and(eq(toilTemplate.id, id), eq(toilTemplate.teamId, teamId), isNull(toilTemplate.deletedAt)));
  if (!row) throw new DomainError("invalid", "Unknown template.", "templateId");
  return row;
}

export async function teamInterrupt(db: Db, teamId: string, id: string) {
  const [row] = await db
    .select()
    .from(interrupt)
    .where(and(eq(interrupt.id, id), eq(interrupt.teamId, teamId), isNull(interrupt.deletedAt)));
  if (!row) throw new DomainError("invalid", "Unknown interrupt.", "interruptId");
  return row;
}
