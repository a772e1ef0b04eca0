import Link from "next/link";
import { shareText } from "@/app/_components/work/datetime";
import { formatPercent } from "@/app/_lib/format";
import type { OrgSummaryData } from "./types";

/**
 * An administrator's home: the organisation summary for this month (every team's shares against its caps and who
 * is over them), with each team linking to its report and the whole to the organisation summary page.
 */
export function OrgOverviewSection({ data }: { data: OrgSummaryData }) {
  const { totals, teams } = data;
  return (
    <section className="home-section" aria-labelledby="org-heading">
      <div className="home-section-head">
        <h2 id="org-heading">The organisation this month</h2>
        <p className="stat-note">
          {teams.length} {teams.length === 1 ? "team" : "teams"} · {totals.engineers} engineers
        </p>
      </div>
      <div className="home-cards org">
        <section className="card home-card" aria-labelledby="org-share-heading">
          <h3 id="org-share-heading">Organisation toil share</h3>
          <p className="home-figure">
            <strong>{shareText(totals.accounting.toilShare)}</strong>
            <span className="stat-note"> on call {shareText(totals.accounting.onCallShare)}</span>
          </p>
          <p className="stat-note">Operational over worked time, every engineer of every team.</p>
        </section>
        <section className="card home-card" aria-labelledby="org-teams-over-heading">
          <h3 id="org-teams-over-heading">Teams over their caps</h3>
          <p className="home-figure">
            <strong>{totals.teamsOverToilCap}</strong> of {teams.length} over the toil cap
          </p>
          <p className="stat-note">
            {totals.teamsOverOnCallCap} over the on-call cap. {totals.engineersOverToilCap}{" "}
            {totals.engineersOverToilCap === 1 ? "engineer" : "engineers"} over a toil cap,{" "}
            {totals.engineersOverOnCallCap} over an on-call cap.
          </p>
        </section>
        <section className="card home-card" aria-labelledby="org-teams-heading">
          <h3 id="org-teams-heading">Each team</h3>
          <ul className="home-list">
            {teams.map((row) => {
              const over = row.overCap.length;
              return (
                <li key={row.team.id}>
                  <span className="home-list-main">
                    {/* A plain link: the page loads as a document, which makes its team the chosen one (see proxy.ts). */}
                    <a href={`/reports?team=${row.team.id}&period=month`}>{row.team.name}</a>
                    <span className="stat-note home-sub">
                      toil {shareText(row.accounting.toilShare)} of {formatPercent(row.caps.toilCap)} · on call{" "}
                      {shareText(row.accounting.onCallShare)} of {formatPercent(row.caps.onCallCap)}
                    </span>
                  </span>
                  <span className={`badge ${over > 0 ? "over" : "under"}`}>
                    {over > 0 ? `${over} over a cap` : "nobody over"}
                  </span>
                </li>
              );
            })}
          </ul>
          <p className="card-foot-link">
            <Link href="/reports/org?period=month">Organisation summary →</Link>
          </p>
        </section>
      </div>
    </section>
  );
}
