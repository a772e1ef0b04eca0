import type { AlertNotification, AlertSignal, Severity } from "@/server/services/capture/alert-signal";
import type { AlertmanagerAlert, AlertmanagerPayload } from "./payload";

/** Interrupt summaries are at most this long (server/schemas/work-log.ts). */
const SUMMARY_LIMIT = 300;

/** Prometheus rules name severities freely; these are the common spellings. Anything else is medium. */
const SEVERITY_OF: Record<string, Severity> = {
  critical: "critical",
  page: "critical",
  p1: "critical",
  high: "high",
  error: "high",
  major: "high",
  p2: "high",
  warning: "medium",
  warn: "medium",
  medium: "medium",
  p3: "medium",
  low: "low",
  minor: "low",
  p4: "low",
  info: "info",
  none: "info",
  p5: "info",
};

export function severityOf(labels: Readonly<Record<string, string>>): Severity {
  return SEVERITY_OF[(labels.severity ?? labels.priority ?? "").trim().toLowerCase()] ?? "medium";
}

/** The service an alert is about, by the labels Prometheus setups commonly use for it. */
export function serviceOf(labels: Readonly<Record<string, string>>): string | null {
  const named = labels.service ?? labels.app ?? labels.job ?? labels.namespace;
  const trimmed = named?.trim().slice(0, 120);
  return trimmed ? trimmed : null;
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length <= SUMMARY_LIMIT ? oneLine : `${oneLine.slice(0, SUMMARY_LIMIT - 1)}…`;
}

/** What the page says: the rule's summary annotation, else its description, else the alert's name and instance. */
export function summaryOf(alert: Pick<AlertmanagerAlert, "labels" | "annotations">): string {
  const { labels, annotations } = alert;
  const written = annotations.summary ?? annotations.description ?? annotations.message;
  if (written?.trim()) return clip(written);
  const name = labels.alertname?.trim() || "Alert";
  return clip(labels.instance ? `${name} on ${labels.instance}` : name);
}

/** A resolved alert without an end (a sender that omits `endsAt`, or Go's zero time) ended when we heard of it. */
export function toSignal(alert: AlertmanagerAlert, receivedAt: Date): AlertSignal {
  return {
    fingerprint: alert.fingerprint,
    status: alert.status,
    startsAt: alert.startsAt,
    endsAt: alert.status === "resolved" ? (alert.endsAt ?? receivedAt) : alert.endsAt,
    alertName: alert.labels.alertname?.trim().slice(0, 200) || null,
    service: serviceOf(alert.labels),
    severity: severityOf(alert.labels),
    summary: summaryOf(alert),
  };
}

export function toNotification(payload: AlertmanagerPayload, receivedAt: Date): AlertNotification {
  return { groupKey: payload.groupKey, alerts: payload.alerts.map((alert) => toSignal(alert, receivedAt)) };
}
