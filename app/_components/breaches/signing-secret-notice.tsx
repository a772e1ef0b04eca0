"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The webhook's new signing secret, shown this once with a copy button; takes focus when it appears so
 * screen-reader users hear it.
 */
export function SigningSecretNotice({ secret, onDone }: { secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);

  useEffect(() => boxRef.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className="alert ok" role="region" aria-labelledby="signing-secret-heading" tabIndex={-1} ref={boxRef}>
      <strong id="signing-secret-heading">Copy the signing secret now: it is not shown again.</strong>
      <div className="row" style={{ marginTop: "0.5rem" }}>
        <div className="field">
          <label htmlFor="breach-webhook-secret">Signing secret</label>
          <input id="breach-webhook-secret" readOnly value={secret} onFocus={(event) => event.currentTarget.select()} />
        </div>
        <button type="button" className="button secondary" onClick={copy}>
          {copied ? "Copied" : "Copy secret"}
        </button>
      </div>
      <p className="stat-note" style={{ margin: "0.4rem 0 0" }}>
        Every delivery carries <code>webhook-id</code>, <code>webhook-timestamp</code> and{" "}
        <code>webhook-signature</code> (Standard Webhooks): verify them with this secret, for example with the{" "}
        <code>standardwebhooks</code> library.
      </p>
      <div style={{ marginTop: "0.6rem" }}>
        <button type="button" className="button secondary small" onClick={onDone}>
          I have copied it
        </button>
      </div>
      <span aria-live="polite" className="visually-hidden">
        {copied ? "Secret copied to the clipboard." : ""}
      </span>
    </div>
  );
}
