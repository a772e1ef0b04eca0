import type { ExternalPerson } from "@/server/services/capture/external-people";
import { cleanJson } from "../http/clean-text";
import { isJiraEvent, parseJiraEvent } from "./jira-payload";
import { parseTicketPayload, type TicketWebhookPayload } from "./webhook-payload";

/** One call to a ticket webhook: a ticket in Toilcap's format, a Jira issue event, or a Jira event it ignores. */
export type TicketCall =
  | { ok: true; ticket: TicketWebhookPayload; eventId: string | null; assigneeAccount: ExternalPerson | null }
  | { ok: true; ticket: null }
  | { ok: false; reason: string };

/** Reads a ticket webhook's body in either format. Never throws. */
export function readTicketCall(body: string): TicketCall {
  let json: unknown = null;
  try {
    json = cleanJson(JSON.parse(body));
  } catch {
    // Not JSON: the ticket parser says so in its own words.
  }
  if (!isJiraEvent(json)) {
    const parsed = parseTicketPayload(body);
    return parsed.ok ? { ok: true, ticket: parsed.ticket, eventId: null, assigneeAccount: null } : parsed;
  }
  const jira = parseJiraEvent(json);
  if (!jira.ok) return jira;
  if (!jira.jira) return { ok: true, ticket: null };
  return { ok: true, ticket: jira.jira.ticket, eventId: jira.jira.eventId, assigneeAccount: jira.jira.assigneeAccount };
}
