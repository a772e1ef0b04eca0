import { router } from "@/server/trpc/init";

/** Hand-off notes from one on-call shift to the next (issue 6). */
export const handoffsRouter = router({});
