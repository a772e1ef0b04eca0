"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_lib/trpc";
import { formatPercent } from "@/app/_lib/format";
import { hoursText, shareText, tooEarlyText } from "@/app/_components/work/datetime";
import type { ShareData } from "@/app/_components/work/types";

/** `provisional` holds the worked minutes counted while too little is counted to tell; such a share is never over. */
function ShareCard(props: {
  id: string;
  title: string;
  share: number;
  cap: number;
  note: string;
  provisional: { workedMinutes: number } | null;
}) {
  const { id, title, share, cap, note, provisional } = props;
  const over = !provisional && share > cap;
  return (
    <section className="card share-card" aria-labelledby={id}>
      <h2 id={id} className="stat-label">
        {title}
      </h2>
      <div className="share-card-value">
        {provisional ? (
          <span className="badge provisional">{tooEarlyText(provisional.workedMinutes)}</span>
        ) : (
          <>
            <span className="stat-value">{shareText(share)}</span>
            <span className={`badge ${over ? "over" : "under"}`}>{over ? "over the cap" : "under the cap"}</span>
          </>
        )}
      </div>
      {!provisional && (
        <div className="cap-meter" aria-hidden="true">
          <span
            className={`cap-meter-fill ${over ? "over" : ""}`}
            style={{ width: `${Math.min(100, share * 100)}%` }}
          />
          <span className="cap-meter-cap" style={{ left: `${cap * 100}%` }} />
        </div>
      )}
      <div className="stat-note">
        Cap {formatPercent(cap)} · {note}
      </div>
      <p className="share-more">
        <Link href="/share">By month and quarter →</Link>
      </p>
    </section>
  );
}

/** This week's shares against the caps; refreshed whenever something is logged. */
export function WeekShareCards({ initial }: { initial: ShareData }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.share.mine.queryOptions({ period: "week" }, { initialData: initial }));
  const { accounting } = data;
  const provisional = data.provisional ? { workedMinutes: accounting.worked } : null;
  return (
    <>
      <ShareCard
        id="toil-share-week"
        title="Toil share this week"
        share={accounting.toilShare}
        cap={data.toilCap}
        note={`${hoursText(accounting.operational)} operational of ${hoursText(accounting.worked)} worked`}
        provisional={provisional}
      />
      <ShareCard
        id="on-call-share-week"
        title="On-call share this week"
        share={accounting.onCallShare}
        cap={data.onCallCap}
        note={`${hoursText(accounting.duty)} on duty`}
        provisional={provisional}
      />
    </>
  );
}
