"use client";

import { ShareBar } from "@/app/_components/charts/share-bar";
import { periodDaysText } from "@/app/_components/reports/period";
import { hoursText } from "@/app/_components/work/datetime";
import type { ShareData } from "@/app/_components/work/types";

/** One period's shares against the caps, in its own card. */
export function PeriodShare({
  id,
  title,
  data,
  timeZone,
}: {
  id: string;
  title: string;
  data: ShareData;
  timeZone: string;
}) {
  return (
    <section className="card period-card" aria-labelledby={id}>
      <header className="period-head">
        <h2 id={id}>{title}</h2>
        <span className="stat-note">
          {periodDaysText(data.period.from, data.period.to, timeZone)}, on your time zone ({data.timeZone})
        </span>
      </header>
      <PeriodBody data={data} />
    </section>
  );
}

/** The two shares against their caps and the hours they are made of (docs/accounting.md's rules). */
export function PeriodBody({ data }: { data: ShareData }) {
  const { accounting: a } = data;
  const provisional = data.provisional ? { workedMinutes: a.worked } : null;
  return (
    <>
      <ShareBar label="Toil share" share={a.toilShare} cap={data.toilCap} provisional={provisional} />
      <ShareBar label="On-call share" share={a.onCallShare} cap={data.onCallCap} provisional={provisional} />
      <dl className="breakdown">
        <div>
          <dt>Duty</dt>
          <dd>{hoursText(a.duty)}</dd>
        </div>
        <div>
          <dt>Logged toil</dt>
          <dd>{hoursText(a.logged)}</dd>
        </div>
        <div>
          <dt>After hours</dt>
          <dd>{hoursText(a.afterHours)}</dd>
        </div>
        <div className="breakdown-total">
          <dt>Operational</dt>
          <dd>{hoursText(a.operational)}</dd>
        </div>
        <div className="breakdown-total">
          <dt>Scheduled</dt>
          <dd>{hoursText(a.scheduled)}</dd>
        </div>
        <div className="breakdown-total">
          <dt>Worked</dt>
          <dd>{hoursText(a.worked)}</dd>
        </div>
      </dl>
    </>
  );
}
