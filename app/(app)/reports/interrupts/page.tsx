import type { Metadata } from "next";
import { signedInCaller } from "@/server/trpc/server";
import { InterruptWeeksChartLazy as InterruptWeeksChart } from "@/app/_components/charts/lazy";
import { InterruptTables } from "@/app/_components/reports/interrupt-tables";
import { loadReport } from "@/app/_components/reports/load-report";
import { periodChoice, periodInput, spanText, teamParam, type ReportSearch } from "@/app/_components/reports/period";
import { ReportFrame } from "@/app/_components/reports/report-frame";
import { DutyTurnsSection } from "@/app/_components/duty/duty-turns-section";
import { formatPercent } from "@/app/_lib/format";
import { chooseTeam } from "@/app/_lib/team";

export const metadata: Metadata = { title: "Interrupt load · Team reports" };

export default async function InterruptsPage({ searchParams }: { searchParams: Promise<ReportSearch> }) {
  const search = await searchParams;
  const caller = await signedInCaller();
  const viewer = await caller.viewer.me();
  const team = await chooseTeam(viewer, await caller.teams.list(), teamParam(search));
  const choice = periodChoice(search);
  const load = team
    ? await loadReport(() => caller.reports.interruptLoad({ teamId: team.id, ...periodInput(choice, viewer.timeZone) }))
    : null;
  return (
    <ReportFrame
      tab="/reports/interrupts"
      intro="pages and tickets per week, per on-call shift against the incident limit, by time of day, how many were actionable, and the load of each duty turn."
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
            <span className="stat-note"> · {viewer.timeZone}</span>
          </p>
          <div className="grid cols-3 report-summary">
            <section className="card" aria-labelledby="int-total">
              <h2 id="int-total" className="stat-label">
                Interrupts
              </h2>
              <div className="stat-value">{load.data.totals.total}</div>
              <p className="stat-note">
                {load.data.totals.pages} pages ({load.data.totals.incidents} incidents), {load.data.totals.tickets}{" "}
                tickets, {load.data.totals.requests} requests
              </p>
            </section>
            <section className="card" aria-labelledby="int-actionable">
              <h2 id="int-actionable" className="stat-label">
                Actionable
              </h2>
              <div className="stat-value">
                {load.data.totals.actionableRatio === null ? "–" : formatPercent(load.data.totals.actionableRatio)}
              </div>
              <p className="stat-note">
                {load.data.totals.actionable} actionable, {load.data.totals.notActionable} not,{" "}
                {load.data.totals.unreviewed} not reviewed yet
              </p>
            </section>
            <section className="card" aria-labelledby="int-limit">
              <h2 id="int-limit" className="stat-label">
                Shifts over the incident limit
              </h2>
              <div className="stat-value">{load.data.shiftsOverLimit}</div>
              <p className="stat-note">
                of {load.data.shifts.length} on-call shifts had more than {load.data.incidentLimit.incidents} incidents
                in {load.data.incidentLimit.windowHours} hours
              </p>
            </section>
          </div>
          <section className="card report-card" aria-labelledby="int-weeks-heading">
            <h2 id="int-weeks-heading">Per week</h2>
            <InterruptWeeksChart weeks={load.data.weeks} />
          </section>
          <InterruptTables load={load.data} timeZone={viewer.timeZone} />
          <DutyTurnsSection
            rotations={load.data.dutyTurns}
            thresholds={load.data.dutyThresholds}
            zone={viewer.timeZone}
          />
        </>
      )}
    </ReportFrame>
  );
}
