import type { Metadata } from "next";
import Link from "next/link";
import { serverNow } from "@/server/clock";
import { signedInCaller } from "@/server/trpc/server";
import type { OrgSummary, OrgTeamSummary } from "@/server/services/reports/org-summary";
import { EmptyState } from "@/app/_components/empty-state";
import { loadReport } from "@/app/_components/reports/load-report";
import { PeriodPicker } from "@/app/_components/reports/period-picker";
import {
  dayText,
  periodChoice,
  periodInput,
  periodQuery,
  periodDaysText,
  type PeriodChoice,
  type ReportSearch,
} from "@/app/_components/reports/period";
import { shareText } from "@/app/_components/work/datetime";
import { formatPercent } from "@/app/_lib/format";
import { scrollRegion } from "@/app/_components/scroll-region";

export const metadata: Metadata = { title: "Organisation summary" };

/** Admins only: every team's toil and on-call share for one period, and who is over the caps. Server-rendered, no charts. */
export default async function OrgSummaryPage({ searchParams }: { searchParams: Promise<ReportSearch> }) {
  const search = await searchParams;
  const caller = await signedInCaller();
  const viewer = await caller.viewer.me();
  const choice = periodChoice(search);
  const summary = viewer.isAdmin
    ? await loadReport(() => caller.reports.orgSummary(periodInput(choice, viewer.timeZone)))
    : null;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Organisation summary</h1>
          <p>Every team&apos;s toil and on-call share against its caps, and the engineers over them.</p>
        </div>
        <Link className="link-button" href="/reports">
          Team reports
        </Link>
      </div>
      {!viewer.isAdmin ? (
        <EmptyState title="For administrators">
          The organisation summary shows every team; ask an administrator, or open your team&apos;s reports.
        </EmptyState>
      ) : (
        <>
          <PeriodPicker action="/reports/org" choice={choice} />
          {summary && !summary.ok && (
            <div className="alert error" role="alert">
              {summary.message}
            </div>
          )}
          {summary?.ok && <Summary summary={summary.data} choice={choice} timeZone={viewer.timeZone} />}
        </>
      )}
    </>
  );
}

function Summary({ summary, choice, timeZone }: { summary: OrgSummary; choice: PeriodChoice; timeZone: string }) {
  const { totals, period } = summary;
  return (
    <>
      <p className="report-span">
        <strong>{periodDaysText(period.from, period.to, timeZone)}</strong>
        <span className="stat-note">
          {" "}
          · counted up to {dayText(period.accountedTo, timeZone, serverNow())} · {timeZone}
        </span>
      </p>
      <div className="grid cols-3 report-summary">
        <section className="card" aria-labelledby="org-share">
          <h2 id="org-share" className="stat-label">
            Organisation toil share
          </h2>
          <div className="stat-value">{shareText(totals.accounting.toilShare)}</div>
          <p className="stat-note">
            {totals.engineers} engineers; on-call share {shareText(totals.accounting.onCallShare)}.
          </p>
        </section>
        <section className="card" aria-labelledby="org-teams-over">
          <h2 id="org-teams-over" className="stat-label">
            Teams over their toil cap
          </h2>
          <div className="stat-value">{totals.teamsOverToilCap}</div>
          <p className="stat-note">
            of {summary.teams.length}; {totals.teamsOverOnCallCap} over their on-call cap.
          </p>
        </section>
        <section className="card" aria-labelledby="org-people-over">
          <h2 id="org-people-over" className="stat-label">
            Engineers over a cap
          </h2>
          <div className="stat-value">{totals.engineersOverToilCap}</div>
          <p className="stat-note">over a toil cap; {totals.engineersOverOnCallCap} over an on-call cap.</p>
        </section>
      </div>
      <section className="card report-card" aria-labelledby="org-table-heading">
        <h2 id="org-table-heading">Each team</h2>
        {summary.teams.length === 0 ? (
          <p className="stat-note">No teams yet.</p>
        ) : (
          <div {...scrollRegion("Teams")}>
            <table className="org-table" aria-labelledby="org-table-heading">
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  <th scope="col" className="num">
                    Engineers
                  </th>
                  <th scope="col" className="num">
                    Toil share
                  </th>
                  <th scope="col" className="num">
                    On-call share
                  </th>
                  <th scope="col">Over the caps</th>
                </tr>
              </thead>
              <tbody>
                {summary.teams.map((row) => (
                  <TeamRow key={row.team.id} row={row} choice={choice} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function TeamRow({ row, choice }: { row: OrgTeamSummary; choice: PeriodChoice }) {
  const standing = (over: boolean, cap: number) => (
    <span className={`badge ${over ? "over" : "under"}`}>
      {over ? "over" : "under"} {formatPercent(cap)}
    </span>
  );
  return (
    <tr>
      <th scope="row">
        {/* A plain link: the page loads as a document, which makes its team the chosen one (see proxy.ts). */}
        <a href={`/reports?${periodQuery(row.team.id, choice)}`}>{row.team.name}</a>
      </th>
      <td className="num">{row.engineers}</td>
      <td className="num">
        {shareText(row.accounting.toilShare)} {standing(row.toilCap.over, row.caps.toilCap)}
      </td>
      <td className="num">
        {shareText(row.accounting.onCallShare)} {standing(row.onCallCap.over, row.caps.onCallCap)}
      </td>
      <td>
        {row.overCap.length === 0 ? (
          <span className="stat-note">Nobody</span>
        ) : (
          <ul className="org-over-list">
            {row.overCap.map((member) => (
              <li key={member.personId}>
                {member.name}: {shareText(member.toilShare)} toil
                {member.overOnCallCap ? `, ${shareText(member.onCallShare)} on call` : ""}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
