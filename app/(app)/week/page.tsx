import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "luxon";
import { serverNow } from "@/server/clock";
import { signedInCaller } from "@/server/trpc/server";
import { EmptyState } from "@/app/_components/empty-state";
import { InterruptDialogButton } from "@/app/_components/interrupt-dialog";
import { QuickLogButton } from "@/app/_components/quick-log";
import { WeekView } from "./week-view";

export const metadata: Metadata = { title: "My week" };

/** `?at=2026-11-16`: any day of the wanted week, read on the viewer's wall clock (noon, clear of DST edges). */
function dayParam(at: string | undefined, timeZone: string): Date | undefined {
  if (!at) return undefined;
  const day = DateTime.fromISO(at, { zone: timeZone });
  return day.isValid ? day.set({ hour: 12, minute: 0, second: 0, millisecond: 0 }).toJSDate() : undefined;
}

export default async function WeekPage({ searchParams }: { searchParams: Promise<{ at?: string }> }) {
  const caller = await signedInCaller();
  const viewer = await caller.viewer.me();
  if (viewer.memberships.length === 0) {
    return <EmptyState title="No team yet">Your week fills up once you are in a team and log work.</EmptyState>;
  }
  const at = dayParam((await searchParams).at, viewer.timeZone);
  const week = await caller.workLog.week(at ? { at } : {});
  const zone = week.timeZone;
  const monday = DateTime.fromJSDate(week.from, { zone });
  const sunday = DateTime.fromJSDate(week.to, { zone }).minus({ days: 1 });
  const thisMonday = DateTime.fromJSDate(serverNow(), { zone }).startOf("week");
  const isThisWeek = monday.hasSame(thisMonday, "day");
  const span = monday.hasSame(sunday, "month")
    ? `${monday.toFormat("d")}–${sunday.toFormat("d LLLL yyyy")}`
    : `${monday.toFormat("d LLL")} – ${sunday.toFormat("d LLL yyyy")}`;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>My week</h1>
          <p>
            {isThisWeek ? "This week, " : "Week of "}
            {span} · days in {zone}
          </p>
        </div>
        <div className="page-actions">
          <nav className="week-nav" aria-label="Weeks">
            <Link className="button secondary" href={`/week?at=${monday.minus({ weeks: 1 }).toISODate()}`} rel="prev">
              ← Previous week
            </Link>
            {!isThisWeek && (
              <Link className="button secondary" href="/week">
                This week
              </Link>
            )}
            <Link className="button secondary" href={`/week?at=${monday.plus({ weeks: 1 }).toISODate()}`} rel="next">
              Next week →
            </Link>
          </nav>
          <div className="action-row">
            <QuickLogButton>Log toil</QuickLogButton>
            <InterruptDialogButton />
          </div>
        </div>
      </div>
      <WeekView initial={week} at={at?.toISOString() ?? null} />
    </>
  );
}
