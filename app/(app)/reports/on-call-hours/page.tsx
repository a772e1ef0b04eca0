import type { Metadata } from "next";
import { loadReport } from "@/app/_components/reports/load-report";
import { OnCallHoursTables } from "@/app/_components/reports/on-call-hours-tables";
import type { ReportSearch } from "@/app/_components/reports/period";
import { ReportFrame } from "@/app/_components/reports/report-frame";
import { openTeamReport, ReportBody, ReportSpan } from "@/app/_components/reports/team-report";

export const metadata: Metadata = { title: "On-call hours · Team reports" };

export default async function OnCallHoursPage({ searchParams }: { searchParams: Promise<ReportSearch> }) {
  const { caller, viewer, team, choice, period } = await openTeamReport(await searchParams, "month");
  const load = team ? await loadReport(() => caller.reports.onCallHours({ teamId: team.id, ...period })) : null;
  return (
    <ReportFrame
      tab="/reports/on-call-hours"
      intro="hours each person was on duty, by role and by time of week on their own clock, the pages that reached them, and nights that left too little rest."
      team={team}
      choice={choice}
    >
      <ReportBody load={load}>
        {(report) => (
          <>
            <ReportSpan period={report.period} timeZone={viewer.timeZone} note="counted on each person's own clock" />
            <OnCallHoursTables report={report} />
            {report.hiddenPeople > 0 && (
              <p className="alert info hidden-note" role="note">
                You see your own hours: only the team&apos;s managers see everyone&apos;s.
              </p>
            )}
          </>
        )}
      </ReportBody>
    </ReportFrame>
  );
}
