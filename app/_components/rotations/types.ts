import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

/** The shapes the rotation procedures return, named once for the UI. */
type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type RotationRole = Outputs["rotations"]["list"][number]["role"];
export type RotationSummary = Outputs["rotations"]["list"][number];
export type RotationDetail = Outputs["rotations"]["get"];
export type RotationCover = RotationDetail["overrides"][number];
export type ScheduleData = Outputs["rotations"]["schedule"];
export type ScheduleShift = ScheduleData["shifts"][number];
export type ScheduleRotation = ScheduleData["rotations"][number];
export type RotationPreview = Outputs["rotations"]["preview"];
export type PreviewPerson = RotationPreview["people"][number];
export type PlanWarning = RotationPreview["warnings"][number];
export type ScheduleQuality = RotationPreview["quality"];
export type FairFillProposal = Outputs["rotations"]["fairFill"];
export type DutyLoad = Outputs["rotations"]["dutyLoad"];
export type SecondRotationProposal = Outputs["rotations"]["proposeSecond"];
export type SwapRequest = Outputs["rotations"]["listSwaps"][number];
export type OnCallNow = Outputs["rotations"]["onCallNow"];
export type NextShift = Outputs["rotations"]["myNextShifts"][number];
export type TeamMember = Outputs["teams"]["members"][number];

export type RotationDraftInput = Inputs["rotations"]["preview"]["draft"];
