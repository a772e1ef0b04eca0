import "server-only";
import { publicProcedure, router } from "@/server/trpc/init";
import { isEmbedded } from "@/server/env";
import { instanceStatus } from "@/server/services/people/instance-status";

export const instanceRouter = router({
  status: publicProcedure.query(({ ctx }) => instanceStatus(ctx.db, { embedded: isEmbedded() })),
});
