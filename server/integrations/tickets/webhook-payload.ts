import { DateTime } from "luxon";
import { z } from "zod";
import { cleanJson } from "../http/clean-text";

/**
 * The body of a ticket webhook call (`POST /api/integrations/tickets/<secret>`): one ticket, as a ticket system's
 * automation sends it when a ticket is opened, assigned or resolved. Strict: an unknown field is refused by name,
 * so a typo ("resolvedAt" for "resolved") is reported instead of silently ignored.
 *
 * ```json
 * {"id": "OPS-1234", "opened": "2026-11-30T09:12:00Z", "resolved": null, "assigneeEmail": "erik@example.com",
 *  "service": "billing", "summary": "Refund stuck in the queue", "severity": "high"}
 * ```
 */

export const TICKET_SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;

/** "Z", "+01:00" or "+0100" at the end: an instant, not a wall-clock time someone must guess the zone of. */
const ENDS_WITH_OFFSET = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;

/** ISO 8601 with an offset (extended or basic, any fraction of a second), within the bounds of every instant Toilcap stores. */
export const instant = z
  .string({ error: typeError("an ISO 8601 date and time with an offset") })
  .transform((text, ctx) => {
    const trimmed = text.trim();
    const parsed = DateTime.fromISO(trimmed, { setZone: true });
    if (!parsed.isValid || !trimmed.includes("T") || !ENDS_WITH_OFFSET.test(trimmed)) {
      ctx.addIssue({
        code: "custom",
        message:
          "must be an ISO 8601 date and time with an offset, such as 2026-11-30T09:12:00Z or 2026-11-30T10:12:00+01:00",
      });
      return z.NEVER;
    }
    if (parsed.year < 2000 || parsed.year > 2100) {
      ctx.addIssue({ code: "custom", message: "must be between the years 2000 and 2100" });
      return z.NEVER;
    }
    return parsed.toJSDate();
  });

/** A type error's message, saying "is required" when the field is missing. */
function typeError(expected: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : `must be ${expected}`);
}

/** An optional text field: absent, null or blank all mean "none". */
function optionalText(max: number) {
  return z
    .string({ error: "must be a string or null" })
    .trim()
    .max(max, `at most ${max} characters`)
    .nullish()
    .transform((text) => (text ? text : null));
}

export const ticketWebhookPayload = z
  .strictObject(
    {
      id: z
        .string({ error: typeError("a string: the ticket's id in its system") })
        .trim()
        .min(1, "must not be empty")
        .max(200, "at most 200 characters"),
      opened: instant,
      resolved: instant.nullish().transform((at) => at ?? null),
      assigneeEmail: z
        .string({ error: "must be an email address or null" })
        .trim()
        .toLowerCase()
        .transform((text) => (text === "" ? null : text))
        .pipe(z.email("must be an email address").max(254, "at most 254 characters").nullable())
        .nullish()
        .transform((address) => address ?? null),
      service: optionalText(200),
      summary: z
        .string({ error: typeError("a string") })
        .trim()
        .min(1, "must not be empty")
        .max(500, "at most 500 characters"),
      severity: z
        .string({ error: `must be one of ${TICKET_SEVERITIES.join(", ")}` })
        .trim()
        .toLowerCase()
        .pipe(z.enum(TICKET_SEVERITIES, { error: `must be one of ${TICKET_SEVERITIES.join(", ")}` }))
        .nullish()
        .transform((severity) => severity ?? "medium"),
    },
    {
      error: (issue) =>
        issue.code === "invalid_type" ? "the body must be a JSON object holding one ticket" : undefined,
    },
  )
  .superRefine((ticket, ctx) => {
    if (ticket.resolved && ticket.resolved < ticket.opened)
      ctx.addIssue({ code: "custom", path: ["resolved"], message: "must not be before opened" });
  });

export type TicketWebhookPayload = z.output<typeof ticketWebhookPayload>;

export type ParsedTicketPayload = { ok: true; ticket: TicketWebhookPayload } | { ok: false; reason: string };

/** "opened: must be an ISO 8601 …; foo: is not a field of a ticket" — each field, then what is wrong with it. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .flatMap((issue) => {
      if (issue.code === "unrecognized_keys") return issue.keys.map((key) => `${key}: is not a field of a ticket`);
      return [issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message];
    })
    .slice(0, 5)
    .join("; ");
}

/** Reads a webhook body: JSON, then one ticket. Never throws. */
export function parseTicketPayload(body: string): ParsedTicketPayload {
  let json: unknown;
  try {
    json = cleanJson(JSON.parse(body));
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : "";
    return { ok: false, reason: `The body is not valid JSON${detail}.` };
  }
  const parsed = ticketWebhookPayload.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `Not a ticket: ${describeIssues(parsed.error)}.` };
  return { ok: true, ticket: parsed.data };
}
