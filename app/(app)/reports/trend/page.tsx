import type { Metadata } from "next";
import { trendLabel } from "@/app/_components/charts/trend-text";
import { TeamTrend } from "@/app/_components/charts/team-trend";
import { HiddenMembersNote } from "@/app/_components/reports/hidden-note";
import { loadReport } from "@/app/_components/reports/load-report";
import type { ReportSearch } from "@/app/_components/reports/period";
import { ReportFrame } from "@/app/_components/reports/report-frame";
import { TrendTable } from "@/app/_components/reports/trend-table";
import { formatPercent } from "@/app/_lib/format";
import { openTeamReport } from "@/app/_components/reports/team-report";

export const metadata: Metadata = { title: "Trend · Team reports" };

const WEEKS = 26;

export default async function TrendPage({ searchParams }: { searchParams: Promise<ReportSearch> }) {
  const { caller, team, choice } = await openTeamReport(await searchParams);
  const trend = team ? await loadReport(() => caller.reports.trend({ teamId: team.id, weeks: WEEKS })) : null;
  return (
    <ReportFrame
      tab="/reports/trend"
      intro={`weekly toil share per engineer and for the team over the last ${WEEKS} weeks.`}
      team={team}
      choice={choice}
      withPeriod={false}
    >
      {trend && !trend.ok && (
        <div className="alert error" role="alert">
          {trend.message}
        </div>
      )}
      {trend?.ok && (
        <>
          <HiddenMembersNote hidden={trend.data.hiddenMembers} />
          <section className="card report-card" aria-labelledby="trend-heading">
            <h2 id="trend-heading">Toil share week by week</h2>
            <p className="stat-note">
              The {formatPercent(trend.data.caps.toilCap)} cap is meant as an average over a few quarters: look for
              lines that stay above it, not single weeks. Weeks start on Monday in {trend.data.timeZone}; the running
              week is counted so far, and a week with less than a working day scheduled is too early to tell (a gap).
            </p>
            <TeamTrend
              labels={trend.data.teamWeeks.map(trendLabel)}
              team={trend.data.teamWeeks.map((w) => w.toilShare)}
              members={trend.data.members.map((m) => ({
                personId: m.personId,
                name: m.name,
                shares: m.weeks.map((w) => w.toilShare),
              }))}
              toilCap={trend.data.caps.toilCap}
            />
          </section>
          <section className="card report-card" aria-labelledby="trend-table-heading">
            <TrendTable trend={trend.data} />
          </section>
        </>
      )}
    </ReportFrame>
  );
}
