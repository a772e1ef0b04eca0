"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import type { AppRouter } from "@/server/trpc/root";
import { MAX_TICKET_CSV_CHARS } from "@/server/schemas/tickets";
import { fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { FieldError } from "@/app/_components/field-error";
import { CsvFileField } from "./csv-file-field";
import { rowNoun, type TicketPreview, TicketPreviewTable } from "./ticket-preview";

type ImportResult = inferRouterOutputs<AppRouter>["tickets"]["commit"];

function zones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return [];
  }
}

function resultText(done: ImportResult): string {
  const one = done.format === "pagerduty" ? "incident" : "ticket";
  const created = `${done.created} ${done.created === 1 ? one : `${one}s`}`;
  const parts = [`Imported ${created}`];
  if (done.updated > 0) parts.push(`recorded ${done.updated === 1 ? "1 resolution" : `${done.updated} resolutions`}`);
  const skipped =
    done.skipped > 0
      ? `; ${done.skipped} already imported ${done.skipped === 1 ? "was" : "were"} left as they were`
      : "";
  return `${parts.join(" and ")}${skipped}. Those credited to someone now wait in that engineer's capture inbox on their home page.`;
}

/**
 * Choose (or drop) a ticket export, preview what importing it would do row by row, then import it all or nothing.
 * The preview is of the exact text and time zone that the import then sends, so what was checked is what is stored.
 */
