import type { Metadata } from "next";
import { DateTime } from "luxon";
import { serverNow } from "@/server/clock";
import { signedInCaller } from "@/server/trpc/server";
import { EmptyState } from "@/app/_components/empty-state";
import { formatPercent } from "@/app/_lib/format";
import { CustomRange } from "./custom-range";
import { LivePeriods, LiveTrend } from "./live-periods";

export const metadata: Metadata = { title: "My share" };

const TREND_WEEKS = 12;

export default async function SharePage() {
  const caller = await signedInCaller();
  const viewer = await caller.viewer.me();
  if (viewer.memberships.length === 0) {
    return <EmptyState title="No team yet">Your share is computed once you are in a team.</EmptyState>;
  }
  const { week, month, quarter, trend } = await caller.share.overview({ weeks: TREND_WEEKS });
  const today = DateTime.fromJSDate(serverNow(), { zone: viewer.timeZone });
  return (
    <>
      <div className="page-head">
        <div>
          <h1>My share</h1>
          <p>
            Operational work over worked time, against the {formatPercent(week.toilCap)} toil cap; on-call duty against
            the {formatPercent(week.onCallCap)} on-call cap. In your time zone, {viewer.timeZone}.
          </p>
        </div>
      </div>
      <div className="grid cols-3 periods">
        <LivePeriods initial={{ week, month, quarter }} timeZone={viewer.timeZone} />
      </div>
      <section className="card trend-card" aria-labelledby="trend-heading">
        <h2 id="trend-heading">The last {TREND_WEEKS} weeks</h2>
        <p className="stat-note">
          The cap is meant as an average over a few quarters: a single heavy week is not a breach.
        </p>
        <LiveTrend initial={trend} />
      </section>
      <CustomRange
        timeZone={viewer.timeZone}
        defaultFrom={today.minus({ months: 3 }).startOf("month").toISODate() ?? ""}
        defaultTo={today.toISODate() ?? ""}
      />
      <details className="card how-counted">
        <summary>How these numbers are counted</summary>
        <ul>
          <li>
            <strong>Scheduled</strong>: your working days and hours (Profile), minus absences.
          </li>
          <li>
            <strong>Duty</strong>: scheduled time on primary, secondary or ticket duty; all of it counts as interrupt
            time.
          </li>
          <li>
            <strong>Logged toil</strong>: scheduled time covered by your toil entries outside duty; overlaps count once.
          </li>
          <li>
            <strong>After hours</strong>: toil outside scheduled time (nights, weekends, leave); it adds to worked time
            too.
          </li>
          <li>
            <strong>Toil share</strong> = (duty + logged + after hours) / (scheduled + after hours).{" "}
            <strong>On-call share</strong> = on-call duty / worked.
          </li>
        </ul>
      </details>
    </>
  );
}
