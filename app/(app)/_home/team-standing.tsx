import Link from "next/link";
import { DateTime } from "luxon";
import { breachPercent } from "@/server/domain/breaches/breach-text";
import { deliveryText } from "@/app/_components/breaches/delivery-text";
import { formatPercent } from "@/app/_lib/format";
import type { TeamStandingData } from "./types";

const STATUS_BADGE = { sent: "under", pending: "subtle", failed: "over", none: "subtle" } as const;
const CAP_NAME = { toil: "toil", "on-call": "on-call" } as const;

type Finding = TeamStandingData["atRisk"][number]["findings"][number];

function FindingBadge({ finding }: { finding: Finding }) {
  const share = breachPercent(finding.share, finding.cap);
  return (
    <span className={`badge ${finding.projected ? "heading" : "over"}`}>
      {CAP_NAME[finding.kind]} {finding.projected ? `heading to ${share}` : share}
      <span className="visually-hidden"> against a cap of {formatPercent(finding.cap)}</span>
    </span>
  );
}

/**
 * A manager's home: the chosen team this month, who is over a cap or heading over it, the month's breaches and
 * whether their notifications went out, and how far the weekly interrupt review got. Each card links to the page
 * where one acts on it, for the same team.
 */
export function TeamStandingSection({ data, zone }: { data: TeamStandingData; zone: string }) {
  const { team, caps, atRisk, breaches, review } = data;
  const q = `team=${team.id}`;
  const monthName = DateTime.fromISO(`${data.month.key}-01`).setLocale("en-GB").toFormat("LLLL");
  const over = atRisk.filter((r) => r.findings.some((f) => !f.projected)).length;
  const heading = atRisk.length - over;
  const { progress } = review;
  const reviewedShare = progress.items > 0 ? progress.reviewed / progress.items : 0;
  return (
    <section className="home-section" aria-labelledby="team-standing-heading">
      <div className="home-section-head">
        <h2 id="team-standing-heading">
          {team.name} in {monthName}
        </h2>
        <p className="stat-note">
          {data.engineers} engineers · toil cap {formatPercent(caps.toilCap)} · on-call cap{" "}
          {formatPercent(caps.onCallCap)}
        </p>
      </div>
      <div className="home-cards">
        <section className="card home-card" aria-labelledby="at-risk-heading">
          <h3 id="at-risk-heading">Over the caps</h3>
          {data.engineers === 0 ? (
            <p className="stat-note">The team has no engineers yet: invite them in Settings.</p>
          ) : atRisk.length === 0 ? (
            <p className="home-calm">Nobody is over a cap this month, or heading over by its end.</p>
          ) : (
            <>
              <p className="home-figure">
                <strong>{over}</strong> over
                {heading > 0 ? (
                  <>
                    , <strong>{heading}</strong> heading over
                  </>
                ) : null}
                <span className="stat-note"> of {data.engineers} engineers</span>
              </p>
              <ul className="home-list">
                {atRisk.map((person) => (
                  <li key={person.personId}>
                    <span className="home-list-main">{person.name}</span>
                    <span className="home-badges">
                      {person.findings.map((finding) => (
                        <FindingBadge key={finding.kind} finding={finding} />
                      ))}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="card-foot-link">
            <Link href={`/reports?${q}&period=month`}>Toil-cap report →</Link>
          </p>
        </section>

        <section className="card home-card" aria-labelledby="breaches-heading">
          <h3 id="breaches-heading">Breach notifications</h3>
          {breaches.total === 0 ? (
            <p className="home-calm">No breaches in {monthName}.</p>
          ) : (
            <>
              <p className="home-figure">
                <strong>{breaches.total}</strong> this month
                <span className="stat-note">
                  {" "}
                  · {breaches.delivery.sent} notified
                  {breaches.delivery.pending > 0 && `, ${breaches.delivery.pending} sending`}
                  {breaches.delivery.failed > 0 && `, ${breaches.delivery.failed} failed`}
                  {breaches.delivery.none > 0 && `, ${breaches.delivery.none} without a webhook`}
                </span>
              </p>
              <ul className="home-list">
                {breaches.latest.map((breach) => (
                  <li key={breach.id}>
                    <span className="home-list-main">
                      {breach.name}
                      <span className="stat-note home-sub">
                        {CAP_NAME[breach.kind]} {breachPercent(breach.share, breach.cap)}
                        {breach.projected ? " projected" : ""} ·{" "}
                        {DateTime.fromJSDate(breach.detectedAt, { zone }).toFormat("d LLL")}
                      </span>
                    </span>
                    <span className={`badge ${STATUS_BADGE[breach.deliveryStatus]}`}>{deliveryText(breach)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="card-foot-link">
            {breaches.delivery.none > 0 || breaches.delivery.failed > 0 ? (
              <Link href={`/settings?${q}#breach-webhook-heading`}>Breach webhook in Settings →</Link>
            ) : (
              <Link href={`/reports?${q}&period=month#team-breaches-heading`}>All breaches →</Link>
            )}
          </p>
        </section>

        <section className="card home-card" aria-labelledby="review-heading">
          <h3 id="review-heading">Weekly review</h3>
          {progress.items === 0 ? (
            <p className="home-calm">No pages or tickets in the last 7 days: nothing to review.</p>
          ) : (
            <>
              <p className="home-figure">
                <strong>{progress.reviewed}</strong> of {progress.items} reviewed
              </p>
              <div
                className="cap-meter"
                role="meter"
                aria-label="Interrupts reviewed"
                aria-valuemin={0}
                aria-valuemax={progress.items}
                aria-valuenow={progress.reviewed}
              >
                <span className="cap-meter-fill" style={{ width: `${Math.round(reviewedShare * 100)}%` }} />
              </div>
              <p className="stat-note">
                {progress.unreviewed === 0 ? "All reviewed." : `${progress.unreviewed} still to review.`}{" "}
                {progress.actionableShare !== null &&
                  `${formatPercent(progress.actionableShare)} of those reviewed were actionable.`}
              </p>
            </>
          )}
          <p className="card-foot-link">
            <Link href={`/reports/review?${q}`}>{progress.unreviewed > 0 ? "Review them →" : "Weekly review →"}</Link>
          </p>
        </section>
      </div>
    </section>
  );
}