export function TicketImport({ teamId, timeZone: viewerZone }: { teamId: string; timeZone: string }) {
  const trpc = useTRPC();
  const fileInput = useRef<HTMLInputElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const zoneOptions = useMemo(zones, []);
  const [file, setFile] = useState<File | null>(null);
  const [timeZone, setTimeZone] = useState(viewerZone);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [rotationId, setRotationId] = useState("");
  const rotations = useQuery(trpc.rotations.list.queryOptions({ teamId }));
  const [previewed, setPreviewed] = useState<{
    csv: string;
    timeZone: string;
    rotationId: string | null;
    preview: TicketPreview;
  } | null>(null);
  const [imported, setImported] = useState<ImportResult | null>(null);

  const preview = useMutation(
    trpc.tickets.preview.mutationOptions({
      onSuccess: (result, input) =>
        setPreviewed({
          csv: input.csv,
          timeZone: input.timeZone ?? viewerZone,
          rotationId: input.rotationId ?? null,
          preview: result,
        }),
    }),
  );
  const commit = useMutation(
    trpc.tickets.commit.mutationOptions({
      onSuccess: (result) => {
        setImported(result);
        setPreviewed(null);
        setFile(null);
        if (fileInput.current) fileInput.current.value = "";
      },
    }),
  );
  // Focus follows the answer once it is drawn, so keyboard and screen-reader users land on what changed.
  const previewResult = previewed?.preview;
  useEffect(() => {
    if (previewResult) previewHeading.current?.focus();
  }, [previewResult]);
  useEffect(() => {
    if (imported) resultRef.current?.focus();
  }, [imported]);
  const errors = fieldErrorsOf(preview.error);
  const problem = fileProblem ?? errors.csv?.join(" ") ?? null;
  const otherFailure = preview.error && !errors.csv && !errors.timeZone ? messageOf(preview.error) : null;

  function chooseFile(chosen: File | null) {
    setFile(chosen);
    setFileProblem(null);
    setPreviewed(null);
    setImported(null);
    preview.reset();
    commit.reset();
  }

  async function onPreview(event: FormEvent) {
    event.preventDefault();
    setImported(null);
    setPreviewed(null);
    commit.reset();
    preview.reset();
    if (!file) {
      setFileProblem("Choose a CSV file first.");
      fileInput.current?.focus();
      return;
    }
    const csv = await file.text();
    if (csv.length > MAX_TICKET_CSV_CHARS) {
      setFileProblem(`${file.name} is larger than 5 MB: split it into smaller exports.`);
      return;
    }
    setFileProblem(null);
    preview.mutate({ teamId, csv, timeZone: timeZone.trim() || undefined, rotationId: rotationId || null });
  }

  const storable = previewed ? previewed.preview.counts.new + previewed.preview.counts.update : 0;
  const blocked = previewed ? previewed.preview.counts.invalid > 0 : true;
  return (
    <div className="ticket-stack">
      <section className="card" aria-labelledby="ticket-file-heading">
        <h2 id="ticket-file-heading">Choose an export</h2>
        <form className="stack" onSubmit={onPreview} noValidate aria-labelledby="ticket-file-heading">
          <div className="row" style={{ alignItems: "flex-start" }}>
            <CsvFileField file={file} onFile={chooseFile} problem={problem} inputRef={fileInput} />
            <div className="field">
              <label htmlFor="ticket-zone">Time zone of times without an offset</label>
              <input
                id="ticket-zone"
                list="ticket-zones"
                autoComplete="off"
                value={timeZone}
                onChange={(event) => {
                  setTimeZone(event.target.value);
                  setPreviewed(null);
                }}
                aria-invalid={errors.timeZone ? true : undefined}
                aria-describedby="ticket-zone-hint ticket-zone-error"
              />
              <datalist id="ticket-zones">
                {zoneOptions.map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
              <span className="hint" id="ticket-zone-hint">
                Yours by default. Times written with an offset (Z, +01:00) are read as written.
              </span>
              <FieldError id="ticket-zone-error" messages={errors.timeZone} />
            </div>
          </div>
          <div className="field">
            <label htmlFor="ticket-rotation">
              Credit rows nobody in the file is known for to whoever was on duty in{" "}
              <span className="optional">(optional)</span>
            </label>
            <select
              id="ticket-rotation"
              value={rotationId}
              onChange={(event) => setRotationId(event.target.value)}
              aria-describedby="ticket-rotation-hint"
            >
              <option value="">No rotation: leave them uncredited</option>
              {(rotations.data ?? [])
                .filter((rotation) => rotation.role !== "shadow")
                .map((rotation) => (
                  <option key={rotation.id} value={rotation.id}>
                    {rotation.name} ({rotation.role})
                  </option>
                ))}
            </select>
            <span className="hint" id="ticket-rotation-hint">
              PagerDuty names people by user id and name: they are matched to this team&apos;s members by the links it
              keeps, else by name (and remembered), else this rotation&apos;s on-duty engineer at the time the incident
              opened.
            </span>
          </div>
          <details>
            <summary>Which files can be imported?</summary>
            <p className="stat-note" style={{ margin: "0.5rem 0 0.25rem" }}>
              PagerDuty&apos;s incident export as it downloads (stored as pages that are incidents), or any CSV with a
              header row naming these columns (stored as tickets):
            </p>
            <pre className="ticket-example">
              <code>
                {
                  "ticket id,opened,resolved,assignee email,service,summary\nOPS-1234,2026-11-30T09:12:00Z,2026-11-30T11:40:00Z,erik@example.com,billing,Refund stuck in the queue"
                }
              </code>
            </pre>
            <p className="stat-note" style={{ margin: "0.25rem 0 0" }}>
              Only ticket id, opened and summary are required. An assignee must be a member of this team. Importing a
              file again, or a later export that overlaps it, adds only what is new and records resolutions of tickets
              stored while open.
            </p>
          </details>
          <div>
            <button className="button" type="submit" disabled={preview.isPending}>
              {preview.isPending ? "Reading…" : "Preview"}
            </button>
          </div>
          {otherFailure && (
            <div className="alert error" role="alert">
              {otherFailure}
            </div>
          )}
        </form>
      </section>

      {imported && (
        <div className="alert ok" role="status" tabIndex={-1} ref={resultRef}>
          {resultText(imported)}
        </div>
      )}

      {previewed && (
        <section className="card ticket-stack" aria-label="Preview and import">
          <TicketPreviewTable preview={previewed.preview} timeZone={viewerZone} headingRef={previewHeading} />
          {commit.error && (
            <div className="alert error" role="alert">
              Nothing was imported: {messageOf(commit.error)}
            </div>
          )}
          <div className="row" style={{ alignItems: "center" }}>
            <button
              className="button"
              type="button"
              disabled={blocked || storable === 0 || commit.isPending}
              aria-describedby="ticket-import-hint"
              onClick={() =>
                commit.mutate({
                  teamId,
                  csv: previewed.csv,
                  timeZone: previewed.timeZone,
                  rotationId: previewed.rotationId,
                })
              }
            >
              {commit.isPending
                ? "Importing…"
                : storable === 0
                  ? "Nothing to import"
                  : `Import ${rowNoun(previewed.preview, storable)}`}
            </button>
            <span className="stat-note" id="ticket-import-hint">
              {blocked
                ? "Nothing is imported while any row has errors: fix the file, choose it again and preview."
                : storable === 0
                  ? "Every ticket in this file is already imported; nothing would change."
                  : "All rows in one go, or none if anything fails."}
            </span>
          </div>
        </section>
      )}
    </div>
  );
}
