import "server-only";
import { signedInProcedure, publicProcedure, router } from "@/server/trpc/init";

export const viewerRouter = router({
  /** Null when signed out, so public pages can ask without an error. */
  current: publicProcedure.query(({ ctx }) => ctx.viewer),
  me: signedInProcedure.query(({ ctx }) => ctx.viewer),
});
