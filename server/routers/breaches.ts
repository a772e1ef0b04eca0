import { router } from "@/server/trpc/init";

/** Cap-breach notifications (issue 6): shares crossing a team cap, once per engineer and period. */
export const breachesRouter = router({});
