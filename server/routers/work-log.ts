import "server-only";
import { z } from "zod";
import { router, signedInProcedure } from "@/server/trpc/init";
import { createEntryInput, entryIdInput, updateEntryInput, weekInput } from "@/server/schemas/work-log";
import { createEntry } from "@/server/services/work-log/create-entry";
import { myWeek } from "@/server/services/work-log/my-week";
import { listRecentEntries } from "@/server/services/work-log/recent-entries";
import { removeEntry, restoreEntry } from "@/server/services/work-log/remove-entry";
import { updateEntry } from "@/server/services/work-log/update-entry";

/** The caller's own work log: no person id is ever taken from input. */
export const workLogRouter = router({
  recent: signedInProcedure
    .input(z.strictObject({ limit: z.int().min(1).max(100).default(10) }))
    .query(({ ctx, input }) => listRecentEntries(ctx.db, ctx.viewer.personId, input.limit)),
  week: signedInProcedure.input(weekInput).query(({ ctx, input }) => myWeek(ctx.db, ctx.viewer, input, ctx.now())),
  create: signedInProcedure
    .input(createEntryInput)
    .meta({ movesShares: "caller" })
    .mutation(({ ctx, input }) => createEntry(ctx.db, ctx.viewer, input, ctx.now())),
  update: signedInProcedure
    .input(updateEntryInput)
    .meta({ movesShares: "caller" })
    .mutation(({ ctx, input }) => updateEntry(ctx.db, ctx.viewer, input, ctx.now())),
  remove: signedInProcedure
    .input(entryIdInput)
    .meta({ movesShares: "caller" })
    .mutation(({ ctx, input }) => removeEntry(ctx.db, ctx.viewer, input, ctx.now())),
  restore: signedInProcedure
    .input(entryIdInput)
    .meta({ movesShares: "caller" })
    .mutation(({ ctx, input }) => restoreEntry(ctx.db, ctx.viewer, input, ctx.now())),
});
