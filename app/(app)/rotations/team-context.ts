import "server-only";
import { TRPCError } from "@trpc/server";
import { mayActInTeam, type Viewer } from "@/server/auth/permissions";
import { signedInCaller, viewerTeams } from "@/server/trpc/server";
import { chooseTeam, type TeamChoice } from "@/app/_lib/team";

const mayPlanIn = (viewer: Viewer, team: TeamChoice | null) =>
  team ? mayActInTeam(viewer, team.id, ["planner", "manager"]) : false;

/** The viewer, the team the rotations pages show (?team= or their first), and whether they may plan it. */
export async function rotationsContext(requestedTeam: string | undefined) {
  const caller = await signedInCaller();
  const viewer = await caller.viewer.me();
  const teams = await viewerTeams();
  const team = await chooseTeam(viewer, teams, requestedTeam);
  return { caller, viewer, teams, team, mayPlan: mayPlanIn(viewer, team) };
}

/** Errors that mean "not in this team": the next team is tried. */
const ELSEWHERE: ReadonlyArray<TRPCError["code"]> = ["NOT_FOUND", "BAD_REQUEST", "FORBIDDEN"];

/** A rotation's page: the rotation and the team it belongs to among those the viewer sees, or null. */
export async function rotationContext(rotationId: string, requestedTeam: string | undefined) {
  const { caller, viewer, teams, team } = await rotationsContext(requestedTeam);
  const order = [...(team ? [team] : []), ...teams.filter((t) => t.id !== team?.id)];
  for (const candidate of order) {
    try {
      const rotation = await caller.rotations.get({ teamId: candidate.id, rotationId });
      return { caller, viewer, team: candidate, rotation, mayPlan: mayPlanIn(viewer, candidate) };
    } catch (error) {
      if (error instanceof TRPCError && ELSEWHERE.includes(error.code)) continue;
      throw error;
    }
  }
  return null;
}
