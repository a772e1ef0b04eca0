import { z } from "zod";
import type { ExternalPerson } from "@/server/services/capture/external-people";
import { instant, type TicketWebhookPayload } from "./webhook-payload";

/**
 * Jira Cloud's issue webhooks (`jira:issue_created`, `jira:issue_updated`), as Jira posts them to a ticket webhook
 * URL: `webhookEvent`, `timestamp`, the `issue` with its `fields`, and for updates the `changelog` of what changed.
 * Fields Toilcap does not use are ignored, since Jira sends dozens.
 */

const user = z
  .object({
    accountId: z.string().min(1).max(128).optional(),
    displayName: z.string().max(200).optional(),
    emailAddress: z.string().max(254).nullish(),
  })
  .nullish();

const named = z.object({ name: z.string().max(200) }).nullish();

const jiraEvent = z.object({
  webhookEvent: z.string().max(100),
  timestamp: z.number().int().optional(),
  issue: z.object({
    id: z.string().max(64).optional(),
    key: z.string({ error: "must be a string" }).trim().min(1, "must not be empty").max(200, "at most 200 characters"),
    fields: z.object({
      summary: z.string({ error: "must be a string" }).trim().min(1, "must not be empty"),
      created: instant,
      resolutiondate: instant.nullish(),
      assignee: user,
      priority: named,
      components: z
        .array(z.object({ name: z.string().max(200) }))
        .max(50)
        .nullish(),
      project: named,
    }),
  }),
  changelog: z
    .object({
      id: z.union([z.string(), z.number()]).transform(String),
      items: z
        .array(z.object({ field: z.string().max(200), to: z.string().nullish(), toString: z.string().nullish() }))
        .max(200),
    })
    .nullish(),
});

export const JIRA_ISSUE_EVENTS = ["jira:issue_created", "jira:issue_updated"] as const;

/** Jira's default priority names; a scheme of its own falls back to medium. */
const SEVERITY_OF_PRIORITY: Record<string, TicketWebhookPayload["severity"]> = {
  highest: "critical",
  blocker: "critical",
  critical: "critical",
  high: "high",
  major: "high",
  medium: "medium",
  low: "low",
  minor: "low",
  lowest: "info",
  trivial: "info",
};

export interface JiraTicket {
  /** The issue key and the change: one Jira event, so a redelivery is recognised. */
  eventId: string;
  ticket: TicketWebhookPayload;
  /** The assignee as Jira names them, for a team's account-id link when Jira hides the email. */
  assigneeAccount: ExternalPerson | null;
}

export type ParsedJiraEvent = { ok: true; jira: JiraTicket | null } | { ok: false; reason: string };

/** Whether a parsed JSON body is a Jira webhook event rather than Toilcap's own ticket format. */
export function isJiraEvent(json: unknown): boolean {
  return typeof json === "object" && json !== null && typeof Reflect.get(json, "webhookEvent") === "string";
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A Jira event as a ticket; `jira: null` for events other than issue created or updated (accepted, ignored). */
export function parseJiraEvent(json: unknown): ParsedJiraEvent {
  const parsed = jiraEvent.safeParse(json);
  if (!parsed.success) {
    const reason = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    return { ok: false, reason: `Not a Jira issue event: ${reason}.` };
  }
  const { webhookEvent, timestamp, issue, changelog } = parsed.data;
  if (!(JIRA_ISSUE_EVENTS as readonly string[]).includes(webhookEvent)) return { ok: true, jira: null };
  const { fields } = issue;
  const email = fields.assignee?.emailAddress?.trim().toLowerCase() ?? "";
  const resolvedNow =
    changelog?.items.some((item) => item.field === "resolution" && item.to) && timestamp !== undefined
      ? new Date(timestamp)
      : null;
  const resolved = fields.resolutiondate ?? resolvedNow;
  const change = changelog?.id ?? (webhookEvent === "jira:issue_created" ? "created" : String(timestamp ?? "updated"));
  return {
    ok: true,
    jira: {
      eventId: `jira:${issue.key}:${change}`,
      ticket: {
        id: issue.key,
        opened: fields.created,
        resolved: resolved && resolved >= fields.created ? resolved : resolved ? fields.created : null,
        assigneeEmail: EMAIL.test(email) ? email : null,
        service: (fields.components?.[0]?.name ?? fields.project?.name ?? "").trim().slice(0, 200) || null,
        summary: fields.summary.slice(0, 500),
        severity: SEVERITY_OF_PRIORITY[(fields.priority?.name ?? "").trim().toLowerCase()] ?? "medium",
      },
      assigneeAccount: fields.assignee?.accountId
        ? { id: fields.assignee.accountId, name: fields.assignee.displayName ?? null }
        : null,
    },
  };
}
