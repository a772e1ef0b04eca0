import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { interrupt, team } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import type { Severity } from "./alert-signal";
import { suggestedMinutes } from "./suggested-minutes";
import { suggestedTicketMinutes } from "./suggested-ticket-minutes";

type InterruptRow = typeof interrupt.$inferSelect;

export interface CapturedAlertView {
  id: string;
  alertName: string | null;
  summary: string;
  service: string | null;
  severity: Severity;
  openedAt: Date;
  resolvedAt: Date | null;
}

/** One captured incident (or ticket) waiting for its engineer: confirmed or dismissed with one click. */
export interface InboxItem {
  /** The page to name when confirming or dismissing: the incident's earliest page credited to the viewer. */
  interruptId: string;
  teamId: string;
  teamName: string;
  /** Pages come from Alertmanager; tickets from a ticket webhook or a CSV import, one item each. */
  kind: InterruptRow["kind"];
  source: string;
  /** The ticket's id in its system (OPS-1234); null for pages. */
  externalId: string | null;
  alertName: string | null;
  summary: string;
  service: string | null;
  /** The most severe of its alerts. */
  severity: Severity;
  openedAt: Date;
  /** When its last alert resolved; null while any still fires. */
  resolvedAt: Date | null;
  alerts: CapturedAlertView[];
  /** From the first start to the resolution (or now), capped: the engineer may change it. */
  suggestedMinutes: number;
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/** Enough pages to fill the inbox even when incidents have many alerts each. */
const PAGE_SCAN_LIMIT = 2000;

function alertView(row: InterruptRow): CapturedAlertView {
  return {
    id: row.id,
    alertName: row.alertName,
    summary: row.summary,
    service: row.service,
    severity: row.severity,
    openedAt: row.openedAt,
    resolvedAt: row.resolvedAt,
  };
}

function inboxItem(pages: readonly InterruptRow[], teamName: string, now: Date): InboxItem | null {
  const ordered = [...pages].sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
  const first = ordered[0];
  if (!first) return null;
  const stillFiring = ordered.some((page) => page.resolvedAt === null);
  const resolvedAt = stillFiring ? null : new Date(Math.max(...ordered.map((page) => page.resolvedAt?.getTime() ?? 0)));
  const severity = ordered.reduce<Severity>(
    (worst, page) => (SEVERITY_RANK[page.severity] < SEVERITY_RANK[worst] ? page.severity : worst),
    "info",
  );
  return {
    interruptId: first.id,
    teamId: first.teamId,
    teamName,
    kind: first.kind,
    source: first.source,
    externalId: first.externalId,
    alertName: first.alertName,
    summary: first.summary,
    service: first.service,
    severity,
    openedAt: first.openedAt,
    resolvedAt,
    alerts: ordered.map(alertView),
    suggestedMinutes:
      first.kind === "ticket"
        ? suggestedTicketMinutes(first.openedAt, resolvedAt)
        : suggestedMinutes(first.openedAt, resolvedAt, now),
  };
}

/** The caller's captured pages and tickets not yet confirmed or dismissed, one item per incident, newest first. */
export async function listCaptureInbox(
  db: Db,
  viewer: Viewer,
  input: { limit: number },
  now: Date,
): Promise<InboxItem[]> {
  const rows = await db
    .select({ page: interrupt, teamName: team.name })
    .from(interrupt)
    .innerJoin(team, eq(team.id, interrupt.teamId))
    .where(
      and(
        eq(interrupt.assigneeId, viewer.personId),
        eq(interrupt.captureStatus, "captured"),
        isNull(interrupt.deletedAt),
        isNull(team.deletedAt),
      ),
    )
    .orderBy(desc(interrupt.openedAt), desc(interrupt.id))
    .limit(PAGE_SCAN_LIMIT);
  const incidents = new Map<string, { teamName: string; pages: InterruptRow[] }>();
  for (const { page, teamName } of rows) {
    const key = page.incidentId ?? page.id;
    const incident = incidents.get(key) ?? { teamName, pages: [] };
    incident.pages.push(page);
    incidents.set(key, incident);
  }
  return [...incidents.values()]
    .flatMap((incident) => inboxItem(incident.pages, incident.teamName, now) ?? [])
    .sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime() || (a.interruptId < b.interruptId ? 1 : -1))
    .slice(0, input.limit);
}
