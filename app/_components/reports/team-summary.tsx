import { shareText, tooEarlyText } from "@/app/_components/work/datetime";
import { formatPercent } from "@/app/_lib/format";
import type { TeamToilData } from "./types";

/** The team's share against the cap and how far apart its members are: the mean alone hides the 80% engineer. */
export function TeamSummary({ report }: { report: TeamToilData }) {
  const { totals, caps } = report;
  const spread = totals.toilShareSpread;
  return (
    <div className="grid cols-3 report-summary">
      <section className="card" aria-labelledby="sum-team">
        <h2 id="sum-team" className="stat-label">
          Team toil share
        </h2>
        {totals.toilCap.provisional ? (
          <span className="badge provisional">{tooEarlyText(totals.accounting.worked)}</span>
        ) : (
          <>
            <div className="stat-value">{shareText(totals.accounting.toilShare)}</div>
            <span className={`badge ${totals.toilCap.over ? "over" : "under"}`}>
              {totals.toilCap.over ? "over" : "under"} the {formatPercent(caps.toilCap)} cap
            </span>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="sum-spread">
        <h2 id="sum-spread" className="stat-label">
          Spread of shares
        </h2>
        {spread ? (
          <dl className="spread">
            <div>
              <dt>Min</dt>
              <dd>{shareText(spread.min)}</dd>
            </div>
            <div>
              <dt>Median</dt>
              <dd>{shareText(spread.median)}</dd>
            </div>
            <div>
              <dt>Max</dt>
              <dd>{shareText(spread.max)}</dd>
            </div>
          </dl>
        ) : (
          <p className="stat-note">Too early to tell: nobody has a working day counted in this period yet.</p>
        )}
        {spread && <p className="stat-note">Over {spread.members} engineers with at least a working day counted.</p>}
      </section>
      <section className="card" aria-labelledby="sum-over">
        <h2 id="sum-over" className="stat-label">
          Over the caps
        </h2>
        <div className="stat-value">{totals.membersOverToilCap}</div>
        <p className="stat-note">
          {totals.membersOverToilCap === 1 ? "engineer" : "engineers"} over the toil cap; {totals.membersOverOnCallCap}{" "}
          over the {formatPercent(caps.onCallCap)} on-call cap.{" "}
          {totals.onCallCap.provisional
            ? "Team on-call share: too early to tell."
            : `Team on-call share ${shareText(totals.accounting.onCallShare)}.`}
        </p>
      </section>
    </div>
  );
}
