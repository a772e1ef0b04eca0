import "server-only";
import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { service, toilTemplate } from "@/db/schema";
import type { ToilTraits } from "@/server/schemas/work-log";
import { traitsOf } from "../traits";

type TemplateRow = typeof toilTemplate.$inferSelect;

export interface TemplateView {
  id: string;
  teamId: string;
  name: string;
  serviceId: string | null;
  serviceName: string | null;
  defaultMinutes: number;
  category: TemplateRow["category"];
  traits: ToilTraits;
  createdById: string | null;
}

/** Live templates matching `where`, by name, with their service's name. */
export async function loadTemplateViews(db: Db, where: SQL | undefined): Promise<TemplateView[]> {
  const rows = await db
    .select({ template: toilTemplate, serviceName: service.name })
    .from(toilTemplate)
    .leftJoin(service, eq(service.id, toilTemplate.serviceId))
    .where(and(where, isNull(toilTemplate.deletedAt)))
    .orderBy(asc(toilTemplate.name));
  return rows.map(({ template, serviceName }) => ({
    id: template.id,
    teamId: template.teamId,
    name: template.name,
    serviceId: template.serviceId,
    serviceName,
    defaultMinutes: template.defaultMinutes,
    category: template.category,
    traits: traitsOf(template),
    createdById: template.createdById,
  }));
}

export async function loadTemplateView(db: Db, id: string): Promise<TemplateView> {
  const [view] = await loadTemplateViews(db, eq(toilTemplate.id, id));
  if (!view) throw new Error(`template ${id} vanished inside its own transaction`);
  return view;
}
