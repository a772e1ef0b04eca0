import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { mayActInTeam, TEAM_ROLES, type Viewer } from "@/server/auth/permissions";
import type { logFromTemplateInput } from "@/server/schemas/work-log";
import { DomainError } from "../../errors";
import { startBefore } from "../entry-time";
import { insertEntry } from "../insert-entry";
import { traitsOf } from "../traits";
import { liveTemplate } from "./live-template";

export type LogFromTemplateInput = z.output<typeof logFromTemplateInput>;

/** One action: an entry with the template's name, service, category, traits and usual duration, ending now. */
export async function logFromTemplate(db: Db, viewer: Viewer, input: LogFromTemplateInput, now: Date) {
  return db.transaction(async (tx) => {
    const template = await liveTemplate(tx, input.templateId);
    if (!template) throw new DomainError("invalid", "Unknown template.", "templateId");
    if (!mayActInTeam(viewer, template.teamId, TEAM_ROLES)) {
      throw new DomainError("forbidden", "This template belongs to another team.", "templateId");
    }
    const minutes = input.duration ?? template.defaultMinutes;
    return insertEntry(
      tx,
      viewer,
      {
        teamId: template.teamId,
        summary: template.name,
        startsAt: startBefore(input.endsAt ?? now, minutes),
        minutes,
        category: template.category,
        traits: traitsOf(template),
        serviceId: template.serviceId,
        templateId: template.id,
        source: "template",
      },
      now,
    );
  });
}
