import type { Metadata } from "next";
import Link from "next/link";
import { ParetoChartLazy as ParetoChart } from "@/app/_components/charts/lazy";
import { loadReport } from "@/app/_components/reports/load-report";
import { drillHref, periodQuery, periodDaysText, type ReportSearch } from "@/app/_components/reports/period";
import { ReportFrame } from "@/app/_components/reports/report-frame";
import { SourcesTable } from "@/app/_components/reports/sources-table";
import type { SourceKind } from "@/app/_components/reports/types";
import { openTeamReport } from "@/app/_components/reports/team-report";

export const metadata: Metadata = { title: "Toil sources · Team reports" };

const GROUPS: Array<{ kind: SourceKind; label: string }> = [
  { kind: "template", label: "Template" },
  { kind: "service", label: "Service" },
  { kind: "alert", label: "Alert" },
];

export default async function SourcesPage({ searchParams }: { searchParams: Promise<ReportSearch> }) {
  const search = await searchParams;
  const { caller, viewer, team, choice, period } = await openTeamReport(search);
  const groupBy = GROUPS.find((g) => g.kind === search.group)?.kind ?? "template";
  const report = team
    ? await loadReport(() => caller.reports.toilSources({ teamId: team.id, groupBy, ...period }))
    : null;
  const canEdit =
    viewer.isAdmin || viewer.memberships.some((m) => m.teamId === team?.id && m.roles.includes("manager"));
  return (
    <ReportFrame
      tab="/reports/sources"
      intro="the sources of toil ranked by yearly cost, and what automating each would pay back."
      team={team}
      choice={choice}
      extra={{ group: groupBy }}
    >
      {report && !report.ok && (
        <div className="alert error" role="alert">
          {report.message}
        </div>
      )}
      {team && report?.ok && (
        <>
          <nav className="report-tabs group-tabs" aria-label="Group sources by">
            {GROUPS.map((g) => (
              <Link
                key={g.kind}
                href={`/reports/sources?${periodQuery(team.id, choice)}&group=${g.kind}`}
                aria-current={g.kind === groupBy ? "page" : undefined}
              >
                By {g.label.toLowerCase()}
              </Link>
            ))}
          </nav>
          <p className="report-span">
            <strong>{periodDaysText(report.data.period.from, report.data.period.to, viewer.timeZone)}</strong>
            <span className="stat-note">
              {" "}
              · {Math.round(report.data.totalYearlyCostHours)} hours a year across {report.data.sources.length} sources,
              at this period&apos;s rate
            </span>
          </p>
          {report.data.sources.length === 0 ? (
            <p className="card empty">No toil was logged in this period.</p>
          ) : (
            <>
              <section className="card report-card" aria-labelledby="pareto-heading">
                <h2 id="pareto-heading">Where the toil goes</h2>
                <p className="stat-note">
                  Bars: yearly cost in hours (occurrences a year × minutes each). Line: the running share of all toil.
                </p>
                <ParetoChart sources={report.data.sources} />
              </section>
              <section className="card report-card" aria-labelledby="sources-table-heading">
                <SourcesTable
                  teamId={team.id}
                  sources={report.data.sources}
                  hrefs={report.data.sources.map((s) =>
                    drillHref(
                      team.id,
                      { from: report.data.period.from, to: report.data.period.accountedTo },
                      { source: { kind: s.kind, key: s.key } },
                    ),
                  )}
                  canEdit={canEdit}
                  fileName={`toil-sources-${groupBy}-${report.data.period.kind}`}
                />
              </section>
            </>
          )}
        </>
      )}
    </ReportFrame>
  );
}
