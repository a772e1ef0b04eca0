import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Viewer } from "@/server/auth/permissions";
import type { teamReportInput } from "@/server/schemas/reports";
import { requireTeamMember } from "../../work-log/team-access";
import { liveEstimates, type AutomationEstimateView } from "./estimate-view";

export type ListEstimatesInput = z.output<typeof teamReportInput>;
export type { AutomationEstimateView } from "./estimate-view";

/** The team's live automation estimates; team-level figures, so every member may read them. */
export async function listEstimates(
  db: Db,
  viewer: Viewer,
  input: ListEstimatesInput,
): Promise<AutomationEstimateView[]> {
  await requireTeamMember(db, viewer, input.teamId);
  return liveEstimates(db, input.teamId);
}
