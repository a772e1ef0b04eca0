import "server-only";
import { router, teamMemberProcedure } from "@/server/trpc/init";
import { handoffNoteInput, handoffsForMeInput, listHandoffsInput, saveHandoffInput } from "@/server/schemas/handoffs";
import { listRotationNotes } from "@/server/services/handoffs/list-notes";
import { handoffsForMe } from "@/server/services/handoffs/notes-for-me";
import { removeHandoffNote, restoreHandoffNote } from "@/server/services/handoffs/remove-note";
import { saveHandoffNote } from "@/server/services/handoffs/save-note";

/**
 * Hand-off notes from one on-call shift to the next. Members of the team read them; the services check
 * who may write (the shift's holder, or a planner or manager) and change (the author, or a planner or manager).
 */
export const handoffsRouter = router({
  forMe: teamMemberProcedure
    .input(handoffsForMeInput)
    .query(({ ctx, input }) => handoffsForMe(ctx.db, ctx.viewer, input, ctx.now())),
  list: teamMemberProcedure
    .input(listHandoffsInput)
    .query(({ ctx, input }) => listRotationNotes(ctx.db, ctx.viewer, input)),
  save: teamMemberProcedure
    .input(saveHandoffInput)
    .mutation(({ ctx, input }) => saveHandoffNote(ctx.db, ctx.viewer, input, ctx.now())),
  remove: teamMemberProcedure
    .input(handoffNoteInput)
    .mutation(({ ctx, input }) => removeHandoffNote(ctx.db, ctx.viewer, input, ctx.now())),
  restore: teamMemberProcedure
    .input(handoffNoteInput)
    .mutation(({ ctx, input }) => restoreHandoffNote(ctx.db, ctx.viewer, input)),
});
