import type { PagerdutyIncidentSignal } from "@/server/services/capture/capture-pagerduty-event";
import { severityOf } from "../alertmanager/to-signals";
import type { PagerdutyEvent, PagerdutyIncident } from "./payload";

const SUMMARY_LIMIT = 300;

function summaryOf(incident: PagerdutyIncident): string {
  const title = (incident.title ?? "").replace(/\s+/g, " ").trim() || "PagerDuty incident";
  const text = incident.number === undefined ? title : `[#${incident.number}] ${title}`;
  return text.length <= SUMMARY_LIMIT ? text : `${text.slice(0, SUMMARY_LIMIT - 1)}…`;
}

/** A priority (P1..P5) says more than the urgency; without one, high urgency is high and low is low. */
function severity(incident: PagerdutyIncident) {
  if (incident.priority?.summary) return severityOf({ priority: incident.priority.summary });
  return incident.urgency === "low" ? "low" : "high";
}

/** What Toilcap keeps of an incident event, or null for events it does not credit. */
export function toIncidentSignal(event: PagerdutyEvent): PagerdutyIncidentSignal | null {
  const { incident } = event;
  if (!incident) return null;
  const user = (ref: { id: string; summary?: string | undefined }) => ({ id: ref.id, name: ref.summary ?? null });
  return {
    eventId: event.id,
    type:
      event.type === "incident.resolved"
        ? "resolved"
        : event.type === "incident.acknowledged"
          ? "acknowledged"
          : "triggered",
    occurredAt: event.occurredAt,
    incidentId: incident.id,
    openedAt: incident.created_at,
    summary: summaryOf(incident),
    service: incident.service?.summary?.trim().slice(0, 120) || null,
    severity: severity(incident),
    assignees: (incident.assignees ?? []).map(user),
    agent: event.agent && (event.agent.type ?? "user_reference") === "user_reference" ? user(event.agent) : null,
  };
}
