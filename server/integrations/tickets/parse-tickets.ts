import { parse } from "csv-parse/sync";
import { CsvError } from "csv-parse/sync";
import { instantOfText } from "@/server/domain/time";
import { ASSIGNEE_FIELDS, type ColumnIndex, detectFormat, type TicketField, type TicketFormat } from "./csv-formats";

/** One ticket as the file states it, before anyone is looked up. */
export interface TicketRow {
  externalId: string;
  openedAt: Date;
  resolvedAt: Date | null;
  assigneeEmail: string | null;
  service: string | null;
  summary: string;
  urgency: "high" | "low" | null;
  /** PagerDuty users who worked it, in the order they are credited: assignees, acknowledgers, the resolver. */
  pagerdutyUsers: PagerdutyUserCell[];
}

export interface PagerdutyUserCell {
  id: string;
  name: string | null;
  role: "assignee" | "acknowledger" | "resolver";
}

/** A record of the file: its first line's number, and the ticket or why it cannot be one. */
export type ParsedTicket =
  | { line: number; ok: true; ticket: TicketRow }
  | { line: number; ok: false; externalId: string | null; errors: string[] };

export type TicketFile =
  | {
      ok: true;
      format: TicketFormat;
      rows: ParsedTicket[] /** Whether any column names who worked a ticket. */;
      namesPeople: boolean;
    }
  | { ok: false; message: string };

export const MAX_TICKET_ROWS = 5000;
const MAX_SUMMARY = 500;
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/**
 * An instant from an export: ISO 8601 or SQL-style ("2025-03-10 14:05:00"), with an offset when it has one,
 * else on the wall clock of `timeZone` (exports without offsets are in the exporting account's zone).
 */
export function parseInstant(text: string, timeZone: string): Date | null {
  const instant = instantOfText(text, timeZone, "iso") ?? instantOfText(text, timeZone, "sql");
  if (instant === null) return null;
  const year = new Date(instant).getUTCFullYear();
  return year < 2000 || year > 2100 ? null : new Date(instant);
}

/** PagerDuty joins several people in one cell with commas (ids never hold one; names rarely do). */
function splitList(text: string): string[] {
  return text
    .split(/[,;|]/)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .slice(0, 20);
}

function readRecord(
  fields: readonly string[],
  columns: ColumnIndex,
  timeZone: string,
): { ticket: TicketRow } | { externalId: string | null; errors: string[] } {
  const cell = (field: TicketField): string => {
    const at = columns[field];
    return at === undefined ? "" : (fields[at] ?? "").trim();
  };
  const errors: string[] = [];
  const externalId = cell("externalId");
  if (externalId === "") errors.push("The ticket id is empty.");
  else if (externalId.length > 200) errors.push("The ticket id is longer than 200 characters.");

  const openedText = cell("openedAt");
  const openedAt = openedText === "" ? null : parseInstant(openedText, timeZone);
  if (openedText === "") errors.push("The opened time is empty.");
  else if (!openedAt)
    errors.push(`"${openedText}" is not a date and time (use ISO 8601, such as 2025-03-10T14:05:00Z).`);

  const resolvedText = cell("resolvedAt");
  const resolvedAt = resolvedText === "" ? null : parseInstant(resolvedText, timeZone);
  if (resolvedText !== "" && !resolvedAt)
    errors.push(`"${resolvedText}" is not a date and time (use ISO 8601, such as 2025-03-10T16:30:00Z).`);
  if (openedAt && resolvedAt && resolvedAt < openedAt) errors.push("It was resolved before it was opened.");

  // PagerDuty lists several assignees comma-separated: the first is credited.
  const emailText = cell("assigneeEmail").split(/[,;]/)[0]?.trim().toLowerCase() ?? "";
  if (emailText !== "" && !EMAIL.test(emailText)) errors.push(`"${emailText}" is not an email address.`);

  const summary = cell("summary");
  if (summary === "") errors.push("The summary is empty.");

  const urgencyText = cell("urgency").toLowerCase();
  const urgency = urgencyText === "high" || urgencyText === "low" ? urgencyText : null;
  if (urgencyText !== "" && urgency === null) errors.push(`Urgency "${urgencyText}" is neither high nor low.`);

  if (errors.length > 0 || !openedAt) return { externalId: externalId === "" ? null : externalId, errors };
  const service = cell("service");
  const users = (
    idField: TicketField,
    nameField: TicketField,
    role: PagerdutyUserCell["role"],
  ): PagerdutyUserCell[] => {
    const ids = splitList(cell(idField));
    const names = splitList(cell(nameField));
    // Names pair with ids by position when the counts agree; a name alone still lets the name match work.
    if (ids.length === 0) return names.map((name) => ({ id: `name:${name.toLowerCase()}`, name, role }));
    return ids.map((id, i) => ({ id, name: ids.length === names.length ? (names[i] ?? null) : null, role }));
  };
  return {
    ticket: {
      externalId,
      openedAt,
      resolvedAt,
      assigneeEmail: emailText === "" ? null : emailText,
      service: service === "" ? null : service.slice(0, 200),
      summary: summary.length > MAX_SUMMARY ? `${summary.slice(0, MAX_SUMMARY - 1)}…` : summary,
      urgency,
      pagerdutyUsers: [
        ...users("assigneeUserIds", "assigneeUserNames", "assignee"),
        ...users("acknowledgerUserIds", "acknowledgerUserNames", "acknowledger"),
        ...users("resolverUserIds", "resolverUserNames", "resolver"),
      ],
    },
  };
}

/**
 * Reads a ticket export: the format from its header row, then each record on its own, so one bad row is
 * reported with its line instead of failing the file. A file that is not CSV at all fails as a whole.
 */
export function parseTicketCsv(text: string, timeZone: string): TicketFile {
  const lines: number[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (record, context) => {
        lines.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) return { ok: false, message: `The file is not valid CSV: ${error.message}` };
    throw error;
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, message: "The file is empty." };
  const detected = detectFormat(header);
  if ("missing" in detected)
    return { ok: false, message: `The header row lacks the columns ${detected.missing.join(", ")}.` };
  if (body.length === 0) return { ok: false, message: "The file has a header but no tickets." };
  if (body.length > MAX_TICKET_ROWS)
    return { ok: false, message: `At most ${MAX_TICKET_ROWS} tickets per file; split it.` };

  const firstLineOf = new Map<string, number>();
  const rows = body.map((fields, i): ParsedTicket => {
    // csv-parse counts the line a record ends on; a quoted field may span lines, so count back its breaks.
    const line = (lines[i + 1] ?? 0) - fields.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
    if (fields.length !== header.length) {
      return {
        line,
        ok: false,
        externalId: null,
        errors: [`It has ${fields.length} fields; the header has ${header.length}.`],
      };
    }
    const read = readRecord(fields, detected.columns, timeZone);
    if (!("ticket" in read)) return { line, ok: false, externalId: read.externalId, errors: read.errors };
    const earlier = firstLineOf.get(read.ticket.externalId);
    if (earlier !== undefined) {
      return {
        line,
        ok: false,
        externalId: read.ticket.externalId,
        errors: [`Ticket ${read.ticket.externalId} is already on line ${earlier}.`],
      };
    }
    firstLineOf.set(read.ticket.externalId, line);
    return { line, ok: true, ticket: read.ticket };
  });
  return {
    ok: true,
    format: detected.format,
    rows,
    namesPeople: ASSIGNEE_FIELDS.some((field) => detected.columns[field] !== undefined),
  };
}
