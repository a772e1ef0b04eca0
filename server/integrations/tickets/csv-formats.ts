/**
 * The two ticket exports Toilcap reads, by their column names (normalised: lower case, words joined by "_").
 * Each field lists the names it may go by, first match wins.
 */
export type TicketFormat = "pagerduty" | "generic";

export type TicketField =
  | "externalId"
  | "openedAt"
  | "resolvedAt"
  | "assigneeEmail"
  | "service"
  | "summary"
  | "urgency"
  | "assigneeUserIds"
  | "assigneeUserNames"
  | "acknowledgerUserIds"
  | "acknowledgerUserNames"
  | "resolverUserIds"
  | "resolverUserNames";

/** The fields that name who worked a ticket; a file with none of them credits only through the on-call fallback. */
export const ASSIGNEE_FIELDS: readonly TicketField[] = [
  "assigneeEmail",
  "assigneeUserIds",
  "assigneeUserNames",
  "acknowledgerUserIds",
  "acknowledgerUserNames",
  "resolverUserIds",
  "resolverUserNames",
];

export const FORMAT_COLUMNS: Record<TicketFormat, Record<TicketField, readonly string[]>> = {
  // PagerDuty's incident export (Incidents → Export CSV): people by user id and name, never by email.
  pagerduty: {
    externalId: ["id", "incident_id", "incident_number"],
    openedAt: ["created_on", "created_at"],
    resolvedAt: ["resolved_on", "resolved_at"],
    assigneeEmail: ["assigned_to_user_emails", "assigned_to_email", "assignee_email", "acknowledged_by_user_emails"],
    service: ["service_name", "service"],
    summary: ["description", "title", "summary"],
    urgency: ["urgency"],
    assigneeUserIds: ["assigned_to_user_ids"],
    assigneeUserNames: ["assigned_to_user_names"],
    acknowledgerUserIds: ["acknowledged_by_user_ids"],
    acknowledgerUserNames: ["acknowledged_by_user_names"],
    resolverUserIds: ["resolved_by_user_id", "resolved_by_user_ids"],
    resolverUserNames: ["resolved_by_user_name", "resolved_by_user_names"],
  },
  // "ticket id, opened, resolved, assignee email, service, summary".
  generic: {
    externalId: ["ticket_id", "id"],
    openedAt: ["opened", "opened_at", "created"],
    resolvedAt: ["resolved", "resolved_at", "closed"],
    assigneeEmail: ["assignee_email", "assignee", "email"],
    service: ["service"],
    summary: ["summary", "title", "description"],
    urgency: [],
    assigneeUserIds: [],
    assigneeUserNames: [],
    acknowledgerUserIds: [],
    acknowledgerUserNames: [],
    resolverUserIds: [],
    resolverUserNames: [],
  },
};

/** The columns a file must have to be read in a format; the others may be missing. */
const REQUIRED: readonly TicketField[] = ["externalId", "openedAt", "summary"];

export function normaliseHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

export type ColumnIndex = Partial<Record<TicketField, number>>;

function indexColumns(format: TicketFormat, headers: readonly string[]): ColumnIndex {
  const index: ColumnIndex = {};
  for (const [field, names] of Object.entries(FORMAT_COLUMNS[format]) as Array<[TicketField, readonly string[]]>) {
    const at = names.map((name) => headers.indexOf(name)).find((i) => i >= 0);
    if (at !== undefined) index[field] = at;
  }
  return index;
}

/**
 * Which export a header row is: PagerDuty's when it names PagerDuty's own columns (created_on, incident_number,
 * service_name), else the generic one. Null, with the missing columns, when neither fits.
 */
export function detectFormat(
  rawHeaders: readonly string[],
): { format: TicketFormat; columns: ColumnIndex } | { missing: string[] } {
  const headers = rawHeaders.map(normaliseHeader);
  const looksPagerDuty = ["created_on", "incident_number", "service_name"].some((name) => headers.includes(name));
  const format: TicketFormat = looksPagerDuty ? "pagerduty" : "generic";
  const columns = indexColumns(format, headers);
  const missing = REQUIRED.filter((field) => columns[field] === undefined).map(
    (field) => FORMAT_COLUMNS[format][field][0] ?? field,
  );
  return missing.length > 0 ? { missing } : { format, columns };
}
