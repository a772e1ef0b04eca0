import { serverNow } from "@/server/clock";
import type { Metadata } from "next";
import { loadReport } from "@/app/_components/reports/load-report";
import type { ReportSearch } from "@/app/_components/reports/period";
import { ReportFrame } from "@/app/_components/reports/report-frame";
import { ReviewBoard } from "@/app/_components/review/review-board";
import { ReviewWeekNav } from "@/app/_components/review/week-nav";
import { localDateTime } from "@/app/_lib/format";
import { openTeamReport } from "@/app/_components/reports/team-report";

export const metadata: Metadata = { title: "Weekly review · Team reports" };

/** `?to=` an instant (the end of the 7 days shown); anything unreadable means now. */
function toParam(search: ReportSearch): Date | undefined {
  const value = Array.isArray(search.to) ? search.to[0] : search.to;
  if (!value) return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

export default async function ReviewPage({ searchParams }: { searchParams: Promise<ReportSearch> }) {
  const search = await searchParams;
  const { caller, viewer, team, choice } = await openTeamReport(search);
  const to = toParam(search);
  const review = team ? await loadReport(() => caller.review.week({ teamId: team.id, to })) : null;
  const now = serverNow();
  return (
    <ReportFrame
      tab="/reports/review"
      intro="the week's pages and tickets: mark each actionable or not, tag its cause, link the root-cause fix, and silence an alert whose fix is scheduled."
      team={team}
      choice={choice}
      withPeriod={false}
    >
      {review && !review.ok && (
        <div className="alert error" role="alert">
          {review.message}
        </div>
      )}
      {team && review?.ok && (
        <>
          <div className="review-head">
            <p className="report-span">
              <strong>
                {localDateTime(review.data.period.from, viewer.timeZone)} –{" "}
                {localDateTime(review.data.period.to, viewer.timeZone)}
              </strong>
              <span className="stat-note">
                {" "}
                · {review.data.period.endsNow ? "the last 7 days" : "7 days"} · {viewer.timeZone}
              </span>
            </p>
            <ReviewWeekNav teamId={team.id} period={review.data.period} now={now} />
          </div>
          <ReviewBoard initial={review.data} teamId={team.id} to={to ?? null} timeZone={viewer.timeZone} />
        </>
      )}
    </ReportFrame>
  );
}
