import type { Metadata } from "next";
import { InterruptWeeksChartLazy as InterruptWeeksChart } from "@/app/_components/charts/lazy";
import { InterruptTables } from "@/app/_components/reports/interrupt-tables";
import { loadReport } from "@/app/_components/reports/load-report";
import type { ReportSearch } from "@/app/_components/reports/period";
import { ReportFrame } from "@/app/_components/reports/report-frame";
import { DutyTurnsSection } from "@/app/_components/duty/duty-turns-section";
import { openTeamReport, ReportBody, ReportSpan } from "@/app/_components/reports/team-report";
import { formatPercent } from "@/app/_lib/format";

export const metadata: Metadata = { title: "Interrupt load · Team reports" };

export default async function InterruptsPage({ searchParams }: { searchParams: Promise<ReportSearch> }) {
  const { caller, viewer, team, choice, period } = await openTeamReport(await searchParams);
  const load = team ? await loadReport(() => caller.reports.interruptLoad({ teamId: team.id, ...period })) : null;
  return (
    <ReportFrame
      tab="/reports/interrupts"
      intro="pages and tickets per week, per on-call shift against the incident limit, by time of day, how many were actionable, and the load of each duty turn."
      team={team}
      choice={choice}
    >
      <ReportBody load={load}>
        {(report) => (
          <>
            <ReportSpan period={report.period} timeZone={viewer.timeZone} note={viewer.timeZone} />
            <div className="grid cols-3 report-summary">
              <section className="card" aria-labelledby="int-total">
                <h2 id="int-total" className="stat-label">
                  Interrupts
                </h2>
                <div className="stat-value">{report.totals.total}</div>
                <p className="stat-note">
                  {report.totals.pages} pages ({report.totals.incidents} incidents), {report.totals.tickets} tickets,{" "}
                  {report.totals.requests} requests
                </p>
              </section>
              <section className="card" aria-labelledby="int-actionable">
                <h2 id="int-actionable" className="stat-label">
                  Actionable
                </h2>
                <div className="stat-value">
                  {report.totals.actionableRatio === null ? "–" : formatPercent(report.totals.actionableRatio)}
                </div>
                <p className="stat-note">
                  {report.totals.actionable} actionable, {report.totals.notActionable} not, {report.totals.unreviewed}{" "}
                  not reviewed yet
                </p>
              </section>
              <section className="card" aria-labelledby="int-limit">
                <h2 id="int-limit" className="stat-label">
                  Shifts over the incident limit
                </h2>
                <div className="stat-value">{report.shiftsOverLimit}</div>
                <p className="stat-note">
                  of {report.shifts.length} on-call shifts had more than {report.incidentLimit.incidents} incidents in{" "}
                  {report.incidentLimit.windowHours} hours
                </p>
              </section>
            </div>
            <section className="card report-card" aria-labelledby="int-weeks-heading">
              <h2 id="int-weeks-heading">Per week</h2>
              <InterruptWeeksChart weeks={report.weeks} />
            </section>
            <InterruptTables load={report} timeZone={viewer.timeZone} />
            <DutyTurnsSection rotations={report.dutyTurns} thresholds={report.dutyThresholds} zone={viewer.timeZone} />
          </>
        )}
      </ReportBody>
    </ReportFrame>
  );
}
