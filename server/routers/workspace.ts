import "server-only";
import { adminProcedure, router } from "@/server/trpc/init";
import { exportWorkspaceInput, importWorkspaceInput } from "@/server/schemas/workspace";
import { exportWorkspace } from "@/server/services/workspace/export-workspace";
import { importWorkspace } from "@/server/services/workspace/import-workspace";

/** Administrators move whole teams in and out of their organisation. Export is a mutation: it records and audits. */
export const workspaceRouter = router({
  export: adminProcedure
    .input(exportWorkspaceInput)
    .mutation(({ ctx, input }) =>
      exportWorkspace(
        ctx.db,
        { teamId: input.teamId, organisationId: ctx.viewer.organisationId, actorPersonId: ctx.viewer.personId },
        ctx.now(),
      ),
    ),
  import: adminProcedure
    .input(importWorkspaceInput)
    .mutation(({ ctx, input }) =>
      importWorkspace(
        ctx.db,
        input.file,
        { teamName: input.teamName, organisationId: ctx.viewer.organisationId, actorPersonId: ctx.viewer.personId },
        ctx.now(),
      ),
    ),
});
