import { formatPercent } from "@/app/_lib/format";
import { ratioText } from "./format";
import type { ReviewWeekData } from "./types";

type Ratio = ReviewWeekData["summary"]["ratio"];

const READING_BADGE: Record<Ratio["reading"], { text: string; tone: string } | null> = {
  quiet: null,
  "no-incidents": { text: "all noise", tone: "over" },
  healthy: { text: "healthy", tone: "under" },
  noisy: { text: "noisy", tone: "toil" },
  "very-noisy": { text: "very noisy", tone: "over" },
};

function ratioMeaning(ratio: Ratio): string {
  const counts = `${ratio.pages} ${ratio.pages === 1 ? "page" : "pages"}, ${ratio.incidents} ${ratio.incidents === 1 ? "incident" : "incidents"}.`;
  switch (ratio.reading) {
    case "quiet":
      return "No pages in these 7 days.";
    case "no-incidents":
      return `${counts} No page was an incident: every one was noise, or the incident was not marked.`;
    case "healthy":
      return `${counts} Near 1 is good: almost every page was a real incident.`;
    case "noisy":
      return `${counts} Some alerts page without a real problem behind them.`;
    case "very-noisy":
      return `${counts} Most pages are noise: tune, fix or silence the alerts below.`;
  }
}

/** The week at a glance: how far the review got, what share was worth it, how noisy the pager was, what is silenced. */
export function ReviewSummary({ data }: { data: ReviewWeekData }) {
  const { progress, ratio } = data.summary;
  const badge = READING_BADGE[ratio.reading];
  return (
    <div className="grid cols-3 report-summary review-summary">
      <section className="card" aria-labelledby="review-progress">
        <h2 id="review-progress" className="stat-label">
          Reviewed
        </h2>
        <div className="stat-value">
          {progress.reviewed} <span className="stat-of">of {progress.items}</span>
        </div>
        <p className="stat-note">
          {progress.unreviewed === 0 ? "Nothing left to review." : `${progress.unreviewed} still to review.`} An
          incident&apos;s pages count once.
        </p>
      </section>
      <section className="card" aria-labelledby="review-actionable">
        <h2 id="review-actionable" className="stat-label">
          Actionable
        </h2>
        <div className="stat-value">
          {progress.actionableShare === null ? "–" : formatPercent(progress.actionableShare)}
        </div>
        <p className="stat-note">
          {progress.actionable} actionable, {progress.notActionable} not, of the reviewed.
        </p>
      </section>
      <section className="card" aria-labelledby="review-ratio">
        <h2 id="review-ratio" className="stat-label">
          Alert-to-incident ratio
        </h2>
        <div className="stat-value">
          {ratio.ratio === null ? "–" : ratioText(ratio.ratio)}
          {badge && <span className={`badge ${badge.tone} stat-badge`}>{badge.text}</span>}
        </div>
        <p className="stat-note">{ratioMeaning(ratio)}</p>
      </section>
      <section className="card" aria-labelledby="review-silences">
        <h2 id="review-silences" className="stat-label">
          Active silences
        </h2>
        <div className="stat-value">{data.silences.length}</div>
        <p className="stat-note">
          {data.summary.silencedPages === 0
            ? "No page skipped the inbox in these 7 days."
            : `${data.summary.silencedPages} ${data.summary.silencedPages === 1 ? "page" : "pages"} skipped the inbox, stored and counted all the same.`}
        </p>
      </section>
    </div>
  );
}
