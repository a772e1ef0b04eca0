import "server-only";
import { publicProcedure, router } from "@/server/trpc/init";
import { instanceStatus } from "@/server/services/people/instance-status";

export const instanceRouter = router({
  status: publicProcedure.query(({ ctx }) => instanceStatus(ctx.db)),
});
