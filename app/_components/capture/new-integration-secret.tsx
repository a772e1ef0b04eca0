"use client";

import { useEffect, useRef, useState } from "react";
import type { CreatedIntegration } from "./types";

/** Alertmanager's receiver for the URL; send_resolved so pages get their resolution time. */
function alertmanagerConfig(url: string): string {
  return [
    "receivers:",
    "  - name: toilcap",
    "    webhook_configs:",
    `      - url: "${url}"`,
    "        send_resolved: true",
  ].join("\n");
}

/** One ticket posted to the URL, as a ticket system's automation would send it. */
function ticketCurl(url: string): string {
  const ticket = {
    id: "OPS-1234",
    opened: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    resolved: null,
    assigneeEmail: "engineer@example.com",
    service: "billing",
    summary: "Refund stuck in the queue",
    severity: "high",
  };
  return [
    `curl -X POST "${url}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '${JSON.stringify(ticket, null, 2)}'`,
  ].join("\n");
}

/**
 * The new integration's URL, shown this once (only its hash is kept), with a copy button and what to paste: the
 * Alertmanager configuration, or an example call for a ticket system. Takes focus when it appears so
 * screen-reader users hear it.
 */
export function NewIntegrationSecret({ created, onDone }: { created: CreatedIntegration; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);
  const url = created.url ?? `${window.location.origin}${created.path}`;

  useEffect(() => boxRef.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div
      className="alert ok"
      role="region"
      aria-labelledby="new-integration-heading"
      tabIndex={-1}
      ref={boxRef}
      style={{ marginBottom: "1rem" }}
    >
      <strong id="new-integration-heading">
        Copy the webhook URL of {created.integration.name} now: it is not shown again.
      </strong>
      <div className="row" style={{ marginTop: "0.5rem" }}>
        <div className="field">
          <label htmlFor="new-integration-url">Webhook URL</label>
          <input id="new-integration-url" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
        </div>
        <button type="button" className="button secondary" onClick={copy}>
          {copied ? "Copied" : "Copy URL"}
        </button>
      </div>
      {created.integration.kind === "alertmanager" ? (
        <>
          <p className="stat-note" style={{ margin: "0.6rem 0 0.25rem" }}>
            In alertmanager.yml (route the on-call alerts to this receiver):
          </p>
          <pre style={{ margin: 0, whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            <code>{alertmanagerConfig(url)}</code>
          </pre>
        </>
      ) : created.integration.kind === "pagerduty" ? (
        <p className="stat-note" style={{ margin: "0.6rem 0 0" }}>
          In PagerDuty: Integrations → Generic Webhooks (v3) → New Webhook. Paste this URL as the Webhook URL, choose
          the service or team, and pick the events <code>incident.triggered</code>, <code>incident.acknowledged</code>{" "}
          and <code>incident.resolved</code>. PagerDuty then shows the subscription&apos;s signing secret once: paste it
          beside this integration in the list below. Deliveries are refused until it is there.
        </p>
      ) : (
        <>
          <p className="stat-note" style={{ margin: "0.6rem 0 0.25rem" }}>
            Have the ticket system POST each ticket when it is opened, assigned or resolved, for example:
          </p>
          <pre style={{ margin: 0, whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            <code>{ticketCurl(url)}</code>
          </pre>
          <p className="stat-note" style={{ margin: "0.4rem 0 0" }}>
            Times are ISO 8601 with an offset; only <code>id</code>, <code>opened</code> and <code>summary</code> are
            required. A new ticket answers 201; the same ticket again 200, recording its resolution or a missing
            assignee, never a second copy.
          </p>
        </>
      )}
      <div style={{ marginTop: "0.6rem" }}>
        <button type="button" className="button secondary small" onClick={onDone}>
          I have copied it
        </button>
      </div>
      <span aria-live="polite" className="visually-hidden">
        {copied ? "URL copied to the clipboard." : ""}
      </span>
    </div>
  );
}
