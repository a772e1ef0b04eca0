import { router } from "@/server/trpc/init";

/** Weekly interrupt review of a team (issue 6): pages and tickets marked actionable, causes, fixes, silences. */
export const reviewRouter = router({});
