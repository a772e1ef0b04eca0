import type { Metadata } from "next";
import Link from "next/link";
import { serverNow } from "@/server/clock";
import { signedInCaller, viewerTeams } from "@/server/trpc/server";
import { TeamToilBarsLazy as TeamToilBars } from "@/app/_components/charts/lazy";
import { TeamBreachesCard } from "@/app/_components/breaches/team-breaches-card";
import { HiddenMembersNote } from "@/app/_components/reports/hidden-note";
import { loadReport } from "@/app/_components/reports/load-report";
import {
  dayText,
  drillHref,
  periodChoice,
  periodInput,
  periodDaysText,
  teamParam,
  type ReportSearch,
} from "@/app/_components/reports/period";
import { ReportFrame } from "@/app/_components/reports/report-frame";
import { TeamSummary } from "@/app/_components/reports/team-summary";
import { ToilTable } from "@/app/_components/reports/toil-table";
import type { TeamToilData } from "@/app/_components/reports/types";
import { chooseTeam } from "@/app/_lib/team";

export const metadata: Metadata = { title: "Team reports" };

export default async function ReportsPage({ searchParams }: { searchParams: Promise<ReportSearch> }) {
  const search = await searchParams;
  const caller = await signedInCaller();
  const viewer = await caller.viewer.me();
  const team = await chooseTeam(viewer, await viewerTeams(), teamParam(search));
  const choice = periodChoice(search);
  const report = team
    ? await loadReport(() => caller.reports.teamToil({ teamId: team.id, ...periodInput(choice, viewer.timeZone) }))
    : null;
  return (
    <ReportFrame
      tab="/reports"
      intro="each engineer's toil share against the cap, who is over, by how much and since when."
      team={team}
      choice={choice}
    >
      {viewer.isAdmin && (
        <p className="org-summary-link">
          <Link href="/reports/org">Organisation summary</Link>: every team&apos;s shares at a glance.
        </p>
      )}
      {report && !report.ok && (
        <div className="alert error" role="alert">
          {report.message}
        </div>
      )}
      {team && report?.ok && <ToilCapReport report={report.data} teamId={team.id} timeZone={viewer.timeZone} />}
      {team && report?.ok && <TeamBreachesCard teamId={team.id} />}
    </ReportFrame>
  );
}

function ToilCapReport({ report, teamId, timeZone }: { report: TeamToilData; teamId: string; timeZone: string }) {
  const now = serverNow();
  const span = { from: report.period.from, to: report.period.accountedTo };
  const hrefs = Object.fromEntries(
    report.members.map((m) => [m.personId, drillHref(teamId, span, { personId: m.personId })]),
  );
  const bars = report.members.map((m) => ({
    name: m.name,
    ...m.toilShareParts,
    onCallShare: m.accounting.onCallShare,
    href: hrefs[m.personId] ?? "/reports",
  }));
  const over = report.members.filter((m) => m.toilCap.over);
  return (
    <>
      <p className="report-span">
        <strong>{periodDaysText(report.period.from, report.period.to, timeZone)}</strong>
        <span className="stat-note">
          {" "}
          · counted up to {dayText(report.period.accountedTo, timeZone, now)} · {timeZone}
        </span>
      </p>
      <HiddenMembersNote hidden={report.hiddenMembers} />
      <TeamSummary report={report} />
      <section className="card report-card" aria-labelledby="bars-heading">
        <h2 id="bars-heading">Toil share per engineer</h2>
        <p className="stat-note">
          {over.length === 0
            ? "Nobody shown is over the toil cap in this period."
            : `Over the cap: ${over.map((m) => m.name).join(", ")}.`}{" "}
          Choose a bar or a name to see the entries, shifts and interrupts behind it.
        </p>
        <TeamToilBars members={bars} toilCap={report.caps.toilCap} onCallCap={report.caps.onCallCap} />
      </section>
      <section className="card report-card" aria-labelledby="toil-table-heading">
        <ToilTable
          rows={report.members}
          hrefs={hrefs}
          timeZone={timeZone}
          now={now}
          fileName={`toil-cap-${report.team.name.toLowerCase().replace(/\W+/g, "-")}-${report.period.kind}`}
        />
      </section>
    </>
  );
}
