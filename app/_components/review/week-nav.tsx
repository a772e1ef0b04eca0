import Link from "next/link";
import { DateTime } from "luxon";

function reviewHref(teamId: string, to: Date | null): string {
  const params = new URLSearchParams({ team: teamId });
  if (to) params.set("to", to.toISOString());
  return `/reports/review?${params.toString()}`;
}

/**
 * Back and forth by 7 days, as plain links (the week lands in the URL, so a review is linkable). The week after
 * one ending in the last 7 days is the current one: "the last 7 days up to now".
 */
export function ReviewWeekNav({
  teamId,
  period,
  now,
}: {
  teamId: string;
  period: { from: Date; to: Date; timeZone: string; endsNow: boolean };
  now: Date;
}) {
  const next = DateTime.fromJSDate(period.to, { zone: period.timeZone }).plus({ days: 7 }).toJSDate();
  return (
    <nav className="week-nav" aria-label="Review weeks">
      <Link className="button secondary" href={reviewHref(teamId, period.from)} rel="prev">
        ← Previous 7 days
      </Link>
      {!period.endsNow && (
        <>
          <Link className="button secondary" href={reviewHref(teamId, null)}>
            Last 7 days
          </Link>
          <Link className="button secondary" href={reviewHref(teamId, next < now ? next : null)} rel="next">
            Next 7 days →
          </Link>
        </>
      )}
    </nav>
  );
}
