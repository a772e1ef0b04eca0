import type { Metadata } from "next";
import { signedInCaller } from "@/server/trpc/server";
import { loadReport } from "@/app/_components/reports/load-report";
import { OnCallHoursTables } from "@/app/_components/reports/on-call-hours-tables";
import { periodChoice, periodInput, spanText, teamParam, type ReportSearch } from "@/app/_components/reports/period";
import { ReportFrame } from "@/app/_components/reports/report-frame";
import { chooseTeam } from "@/app/_lib/team";

export const metadata: Metadata = { title: "On-call hours · Team reports" };

export default async function OnCallHoursPage({ searchParams }: { searchParams: Promise<ReportSearch> }) {
  const search = await searchParams;
  const caller = await signedInCaller();
  const viewer = await caller.viewer.me();
  const team = await chooseTeam(viewer, await caller.teams.list(), teamParam(search));
  const choice = periodChoice(search, "month");
  const load = team
    ? await loadReport(() => caller.reports.onCallHours({ teamId: team.id, ...periodInput(choice, viewer.timeZone) }))
    : null;
  return (
    <ReportFrame
      tab="/reports/on-call-hours"
      intro="hours each person was on duty, by role and by time of week on their own clock, the pages that reached them, and nights that left too little rest."
      team={team}
      choice={choice}
    >
      {load && !load.ok && (
        <div className="alert error" role="alert">
          {load.message}
        </div>
      )}
      {load?.ok && (
        <>
          <p className="report-span">
            <strong>{spanText(load.data.period.from, load.data.period.to, viewer.timeZone)}</strong>
            <span className="stat-note"> · counted on each person&apos;s own clock</span>
          </p>
          <OnCallHoursTables report={load.data} />
          {load.data.hiddenPeople > 0 && (
            <p className="alert info hidden-note" role="note">
              You see your own hours: only the team&apos;s managers see everyone&apos;s.
            </p>
          )}
        </>
      )}
    </ReportFrame>
  );
}
