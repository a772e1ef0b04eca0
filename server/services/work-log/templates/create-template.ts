import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Viewer } from "@/server/auth/permissions";
import type { createTemplateInput } from "@/server/schemas/work-log";
import { teamService } from "../references";
import { requireTeamMember } from "../team-access";
import { insertTemplate } from "./insert-template";

export type CreateTemplateInput = z.output<typeof createTemplateInput>;

export async function createTemplate(db: Db, viewer: Viewer, input: CreateTemplateInput) {
  return db.transaction(async (tx) => {
    await requireTeamMember(tx, viewer, input.teamId);
    const service = input.serviceId ? await teamService(tx, input.teamId, input.serviceId) : null;
    return insertTemplate(tx, viewer, {
      teamId: input.teamId,
      name: input.name,
      serviceId: service?.id ?? null,
      defaultMinutes: input.duration,
      category: input.category,
      traits: input.traits,
    });
  });
}
