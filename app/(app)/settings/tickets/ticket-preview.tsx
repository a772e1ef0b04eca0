"use client";

import type { inferRouterOutputs } from "@trpc/server";
import type { Ref } from "react";
import type { AppRouter } from "@/server/trpc/root";
import { localDateTime } from "@/app/_lib/format";
import { scrollRegion } from "@/app/_components/scroll-region";

export type TicketPreview = inferRouterOutputs<AppRouter>["tickets"]["preview"];
type PreviewRow = TicketPreview["rows"][number];

/** Enough rows to read; a file of thousands is summed up in the counts, and its errors listed first. */
const SHOWN_ROWS = 500;

const STATUS_BADGE: Record<PreviewRow["status"], string> = {
  new: "under",
  update: "",
  duplicate: "subtle",
  invalid: "over",
};

const FORMAT_NAME: Record<TicketPreview["format"], string> = {
  generic: "a generic ticket export, stored as tickets",
  pagerduty: "PagerDuty's incident export, stored as pages that are incidents",
};

/** What the screens call a row of this file: PagerDuty's rows are incidents (pages), the generic export's tickets. */
export function rowNoun(preview: Pick<TicketPreview, "kind">, n: number): string {
  const one = preview.kind === "page" ? "incident" : "ticket";
  return `${n} ${n === 1 ? one : `${one}s`}`;
}

const CREDIT_TEXT: Record<Exclude<PreviewRow, { status: "invalid" }>["credit"], string> = {
  email: "by email",
  link: "by the team's PagerDuty link",
  name: "by PagerDuty name",
  "on-call": "on duty in the rotation",
  nobody: "nobody can be credited",
};

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 new, 1 to update, 3 already imported, 1 invalid" */
export function countsText(counts: TicketPreview["counts"]): string {
  const parts = [`${counts.new} new`];
  if (counts.update > 0) parts.push(`${counts.update} to update`);
  parts.push(`${counts.duplicate} already imported`);
  if (counts.invalid > 0) parts.push(`${counts.invalid} invalid`);
  return parts.join(", ");
}

function Row({ row, timeZone }: { row: PreviewRow; timeZone: string }) {
  const status = (
    <td>
      <span className={`badge ${STATUS_BADGE[row.status]}`}>{row.status}</span>
    </td>
  );
  if (row.status === "invalid") {
    return (
      <tr className="ticket-invalid">
        <td className="num">{row.line}</td>
        <td>{row.externalId ?? "—"}</td>
        {status}
        <td colSpan={4} />
        <td className="ticket-error-cell">
          <ul className="ticket-errors">
            {row.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <td className="num">{row.line}</td>
      <td className="nowrap">{row.externalId}</td>
      {status}
      <td className="nowrap">{localDateTime(row.openedAt, timeZone)}</td>
      <td className="nowrap">{row.resolvedAt ? localDateTime(row.resolvedAt, timeZone) : "open"}</td>
      <td>
        {row.assignee?.name ?? <span className="stat-note">nobody</span>}
        <span className="stat-note" style={{ display: "block" }}>
          {CREDIT_TEXT[row.credit]}
          {row.creditedAs ? `: ${row.creditedAs}` : ""}
        </span>
      </td>
      <td className="ticket-summary">{row.summary}</td>
      <td />
    </tr>
  );
}

/** What importing the file would do: the counts, what is wrong (with lines), and every row. */
export function TicketPreviewTable({
  preview,
  timeZone,
  headingRef,
}: {
  preview: TicketPreview;
  timeZone: string;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const invalid = preview.rows.filter((row) => row.status === "invalid");
  // Rows with errors first, so a large file's problems are never past the cut.
  const ordered = [...invalid, ...preview.rows.filter((row) => row.status !== "invalid")].slice(0, SHOWN_ROWS);
  const shown = ordered.sort((a, b) => a.line - b.line);
  return (
    <section aria-labelledby="ticket-preview-heading" className="ticket-stack">
      <h2 id="ticket-preview-heading" ref={headingRef} tabIndex={-1}>
        Preview: {rowNoun(preview, preview.rows.length)}
      </h2>
      <p className="stat-note" style={{ margin: 0 }}>
        Read as {FORMAT_NAME[preview.format]}. {countsText(preview.counts)}.
      </p>
      {preview.warnings.length > 0 && (
        <div className="alert warn" role="status">
          {preview.warnings.map((warning) => (
            <p key={warning} style={{ margin: 0 }}>
              {warning}
            </p>
          ))}
        </div>
      )}
      {invalid.length > 0 && (
        <div className="alert error" role="alert">
          <strong>{plural(invalid.length, "row has", "rows have")} errors, so nothing can be imported yet.</strong> Fix{" "}
          {invalid.length === 1
            ? `line ${invalid[0]?.line}`
            : `lines ${invalid
                .map((row) => row.line)
                .slice(0, 8)
                .join(", ")}${invalid.length > 8 ? "…" : ""}`}{" "}
          in the file and preview it again.
        </div>
      )}
      <div {...scrollRegion("Tickets in the file")}>
        <table className="ticket-preview">
          <caption className="visually-hidden">
            {preview.kind === "page" ? "Incidents" : "Tickets"} in the file, by line
          </caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">{preview.kind === "page" ? "Incident" : "Ticket"}</th>
              <th scope="col">Status</th>
              <th scope="col">Opened</th>
              <th scope="col">Resolved</th>
              <th scope="col">Credited to</th>
              <th scope="col">Summary</th>
              <th scope="col">Errors</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <Row key={row.line} row={row} timeZone={timeZone} />
            ))}
          </tbody>
        </table>
      </div>
      {preview.rows.length > shown.length && (
        <p className="stat-note">
          Showing {shown.length} of {preview.rows.length} rows (every row with errors among them); the counts above
          cover the whole file.
        </p>
      )}
      <p className="stat-note" style={{ margin: 0 }}>
        <strong>new</strong>: stored by the import · <strong>update</strong>: stored open by an earlier import and
        resolved since: its resolution is recorded · <strong>duplicate</strong>: already imported, left as it is · times
        in {timeZone}.
      </p>
    </section>
  );
}
