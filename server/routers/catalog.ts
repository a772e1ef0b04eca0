import "server-only";
import { router, teamMemberProcedure } from "@/server/trpc/init";
import { teamScoped } from "@/server/schemas/common";
import { listServices } from "@/server/services/work-log/list-services";

export const catalogRouter = router({
  services: teamMemberProcedure.input(teamScoped({})).query(({ ctx, input }) => listServices(ctx.db, input.teamId)),
});
