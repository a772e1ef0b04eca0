import { pagerdutySignature } from "@/server/integrations/pagerduty/signature";

/**
 * PagerDuty v3 webhook deliveries as PagerDuty's documentation shows them (Webhooks v3 overview: the event
 * envelope, an `incident` as `event.data`, user references), for tests.
 */

export interface TestUser {
  id: string;
  name: string;
}

export interface TestIncident {
  id: string;
  number: number;
  title: string;
  createdAt: string;
  service?: string;
  assignees?: TestUser[];
  urgency?: "high" | "low";
  priority?: string | null;
}

const userReference = (user: TestUser) => ({
  html_url: `https://acme.pagerduty.com/users/${user.id}`,
  id: user.id,
  self: `https://api.pagerduty.com/users/${user.id}`,
  summary: user.name,
  type: "user_reference",
});

function incidentData(incident: TestIncident, status: string) {
  return {
    id: incident.id,
    type: "incident",
    self: `https://api.pagerduty.com/incidents/${incident.id}`,
    html_url: `https://acme.pagerduty.com/incidents/${incident.id}`,
    number: incident.number,
    status,
    incident_key: `d3640fbd41094207a1c11e58e46b${String(incident.number).padStart(4, "0")}`,
    created_at: incident.createdAt,
    title: incident.title,
    service: {
      html_url: "https://acme.pagerduty.com/services/PF9KMXH",
      id: "PF9KMXH",
      self: "https://api.pagerduty.com/services/PF9KMXH",
      summary: incident.service ?? "API Service",
      type: "service_reference",
    },
    assignees: status === "resolved" ? [] : (incident.assignees ?? []).map(userReference),
    escalation_policy: {
      html_url: "https://acme.pagerduty.com/escalation_policies/PUS0KTE",
      id: "PUS0KTE",
      self: "https://api.pagerduty.com/escalation_policies/PUS0KTE",
      summary: "Default",
      type: "escalation_policy_reference",
    },
    teams: [
      {
        html_url: "https://acme.pagerduty.com/teams/PFCVPS0",
        id: "PFCVPS0",
        self: "https://api.pagerduty.com/teams/PFCVPS0",
        summary: "Engineering",
        type: "team_reference",
      },
    ],
    priority:
      incident.priority === null || incident.priority === undefined
        ? null
        : {
            html_url: "https://acme.pagerduty.com/account/incident_priorities",
            id: "PSO75BM",
            self: "https://api.pagerduty.com/priorities/PSO75BM",
            summary: incident.priority,
            type: "priority_reference",
          },
    urgency: incident.urgency ?? "high",
    conference_bridge: { conference_number: "+1 1234123412,,987654321#", conference_url: "https://example.com" },
    resolve_reason: null,
  };
}

const STATUS = {
  "incident.triggered": "triggered",
  "incident.acknowledged": "acknowledged",
  "incident.resolved": "resolved",
} as const;

/** One delivery: `{"event": {...}}` with the incident as it was after the event. */
export function incidentEvent(
  eventId: string,
  type: keyof typeof STATUS,
  incident: TestIncident,
  occurredAt: string,
  agent: TestUser | null = null,
) {
  return {
    event: {
      id: eventId,
      event_type: type,
      resource_type: "incident",
      occurred_at: occurredAt,
      agent: agent ? userReference(agent) : null,
      client: agent ? { name: "PagerDuty" } : null,
      data: incidentData(incident, STATUS[type]),
    },
  };
}

/** The header PagerDuty sends: one `v1=` signature per active signing secret, comma-separated. */
export function signatureHeader(body: string, ...secrets: string[]): string {
  return secrets.map((secret) => pagerdutySignature(body, secret)).join(",");
}
