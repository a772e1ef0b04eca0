import "server-only";
import type { Db } from "@/db/client";
import { rolesIn, type TeamRole, type Viewer } from "@/server/auth/permissions";
import { orgSummaryInput } from "@/server/schemas/reports";
import { captureInboxInput } from "@/server/schemas/capture";
import { listCaptureInbox } from "../capture/list-inbox";
import { myJoinRequests } from "../people/join-requests";
import { orgSummary } from "../reports/org-summary";
import { aroundNow } from "../rotations/current-window";
import { teamOverloads } from "../rotations/current-overloads";
import { MAX_AHEAD_WEEKS, onCallAmong } from "../rotations/on-call-now";
import { NEXT_SHIFTS_WEEKS, nextShiftsAmong } from "../rotations/my-next-shifts";
import { activeRotations } from "../rotations/rotation-rows";
import { swapViews } from "../rotations/swap-view";
import { shiftsInWindow } from "../rotations/window-shifts";
import { myShare } from "../share/my-share";
import { listRecentEntries } from "../work-log/recent-entries";
import { coverageOutlook } from "./coverage-outlook";
import { teamStanding } from "./team-standing";

/** How many of the latest entries My work lists (and its list refreshes to). */
export const RECENT_LIMIT = 8;
/** How many of the caller's next shifts My work lists (and its card refreshes to). */
export const NEXT_SHIFTS_LIMIT = 4;

// One read of the shifts serves both cards: the next shifts' window reaches past the on-call one.
const DUTY_WEEKS = Math.max(NEXT_SHIFTS_WEEKS, MAX_AHEAD_WEEKS);

/**
 * Everything My work shows for the team chosen in the shell, in one call: the sections the viewer's roles in that
 * team give them (none when they hold no role in it, as for an admin looking at a team), their own latest entries,
 * captured pages and join requests, and an admin's organisation summary. Each section is what its own procedure
 * answers (workLog.recent, share.mine, rotations.onCallNow, rotations.myNextShifts, rotations.listSwaps,
 * capture.inbox, invitations.mine, home.teamStanding, home.coverageOutlook, reports.orgSummary,
 * rotations.overloadFlags), under the same checks; reads those procedures would each repeat (the rotations, their
 * shifts, the swap requests) are made once. Run in one read-only transaction, so one query at a time.
 */
export async function myWork(db: Db, viewer: Viewer, input: { teamId: string | null }, now: Date) {
  const roles = input.teamId ? rolesIn(viewer, input.teamId) : [];
  // Own work is logged in the chosen team, and only by its members.
  const teamId = input.teamId && roles.length > 0 ? input.teamId : null;
  const holds = (...wanted: TeamRole[]) => roles.some((role) => wanted.includes(role));

  const entries = await listRecentEntries(db, viewer.personId, RECENT_LIMIT);
  const share = teamId && holds("engineer") ? await myShare(db, viewer, { period: "week" }, now) : null;
  const duty = teamId ? await dutyOf(db, viewer, teamId, now) : null;
  const captured = await listCaptureInbox(db, viewer, captureInboxInput.parse(undefined), now);
  const joinRequests = await myJoinRequests(db, viewer, now);
  const standing = teamId && holds("manager") ? await teamStanding(db, viewer, { teamId }, now) : null;
  const outlook =
    teamId && duty && holds("planner")
      ? await coverageOutlook(db, viewer, { teamId }, now, { rotations: duty.teamRotations, swaps: duty.swaps })
      : null;
  const org = viewer.isAdmin ? await orgSummary(db, viewer, orgSummaryInput.parse({ period: "month" }), now) : null;
  const overloads =
    teamId && duty && holds("planner", "manager") ? await teamOverloads(db, teamId, now, duty.teamRotations) : null;
  return {
    teamId,
    entries,
    share,
    duty: duty && { onCall: duty.onCall, nextShifts: duty.nextShifts, swaps: duty.swaps },
    captured,
    joinRequests,
    standing,
    outlook,
    org,
    overloads,
  };
}

/**
 * The team's duty as a member sees it (who is on call, the swap requests) and the viewer's own next shifts, from
 * one read of the rotations of all the viewer's teams (their next shifts may be in another) and their shifts.
 */
async function dutyOf(db: Db, viewer: Viewer, teamId: string, now: Date) {
  const rotations = await activeRotations(
    db,
    viewer.memberships.map((m) => m.teamId),
  );
  const teamRotations = rotations.filter((row) => row.teamId === teamId);
  const shifts = await shiftsInWindow(db, rotations, aroundNow(now, { weeks: DUTY_WEEKS }));
  return {
    teamRotations,
    onCall: await onCallAmong(db, teamRotations, shifts, now),
    nextShifts: nextShiftsAmong(viewer, rotations, shifts, NEXT_SHIFTS_LIMIT, now),
    swaps: await swapViews(db, teamId),
  };
}
