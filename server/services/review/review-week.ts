import "server-only";
import { and, asc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { interrupt, workEntry } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { alertToIncidentRatio, type AlertIncidentRatio } from "@/server/domain/review/alert-ratio";
import { rankNoisiestAlerts, type NoisyAlert } from "@/server/domain/review/noisiest-alerts";
import { reviewProgress, type ReviewProgress } from "@/server/domain/review/review-summary";
import type { Interval } from "@/server/domain/time";
import type { InterruptCause, reviewWeekInput } from "@/server/schemas/review";
import { notesInWindow } from "../handoffs/list-notes";
import type { HandoffNoteView } from "../handoffs/note-view";
import { nameOf, peopleByIds } from "../rotations/rotation-facts";
import { openReviewTeam, reviewsEverything } from "./review-access";
import { causeOf, groupForReview, resolvedAtOf, worstSeverity } from "./review-items";
import { activeSilences, type SilenceView } from "./silences/silence-view";

export type ReviewWeekInput = z.output<typeof reviewWeekInput>;
type InterruptRow = typeof interrupt.$inferSelect;

/** How many alert names the noisiest-alerts table shows. */
const NOISIEST_LIMIT = 10;
const WEEK = { days: 7 } as const;

export interface PersonRef {
  id: string;
  name: string;
}

export interface ReviewPage {
  id: string;
  alertName: string | null;
  summary: string;
  service: string | null;
  severity: InterruptRow["severity"];
  openedAt: Date;
  resolvedAt: Date | null;
  /** Captured while a silence of its alert name was active: it skipped the inbox. */
  silenced: boolean;
}

/** One thing to review: a ticket or request, or the pages of one incident (reviewed together). */
export interface ReviewItem {
  /** The interrupt to name when reviewing it: its earliest. */
  id: string;
  kind: InterruptRow["kind"];
  /** Pages only: whether its head was marked as an incident (rule 8), not merely paged. */
  isIncident: boolean;
  openedAt: Date;
  resolvedAt: Date | null;
  alertName: string | null;
  summary: string;
  service: string | null;
  severity: InterruptRow["severity"];
  /** Its pages, earliest first (empty for tickets and requests). */
  pages: ReviewPage[];
  /** Who got it, as far as the viewer may see: managers see everyone, others themselves. */
  assignees: PersonRef[];
  /** Assignees the viewer may not see by name. */
  hiddenAssignees: number;
  /** Minutes logged on it, by anyone. */
  loggedMinutes: number;
  actionable: boolean | null;
  cause: InterruptCause | null;
  fixUrl: string | null;
  reviewedBy: PersonRef | null;
  reviewedAt: Date | null;
  silenced: boolean;
  /** Whether the viewer may review it (the procedure checks the same). */
  canReview: boolean;
}

export interface NoisyAlertView extends NoisyAlert {
  silence: SilenceView | null;
  /** Whether the viewer may silence it: a manager or planner, or someone it paged this week. */
  canSilence: boolean;
}

export interface ReviewWeek {
  team: { id: string; name: string };
  /** [from, to): the 7 days before `to`, on the viewer's wall clock. */
  period: { from: Date; to: Date; timeZone: string; endsNow: boolean };
  items: ReviewItem[];
  summary: {
    progress: ReviewProgress;
    pages: number;
    incidents: number;
    tickets: number;
    requests: number;
    ratio: AlertIncidentRatio;
    silencedPages: number;
    loggedMinutes: number;
    /** Reviewed items per cause, most first. */
    causes: Array<{ cause: InterruptCause; items: number }>;
  };
  noisiestAlerts: NoisyAlertView[];
  /** The team's silences active now, with whether the viewer may lift each. */
  silences: Array<SilenceView & { canLift: boolean }>;
  handoffs: HandoffNoteView[];
  /** Managers and planners review everything; engineers their own. */
  reviewsEverything: boolean;
}

/** The 7 days ending at `to` (now by default, never later), on the viewer's clock so a DST week is 167 or 169 hours. */
export function reviewWindow(to: Date | undefined, timeZone: string, now: Date): Interval {
  const end = to && to < now ? to : now;
  return { start: DateTime.fromJSDate(end, { zone: timeZone }).minus(WEEK).toMillis(), end: end.getTime() };
}

async function minutesLoggedOn(db: Db, interruptIds: string[]): Promise<Map<string, number>> {
  if (interruptIds.length === 0) return new Map();
  const sums = await db
    .select({ interruptId: workEntry.interruptId, minutes: sql<number>`sum(${workEntry.minutes})::int` })
    .from(workEntry)
    .where(and(isNull(workEntry.deletedAt), inArray(workEntry.interruptId, interruptIds)))
    .groupBy(workEntry.interruptId);
  return new Map(sums.flatMap((s) => (s.interruptId ? [[s.interruptId, s.minutes] as const] : [])));
}

/** The team's pages and tickets opened in a week, grouped for review, with the week's summary, noisiest alerts and silences. */
export async function reviewWeek(db: Db, viewer: Viewer, input: ReviewWeekInput, now: Date): Promise<ReviewWeek> {
  const team = await openReviewTeam(db, viewer, input.teamId);
  const window = reviewWindow(input.to, viewer.timeZone, now);
  const rows = await db
    .select()
    .from(interrupt)
    .where(
      and(
        eq(interrupt.teamId, team.id),
        isNull(interrupt.deletedAt),
        gte(interrupt.openedAt, new Date(window.start)),
        lt(interrupt.openedAt, new Date(window.end)),
      ),
    )
    .orderBy(asc(interrupt.openedAt), asc(interrupt.id));
  const logged = await minutesLoggedOn(
    db,
    rows.map((row) => row.id),
  );
  const people = await peopleByIds(
    db,
    rows.flatMap((row) => [row.assigneeId, row.reviewedById].flatMap((id) => id ?? [])),
  );
  const everything = reviewsEverything(viewer, team.id);
  // Whoever reviews everything needs to see who got each item (managers, planners, admins).
  const seesEveryone = everything;
  const person = (id: string | null): PersonRef | null => (id ? { id, name: nameOf(people, id) } : null);

  const items = groupForReview(rows).flatMap((group): ReviewItem[] => {
    const [head] = group;
    if (!head) return [];
    const assigneeIds = [...new Set(group.flatMap((row) => row.assigneeId ?? []))];
    const visible = assigneeIds.filter((id) => seesEveryone || id === viewer.personId);
    return [
      {
        id: head.id,
        kind: head.kind,
        isIncident: head.kind === "page" && group.some((row) => row.isIncident),
        openedAt: head.openedAt,
        resolvedAt: resolvedAtOf(group),
        alertName: head.alertName,
        summary: head.summary,
        service: head.service,
        severity: worstSeverity(group),
        pages: head.kind === "page" ? group.map(pageView) : [],
        assignees: visible.flatMap((id) => person(id) ?? []),
        hiddenAssignees: assigneeIds.length - visible.length,
        loggedMinutes: group.reduce((sum, row) => sum + (logged.get(row.id) ?? 0), 0),
        actionable: head.actionable,
        cause: causeOf(head.cause),
        fixUrl: head.fixUrl,
        reviewedBy: person(head.reviewedById),
        reviewedAt: head.reviewedAt,
        silenced: group.some((row) => row.silenceId !== null),
        canReview: everything || assigneeIds.includes(viewer.personId),
      },
    ];
  });

  const pages = rows.filter((row) => row.kind === "page");
  const incidents = pages.filter((row) => row.isIncident).length;
  const silences = await activeSilences(db, team.id, now);
  const silenceOf = new Map(silences.map((silence) => [silence.alertName, silence]));
  const pagedMe = new Set(
    pages.flatMap((row) => (row.assigneeId === viewer.personId && row.alertName ? [row.alertName] : [])),
  );
  const noisiest = rankNoisiestAlerts(
    pages.map((row) => ({ alertName: row.alertName, actionable: row.actionable, silenced: row.silenceId !== null })),
    NOISIEST_LIMIT,
  );
  return {
    team,
    period: {
      from: new Date(window.start),
      to: new Date(window.end),
      timeZone: viewer.timeZone,
      endsNow: window.end === now.getTime(),
    },
    items,
    summary: {
      progress: reviewProgress(items),
      pages: pages.length,
      incidents,
      tickets: rows.filter((row) => row.kind === "ticket").length,
      requests: rows.filter((row) => row.kind === "request").length,
      ratio: alertToIncidentRatio(pages.length, incidents),
      silencedPages: pages.filter((row) => row.silenceId !== null).length,
      loggedMinutes: items.reduce((sum, item) => sum + item.loggedMinutes, 0),
      causes: causeCounts(items),
    },
    noisiestAlerts: noisiest.map((alert) => ({
      ...alert,
      silence: silenceOf.get(alert.alertName) ?? null,
      canSilence: everything || pagedMe.has(alert.alertName),
    })),
    silences: silences.map((silence) => ({
      ...silence,
      canLift: everything || silence.createdBy?.id === viewer.personId,
    })),
    handoffs: await notesInWindow(db, viewer, team.id, window),
    reviewsEverything: everything,
  };
}

function pageView(row: InterruptRow): ReviewPage {
  return {
    id: row.id,
    alertName: row.alertName,
    summary: row.summary,
    service: row.service,
    severity: row.severity,
    openedAt: row.openedAt,
    resolvedAt: row.resolvedAt,
    silenced: row.silenceId !== null,
  };
}

function causeCounts(items: readonly ReviewItem[]): Array<{ cause: InterruptCause; items: number }> {
  const counts = new Map<InterruptCause, number>();
  for (const item of items) {
    if (item.actionable !== null && item.cause) counts.set(item.cause, (counts.get(item.cause) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([cause, count]) => ({ cause, items: count }))
    .sort((a, b) => b.items - a.items || (a.cause < b.cause ? -1 : 1));
}
