import "server-only";
import { router, signedInProcedure, teamMemberProcedure } from "@/server/trpc/init";
import { teamScoped } from "@/server/schemas/common";
import {
  createTemplateInput,
  entryIdInput,
  logFromTemplateInput,
  templateFromEntryInput,
} from "@/server/schemas/work-log";
import { createTemplate } from "@/server/services/work-log/templates/create-template";
import { listTemplates } from "@/server/services/work-log/templates/list-templates";
import { logFromTemplate } from "@/server/services/work-log/templates/log-from-template";
import { removeTemplate } from "@/server/services/work-log/templates/remove-template";
import { templateFromEntry } from "@/server/services/work-log/templates/template-from-entry";

export const templatesRouter = router({
  list: teamMemberProcedure.input(teamScoped({})).query(({ ctx, input }) => listTemplates(ctx.db, input.teamId)),
  create: teamMemberProcedure
    .input(createTemplateInput)
    .mutation(({ ctx, input }) => createTemplate(ctx.db, ctx.viewer, input)),
  createFromEntry: signedInProcedure
    .input(templateFromEntryInput)
    .mutation(({ ctx, input }) => templateFromEntry(ctx.db, ctx.viewer, input)),
  logFromTemplate: signedInProcedure
    .input(logFromTemplateInput)
    .meta({ movesShares: "caller" })
    .mutation(({ ctx, input }) => logFromTemplate(ctx.db, ctx.viewer, input, ctx.now())),
  remove: signedInProcedure
    .input(entryIdInput)
    .mutation(({ ctx, input }) => removeTemplate(ctx.db, ctx.viewer, input, ctx.now())),
});
