"use client";

import { formatPercent } from "@/app/_lib/format";
import { shareText, tooEarlyText } from "../work/datetime";
import { ShareBarPlotLazy } from "./lazy";

/**
 * One share as a horizontal bar from 0 to 100% with the cap drawn as a reference line. The chart is
 * decoration for sighted readers; its figure caption carries the numbers for everyone else. A provisional share
 * (less than a working day counted) shows the hours counted instead, never as over the cap.
 */
export function ShareBar({
  label,
  share,
  cap,
  provisional = null,
}: {
  label: string;
  share: number;
  cap: number;
  provisional?: { workedMinutes: number } | null;
}) {
  if (provisional) {
    const text = tooEarlyText(provisional.workedMinutes);
    return (
      <figure className="share-bar" aria-label={`${label}: ${text}, cap ${formatPercent(cap)}`}>
        <figcaption className="share-bar-caption">
          <span>{label}</span>
          <span className="share-bar-value">
            <span className="badge provisional">{text}</span>
          </span>
        </figcaption>
      </figure>
    );
  }
  const over = share > cap;
  const summary = `${label}: ${shareText(share)}, cap ${formatPercent(cap)}, ${over ? "over" : "under"} the cap`;
  return (
    <figure className="share-bar" aria-label={summary}>
      <figcaption className="share-bar-caption">
        <span>{label}</span>
        <span className="share-bar-value">
          <strong>{shareText(share)}</strong>
          <span className={`badge ${over ? "over" : "under"}`}>{over ? "over cap" : "under cap"}</span>
        </span>
      </figcaption>
      <div aria-hidden="true">
        <ShareBarPlotLazy label={label} share={share} cap={cap} />
      </div>
    </figure>
  );
}
