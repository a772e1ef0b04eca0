import "server-only";
import { plannerProcedure, router } from "@/server/trpc/init";
import { ticketImportInput } from "@/server/schemas/tickets";
import { commitTicketImport, previewTicketImport } from "@/server/services/capture/import-tickets";

/** Ticket and incident CSV imports of a team, by its planners and managers: preview first, then commit. */
export const ticketsRouter = router({
  preview: plannerProcedure
    .input(ticketImportInput)
    .mutation(({ ctx, input }) => previewTicketImport(ctx.db, ctx.viewer, input, ctx.now())),
  commit: plannerProcedure
    .input(ticketImportInput)
    .mutation(({ ctx, input }) => commitTicketImport(ctx.db, ctx.viewer, input, ctx.now())),
});
