import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

/** The shapes the engineer's logging procedures return, named once for the UI. */
type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type WeekData = Outputs["workLog"]["week"];
export type WeekDay = WeekData["days"][number];
export type WeekEntry = WeekDay["entries"][number];
export type WeekInterrupt = WeekDay["interrupts"][number];
export type RecentEntry = Outputs["workLog"]["recent"][number];
export type ServiceOption = Outputs["catalog"]["services"][number];
export type Template = Outputs["templates"]["list"][number];
export type RunningTimer = NonNullable<Outputs["timer"]["current"]>;
export type ShareData = Outputs["share"]["mine"];
export type TrendData = Outputs["share"]["trend"];
export type Profile = Outputs["profile"]["get"];
export type Absence = Outputs["profile"]["absences"][number];

export type CreateEntryFields = Inputs["workLog"]["create"];
export type Category = CreateEntryFields["category"];
