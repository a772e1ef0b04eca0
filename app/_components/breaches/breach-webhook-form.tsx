"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";
import { Field } from "@/app/_components/field";
import { SigningSecretNotice } from "./signing-secret-notice";
import type { WebhookTestResult } from "./types";

function testText(result: WebhookTestResult): string {
  if (result.ok) return `Test sent: the receiver answered HTTP ${result.status ?? "?"} in ${result.durationMs} ms.`;
  return `Test failed: ${result.error ?? "no answer"}. Nothing was stored; real breaches are retried up to 5 times.`;
}

/** The webhook URL (empty turns notifications off), Save, and Send test with how the receiver answered. */
export function BreachWebhookForm({
  teamId,
  initialUrl,
  initialHasSecret,
}: {
  teamId: string;
  initialUrl: string | null;
  initialHasSecret: boolean;
}) {
  const trpc = useTRPC();
  const announce = useStatus();
  const [url, setUrl] = useState(initialUrl ?? "");
  const [saved, setSaved] = useState(initialUrl);
  const [result, setResult] = useState<WebhookTestResult | null>(null);
  const [hasSecret, setHasSecret] = useState(initialHasSecret);
  const [newSecret, setNewSecret] = useState<string | null>(null);
  const save = useMutation(
    trpc.breaches.setWebhook.mutationOptions({
      onSuccess: (setting) => {
        setSaved(setting.url);
        setUrl(setting.url ?? "");
        setResult(null);
        setHasSecret(setting.hasSigningSecret);
        if (setting.signingSecret) setNewSecret(setting.signingSecret);
        const queued =
          setting.queued > 0
            ? ` ${setting.queued} open breach${setting.queued === 1 ? "" : "es"} of this month ${setting.queued === 1 ? "is" : "are"} being sent.`
            : "";
        announce({
          text: setting.url
            ? `Webhook saved: new breaches are sent there.${queued}`
            : "Webhook removed: breaches show in the app only.",
        });
      },
    }),
  );
  const rotate = useMutation(
    trpc.breaches.rotateWebhookSecret.mutationOptions({
      onSuccess: (rotated) => {
        setHasSecret(true);
        setNewSecret(rotated.signingSecret);
      },
    }),
  );
  const test = useMutation(
    trpc.breaches.testWebhook.mutationOptions({ onSuccess: setResult, onMutate: () => setResult(null) }),
  );
  const errors = fieldErrorsOf(save.error);
  const unsaved = url.trim() !== (saved ?? "");

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ teamId, url: url.trim() === "" ? null : url });
  }

  return (
    <div className="breach-webhook">
      <form className="stack" onSubmit={onSubmit} noValidate aria-label="Cap-breach webhook">
        {save.error && !errors.url && (
          <div className="alert error" role="alert">
            {messageOf(save.error)}
          </div>
        )}
        <Field
          id="breach-webhook-url"
          label="Webhook URL"
          hint="http:// or https://, at most 2048 characters. Leave empty and save to turn notifications off."
          errors={errors.url}
        >
          {(control) => (
            <input
              {...control}
              type="url"
              inputMode="url"
              value={url}
              placeholder="https://hooks.example.com/toilcap"
              maxLength={2048}
              onChange={(event) => setUrl(event.target.value)}
            />
          )}
        </Field>
        <div className="row">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save"}
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => test.mutate({ teamId })}
            disabled={!saved || unsaved || test.isPending}
            aria-describedby={!saved || unsaved ? "breach-webhook-test-hint" : undefined}
          >
            {test.isPending ? "Sending…" : "Send test"}
          </button>
          {saved && (
            <button
              type="button"
              className="button secondary"
              onClick={() => rotate.mutate({ teamId })}
              disabled={rotate.isPending}
            >
              {hasSecret ? "New signing secret" : "Make signing secret"}
            </button>
          )}
          {(!saved || unsaved) && (
            <span id="breach-webhook-test-hint" className="stat-note">
              Save the URL to send a test.
            </span>
          )}
        </div>
      </form>
      {newSecret && <SigningSecretNotice secret={newSecret} onDone={() => setNewSecret(null)} />}
      {rotate.error && (
        <div className="alert error" role="alert">
          {messageOf(rotate.error)}
        </div>
      )}
      {result && (
        <div className={`alert ${result.ok ? "ok" : "error"}`} role="status">
          {testText(result)}
        </div>
      )}
      {test.error && (
        <div className="alert error" role="alert">
          {messageOf(test.error)}
        </div>
      )}
    </div>
  );
}
