"use client";

import { type FormEvent, type Ref, useState } from "react";
import { confirmCaptureInput } from "@/server/schemas/capture";
import { formatMinutes, localDateTime } from "@/app/_lib/format";
import { FieldError } from "@/app/_components/field-error";
import type { CaptureInboxItem } from "./types";

const SEVERITY_BADGE: Record<CaptureInboxItem["severity"], string> = {
  critical: "over",
  high: "toil",
  medium: "subtle",
  low: "subtle",
  info: "subtle",
};

/** Where a captured interrupt came from, for tickets (pages say their alert). */
const SOURCE_NAME: Record<string, string> = {
  webhook: "ticket webhook",
  csv: "CSV import",
  pagerduty: "PagerDuty import",
};

function openFor(minutes: number): string {
  return minutes >= 48 * 60 ? `${Math.round(minutes / (24 * 60))} days` : formatMinutes(minutes);
}

function firedText(item: CaptureInboxItem, timeZone: string): string {
  const ticket = item.kind === "ticket";
  const fired = `${ticket ? "Opened" : "Fired"} ${localDateTime(item.openedAt, timeZone)}`;
  if (!item.resolvedAt) return `${fired} · ${ticket ? "still open" : "still firing"}`;
  const minutes = Math.max(0, Math.round((item.resolvedAt.getTime() - item.openedAt.getTime()) / 60_000));
  return `${fired} · resolved after ${openFor(minutes)}`;
}

function suggestionText(item: CaptureInboxItem): string {
  const suggested = `Suggested ${formatMinutes(item.suggestedMinutes)}`;
  if (item.kind === "ticket") return `${suggested} for a ticket: change it to the time you worked on it.`;
  return `${suggested}: from the first alert to its resolution, at most 4 h.`;
}

/**
 * One captured incident or ticket: what fired (or was opened) and when, the suggested time (editable), then
 * Confirm and Dismiss at the bottom, full-size buttons a thumb reaches on a phone.
 * Enter in the minutes field confirms; the whole item is a labelled form so screen readers name its buttons.
 */
export function CapturedItem({
  item,
  timeZone,
  busy,
  serverError,
  firstFieldRef,
  onConfirm,
  onDismiss,
}: {
  item: CaptureInboxItem;
  timeZone: string;
  busy: boolean;
  serverError: string[] | undefined;
  firstFieldRef?: Ref<HTMLInputElement>;
  onConfirm: (minutes: number) => void;
  onDismiss: () => void;
}) {
  const [minutes, setMinutes] = useState(String(item.suggestedMinutes));
  const [error, setError] = useState<string[] | undefined>(undefined);
  const id = `capture-${item.interruptId}`;
  const title = item.alertName ?? item.externalId ?? (item.kind === "ticket" ? "Ticket" : "Page");
  const source = SOURCE_NAME[item.source];
  const messages = error ?? serverError;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = confirmCaptureInput.shape.minutes.safeParse(Number(minutes.trim() === "" ? Number.NaN : minutes));
    if (!parsed.success) {
      setError([parsed.error.issues[0]?.message ?? "Enter the minutes you spent"]);
      return;
    }
    setError(undefined);
    onConfirm(parsed.data);
  }

  return (
    <li className="card" style={{ marginBottom: "0.75rem" }} aria-busy={busy || undefined}>
      <form onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
        <div style={{ display: "flex", gap: "0.5rem", alignItems: "baseline", flexWrap: "wrap" }}>
          <strong id={`${id}-title`}>{title}</strong>
          {item.kind === "ticket" && <span className="badge">ticket</span>}
          <span className={`badge ${SEVERITY_BADGE[item.severity]}`}>{item.severity}</span>
          {item.service && <span className="stat-note">{item.service}</span>}
          {item.kind === "ticket" && source && <span className="stat-note">via {source}</span>}
          {item.alerts.length > 1 && <span className="badge subtle">{item.alerts.length} alerts, one incident</span>}
        </div>
        <p style={{ margin: "0.25rem 0" }}>{item.summary}</p>
        <p className="stat-note" style={{ margin: "0 0 0.6rem" }}>
          {firedText(item, timeZone)}
        </p>
        {item.alerts.length > 1 && (
          <details style={{ marginBottom: "0.6rem" }}>
            <summary>Show its {item.alerts.length} alerts</summary>
            <ul>
              {item.alerts.map((alert) => (
                <li key={alert.id}>
                  {alert.summary} <span className="stat-note">({localDateTime(alert.openedAt, timeZone)})</span>
                </li>
              ))}
            </ul>
          </details>
        )}
        <div className="field capture-minutes">
          <label htmlFor={`${id}-minutes`}>Time spent (minutes)</label>
          <input
            ref={firstFieldRef}
            id={`${id}-minutes`}
            type="number"
            inputMode="numeric"
            min={1}
            max={1440}
            step={1}
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
            aria-invalid={messages ? true : undefined}
            aria-describedby={`${id}-hint ${id}-error`}
            disabled={busy}
          />
          <span className="hint stat-note" id={`${id}-hint`}>
            {suggestionText(item)}
          </span>
          <FieldError id={`${id}-error`} messages={messages} />
        </div>
        {/* Last in the card, so on a phone both answers sit under the thumb. */}
        <div className="action-row thumb-actions">
          <button className="button" type="submit" disabled={busy}>
            Confirm<span className="visually-hidden"> {title}</span>
          </button>
          <button className="button secondary" type="button" onClick={onDismiss} disabled={busy}>
            Dismiss<span className="visually-hidden"> {title}</span>
          </button>
        </div>
      </form>
    </li>
  );
}
