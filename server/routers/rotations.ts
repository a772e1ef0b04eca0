import "server-only";
import { plannerProcedure, router, signedInProcedure, teamMemberProcedure } from "@/server/trpc/init";
import { teamOnlyInput } from "@/server/schemas/people";
import {
  addOverrideInput,
  addOverridesInput,
  createRotationInput,
  draftPreviewInput,
  myNextShiftsInput,
  removeOverrideInput,
  requestSwapInput,
  resetCalendarLinkInput,
  respondSwapInput,
  rotationIdInput,
  scheduleInput,
  updateRotationInput,
} from "@/server/schemas/rotations";
import { addOverride } from "@/server/services/rotations/add-override";
import { addOverrides } from "@/server/services/rotations/add-overrides";
import { calendarFeeds, resetCalendarFeed } from "@/server/services/rotations/calendar/calendar-feeds";
import { createRotation } from "@/server/services/rotations/create-rotation";
import { fairFillRotation } from "@/server/services/rotations/fair-fill-rotation";
import { getRotation } from "@/server/services/rotations/get-rotation";
import { listRotations } from "@/server/services/rotations/list-rotations";
import { listSwaps } from "@/server/services/rotations/list-swaps";
import { myNextShifts } from "@/server/services/rotations/my-next-shifts";
import { onCallNow } from "@/server/services/rotations/on-call-now";
import { previewRotation } from "@/server/services/rotations/preview-rotation";
import { rotationDutyLoad } from "@/server/services/rotations/duty-load";
import { teamOverloads } from "@/server/services/rotations/current-overloads";
import { proposeSecondRotation } from "@/server/services/rotations/propose-second-rotation";
import { rotationGaps } from "@/server/services/rotations/rotation-gaps";
import { removeOverride } from "@/server/services/rotations/remove-override";
import { restoreOverride } from "@/server/services/rotations/restore-override";
import { removeRotation } from "@/server/services/rotations/remove-rotation";
import { requestSwap } from "@/server/services/rotations/request-swap";
import { respondSwap } from "@/server/services/rotations/respond-swap";
import { restoreRotation } from "@/server/services/rotations/restore-rotation";
import { teamSchedule } from "@/server/services/rotations/team-schedule";
import { updateRotation } from "@/server/services/rotations/update-rotation";

export const rotationsRouter = router({
  list: teamMemberProcedure.input(teamOnlyInput).query(({ ctx, input }) => listRotations(ctx.db, input.teamId)),
  get: teamMemberProcedure.input(rotationIdInput).query(({ ctx, input }) => getRotation(ctx.db, input)),
  /** The last turns' interrupt load and the overload signs; logged time is personal, so planners and managers only. */
  dutyLoad: plannerProcedure
    .input(rotationIdInput)
    .query(({ ctx, input }) => rotationDutyLoad(ctx.db, input, ctx.now())),
  /** The team's duty rotations flagged now as too much for one person, with the turns behind each; reads only. */
  overloadFlags: plannerProcedure
    .input(teamOnlyInput)
    .query(({ ctx, input }) => teamOverloads(ctx.db, input.teamId, ctx.now())),
  /** A second duty role from the same people, offset so nobody holds both; a draft for the editor, nothing saved. */
  proposeSecond: plannerProcedure
    .input(rotationIdInput)
    .query(({ ctx, input }) => proposeSecondRotation(ctx.db, input, ctx.now())),
  /** Stretches of the coming weeks with nobody on the rotation's duty. */
  gaps: teamMemberProcedure.input(rotationIdInput).query(({ ctx, input }) => rotationGaps(ctx.db, input, ctx.now())),
  create: plannerProcedure
    .input(createRotationInput)
    .meta({ movesShares: "team" })
    .mutation(({ ctx, input }) => createRotation(ctx.db, ctx.viewer, input, ctx.now())),
  update: plannerProcedure
    .input(updateRotationInput)
    .meta({ movesShares: "team" })
    .mutation(({ ctx, input }) => updateRotation(ctx.db, ctx.viewer, input, ctx.now())),
  remove: plannerProcedure
    .input(rotationIdInput)
    .meta({ movesShares: "team" })
    .mutation(({ ctx, input }) => removeRotation(ctx.db, ctx.viewer, input, ctx.now())),
  restore: plannerProcedure
    .input(rotationIdInput)
    .meta({ movesShares: "team" })
    .mutation(({ ctx, input }) => restoreRotation(ctx.db, ctx.viewer, input, ctx.now())),

  /** What-if: the unsaved draft's shifts, projected shares, warnings and quality over a horizon. */
  preview: plannerProcedure
    .input(draftPreviewInput)
    .query(({ ctx, input }) => previewRotation(ctx.db, input, ctx.now())),
  fairFill: plannerProcedure
    .input(draftPreviewInput)
    .query(({ ctx, input }) => fairFillRotation(ctx.db, input, ctx.now())),

  addOverride: plannerProcedure
    .input(addOverrideInput)
    .meta({ movesShares: "team" })
    .mutation(({ ctx, input }) => addOverride(ctx.db, ctx.viewer, input, ctx.now())),
  addOverrides: plannerProcedure
    .input(addOverridesInput)
    .meta({ movesShares: "team" })
    .mutation(({ ctx, input }) => addOverrides(ctx.db, ctx.viewer, input, ctx.now())),
  removeOverride: plannerProcedure
    .input(removeOverrideInput)
    .meta({ movesShares: "team" })
    .mutation(({ ctx, input }) => removeOverride(ctx.db, ctx.viewer, input, ctx.now())),
  restoreOverride: plannerProcedure
    .input(removeOverrideInput)
    .meta({ movesShares: "team" })
    .mutation(({ ctx, input }) => restoreOverride(ctx.db, ctx.viewer, input, ctx.now())),

  /** Whose shift may be swapped, and who may answer, is checked in the services. */
  requestSwap: teamMemberProcedure
    .input(requestSwapInput)
    .mutation(({ ctx, input }) => requestSwap(ctx.db, ctx.viewer, input, ctx.now())),
  respondSwap: teamMemberProcedure
    .input(respondSwapInput)
    .meta({ movesShares: "team" })
    .mutation(({ ctx, input }) => respondSwap(ctx.db, ctx.viewer, input, ctx.now())),
  listSwaps: teamMemberProcedure.input(teamOnlyInput).query(({ ctx, input }) => listSwaps(ctx.db, input)),

  schedule: teamMemberProcedure.input(scheduleInput).query(({ ctx, input }) => teamSchedule(ctx.db, input)),
  onCallNow: teamMemberProcedure.input(teamOnlyInput).query(({ ctx, input }) => onCallNow(ctx.db, input, ctx.now())),
  /** The caller's own shifts only: no person id is taken from input. */
  myNextShifts: signedInProcedure
    .input(myNextShiftsInput)
    .query(({ ctx, input }) => myNextShifts(ctx.db, ctx.viewer, input, ctx.now())),
  /** The caller's own feeds only: an address is shown once, when made or reset. */
  calendarFeeds: teamMemberProcedure
    .input(teamOnlyInput)
    .query(({ ctx, input }) => calendarFeeds(ctx.db, ctx.viewer, input)),
  resetCalendarLink: teamMemberProcedure
    .input(resetCalendarLinkInput)
    .mutation(({ ctx, input }) => resetCalendarFeed(ctx.db, ctx.viewer, input, ctx.now())),
});
