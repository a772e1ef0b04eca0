import { z } from "zod";
import { cleanJson } from "../http/clean-text";

/**
 * PagerDuty's v3 webhook payload: one event per delivery (developer.pagerduty.com, Webhooks v3 overview). Only the
 * incident events Toilcap credits are read closely; any other event type is accepted and ignored.
 */

const instant = z.iso
  .datetime({ offset: true, error: "must be an ISO 8601 date and time" })
  .transform((text) => new Date(text));

const reference = z.object({
  id: z.string({ error: "must be a string" }).min(1, "must not be empty").max(64, "at most 64 characters"),
  summary: z.string().max(500).optional(),
  type: z.string().optional(),
});

export const pagerdutyIncident = z.object({
  id: z.string({ error: "must be a string" }).min(1, "must not be empty").max(64, "at most 64 characters"),
  type: z.literal("incident", { error: 'must be "incident"' }),
  number: z.int().optional(),
  title: z.string().max(10_000).optional(),
  created_at: instant,
  status: z.string().optional(),
  urgency: z.string().optional(),
  service: reference.nullish(),
  assignees: z.array(reference).max(100).optional(),
  priority: reference.nullish(),
});

const event = z.object({
  id: z.string({ error: "must be a string" }).min(1, "must not be empty").max(128, "at most 128 characters"),
  event_type: z.string({ error: "must be a string" }).min(1).max(100),
  resource_type: z.string().optional(),
  occurred_at: instant,
  agent: reference.nullish(),
  data: z.unknown(),
});

const envelope = z.object({ event });

export const CREDITED_EVENTS = ["incident.triggered", "incident.acknowledged", "incident.resolved"] as const;
export type CreditedEventType = (typeof CREDITED_EVENTS)[number];

export type PagerdutyIncident = z.output<typeof pagerdutyIncident>;
export type PagerdutyUser = z.output<typeof reference>;

export interface PagerdutyEvent {
  id: string;
  type: string;
  occurredAt: Date;
  agent: PagerdutyUser | null;
  /** Set for the incident events Toilcap credits. */
  incident: PagerdutyIncident | null;
}

export type ParsedPagerdutyEvent = { ok: true; event: PagerdutyEvent } | { ok: false; reason: string };

const isCredited = (type: string): type is CreditedEventType => (CREDITED_EVENTS as readonly string[]).includes(type);

function describe(error: z.ZodError, prefix: string[]): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${[...prefix, ...issue.path].join(".")}: ${issue.message}`)
    .join("; ");
}

/** Reads a delivery's body. Never throws. */
export function parsePagerdutyEvent(body: string): ParsedPagerdutyEvent {
  let json: unknown;
  try {
    json = cleanJson(JSON.parse(body));
  } catch (error) {
    return {
      ok: false,
      reason: `The body is not valid JSON${error instanceof SyntaxError ? `: ${error.message}` : ""}.`,
    };
  }
  const parsed = envelope.safeParse(json);
  if (!parsed.success)
    return { ok: false, reason: `Not a PagerDuty v3 webhook payload: ${describe(parsed.error, [])}.` };
  const { id, event_type: type, occurred_at: occurredAt, agent, data } = parsed.data.event;
  if (!isCredited(type)) return { ok: true, event: { id, type, occurredAt, agent: agent ?? null, incident: null } };
  const incident = pagerdutyIncident.safeParse(data);
  if (!incident.success)
    return { ok: false, reason: `Not a PagerDuty incident event: ${describe(incident.error, ["event", "data"])}.` };
  return { ok: true, event: { id, type, occurredAt, agent: agent ?? null, incident: incident.data } };
}
