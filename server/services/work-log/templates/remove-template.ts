import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { toilTemplate } from "@/db/schema";
import { isManagerOf, type Viewer } from "@/server/auth/permissions";
import { recordAudit } from "../../audit";
import { DomainError } from "../../errors";
import { liveTemplate } from "./live-template";

/** Soft delete by its creator or a manager of its team; entries logged from it keep pointing at it. */
export async function removeTemplate(db: Db, viewer: Viewer, input: { id: string }, now: Date) {
  return db.transaction(async (tx) => {
    const template = await liveTemplate(tx, input.id);
    if (!template) throw new DomainError("not-found", "No such template.", "id");
    if (template.createdById !== viewer.personId && !isManagerOf(viewer, template.teamId)) {
      throw new DomainError(
        "forbidden",
        "Only whoever created this template or a manager of its team may delete it.",
        "id",
      );
    }
    await tx.update(toilTemplate).set({ deletedAt: now }).where(eq(toilTemplate.id, template.id));
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: template.teamId,
      action: "template.remove",
      entityType: "toil_template",
      entityId: template.id,
      before: { deletedAt: null },
      after: { deletedAt: now },
    });
    return { id: template.id };
  });
}
