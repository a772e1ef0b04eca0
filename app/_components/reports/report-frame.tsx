import type { ReactNode } from "react";
import { EmptyState } from "@/app/_components/empty-state";
import { PeriodPicker } from "./period-picker";
import { periodQuery, type PeriodChoice } from "./period";
import { ReportTabs, type ReportTab } from "./report-tabs";

/** The heading, tabs and period picker every team report shares; the h1 stays "Team reports". */
export function ReportFrame({
  tab,
  intro,
  team,
  choice,
  withPeriod = true,
  extra,
  children,
}: {
  tab: ReportTab;
  intro: string;
  team: { id: string; name: string } | null;
  choice: PeriodChoice;
  withPeriod?: boolean;
  extra?: Record<string, string>;
  children: ReactNode;
}) {
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Team reports</h1>
          <p>
            {team ? `${team.name}: ` : ""}
            {intro}
          </p>
        </div>
      </div>
      {team ? (
        <>
          <ReportTabs current={tab} query={periodQuery(team.id, choice)} />
          {withPeriod && <PeriodPicker action={tab} teamId={team.id} choice={choice} extra={extra} />}
          {children}
        </>
      ) : (
        <EmptyState title="No team yet">Reports belong to a team.</EmptyState>
      )}
    </>
  );
}
