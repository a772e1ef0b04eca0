import "server-only";
import type { interrupt } from "@/db/schema";

export type Severity = (typeof interrupt.$inferSelect)["severity"];

/** One alert of a notification, already read from the sender's format (see server/integrations/alertmanager). */
export interface AlertSignal {
  /** The sender's identity of the alert; with `startsAt` it names one firing of it. */
  fingerprint: string;
  status: "firing" | "resolved";
  startsAt: Date;
  /** When it stopped firing; only read for resolved alerts. */
  endsAt: Date | null;
  alertName: string | null;
  service: string | null;
  severity: Severity;
  summary: string;
}

/** Alerts the sender notified together: one group, so one incident. */
export interface AlertNotification {
  groupKey: string;
  alerts: AlertSignal[];
}

/** What one delivery changed; a retried delivery reports everything as unchanged. */
export interface CaptureOutcome {
  alerts: number;
  created: number;
  resolved: number;
  unchanged: number;
}

/** One firing of an alert: the key the database is unique on (with the team). */
export function alertKey(fingerprint: string, startsAt: Date): string {
  return `${fingerprint}|${startsAt.getTime()}`;
}
