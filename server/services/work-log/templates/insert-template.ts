import "server-only";
import type { Db } from "@/db/client";
import { toilTemplate } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import type { EntryCategory } from "@/server/domain/accounting";
import type { ToilTraits } from "@/server/schemas/work-log";
import { recordAudit } from "../../audit";
import { entryTraits } from "../traits";
import { loadTemplateView, type TemplateView } from "./template-view";
import { assertReturned } from "@/server/services/returned-row";

export interface TemplateDraft {
  teamId: string;
  name: string;
  serviceId: string | null;
  defaultMinutes: number;
  category: EntryCategory;
  traits: ToilTraits;
}

/** Writes a template the caller may create (checked by the caller), with its audit row. */
export async function insertTemplate(tx: Db, viewer: Viewer, draft: TemplateDraft): Promise<TemplateView> {
  const [row] = await tx
    .insert(toilTemplate)
    .values({
      teamId: draft.teamId,
      name: draft.name,
      serviceId: draft.serviceId,
      defaultMinutes: draft.defaultMinutes,
      category: draft.category,
      ...entryTraits(draft.category, draft.traits, null, null),
      createdById: viewer.personId,
    })
    .returning();
  assertReturned(row, "toil_template insert");
  await recordAudit(tx, {
    actorPersonId: viewer.personId,
    teamId: row.teamId,
    action: "template.create",
    entityType: "toil_template",
    entityId: row.id,
    after: row,
  });
  return loadTemplateView(tx, row.id);
}
