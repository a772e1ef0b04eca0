import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { interrupt, runningTimer, service, toilTemplate } from "@/db/schema";

export interface TimerView {
  teamId: string;
  startedAt: Date;
  /** Whole seconds since the start at the time of the request; the browser counts on from `startedAt`. */
  elapsedSeconds: number;
  summary: string;
  serviceId: string | null;
  serviceName: string | null;
  templateId: string | null;
  templateName: string | null;
  interruptId: string | null;
  interruptSummary: string | null;
}

/** The person's running timer, or null. */
export async function loadTimerView(db: Db, personId: string, now: Date): Promise<TimerView | null> {
  const [row] = await db
    .select({
      timer: runningTimer,
      serviceName: service.name,
      templateName: toilTemplate.name,
      interruptSummary: interrupt.summary,
    })
    .from(runningTimer)
    .leftJoin(service, eq(service.id, runningTimer.serviceId))
    .leftJoin(toilTemplate, eq(toilTemplate.id, runningTimer.templateId))
    .leftJoin(interrupt, eq(interrupt.id, runningTimer.interruptId))
    .where(eq(runningTimer.personId, personId));
  if (!row) return null;
  const { timer } = row;
  return {
    teamId: timer.teamId,
    startedAt: timer.startedAt,
    elapsedSeconds: Math.max(0, Math.floor((now.getTime() - timer.startedAt.getTime()) / 1000)),
    summary: timer.summary,
    serviceId: timer.serviceId,
    serviceName: row.serviceName,
    templateId: timer.templateId,
    templateName: row.templateName,
    interruptId: timer.interruptId,
    interruptSummary: row.interruptSummary,
  };
}
