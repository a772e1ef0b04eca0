import "server-only";
import { router, signedInProcedure } from "@/server/trpc/init";
import { absenceInput, entryIdInput, profileInput } from "@/server/schemas/work-log";
import { addAbsence, listAbsences, removeAbsence, restoreAbsence } from "@/server/services/profile/absences";
import { getProfile } from "@/server/services/profile/get-profile";
import { updateProfile } from "@/server/services/profile/update-profile";

/**
 * The caller's own profile and absences only: no person id is taken from input. The zone, work pattern and
 * absences set the caller's scheduled time, so every write here moves their shares.
 */
export const profileRouter = router({
  get: signedInProcedure.query(({ ctx }) => getProfile(ctx.db, ctx.viewer)),
  update: signedInProcedure
    .input(profileInput)
    .meta({ movesShares: "caller" })
    .mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.viewer, input)),
  absences: signedInProcedure.query(({ ctx }) => listAbsences(ctx.db, ctx.viewer)),
  addAbsence: signedInProcedure
    .input(absenceInput)
    .meta({ movesShares: "caller" })
    .mutation(({ ctx, input }) => addAbsence(ctx.db, ctx.viewer, input)),
  removeAbsence: signedInProcedure
    .input(entryIdInput)
    .meta({ movesShares: "caller" })
    .mutation(({ ctx, input }) => removeAbsence(ctx.db, ctx.viewer, input, ctx.now())),
  restoreAbsence: signedInProcedure
    .input(entryIdInput)
    .meta({ movesShares: "caller" })
    .mutation(({ ctx, input }) => restoreAbsence(ctx.db, ctx.viewer, input)),
});
