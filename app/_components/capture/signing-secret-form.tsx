"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";
import { Field } from "@/app/_components/field";
import type { IntegrationItem } from "./types";

/**
 * The PagerDuty subscription's signing secret, pasted once PagerDuty shows it (and again after PagerDuty rotates
 * it): deliveries are refused until it is there. The secret is never shown back.
 */
export function SigningSecretForm({
  teamId,
  item,
  onSaved,
}: {
  teamId: string;
  item: IntegrationItem;
  onSaved: () => unknown;
}) {
  const trpc = useTRPC();
  const announce = useStatus();
  const [open, setOpen] = useState(!item.hasSigningSecret);
  const [signingSecret, setSigningSecretText] = useState("");
  const save = useMutation(
    trpc.integrations.setSigningSecret.mutationOptions({
      onSuccess: (result) => {
        announce({ text: `Saved the signing secret of ${result.name}: its deliveries are accepted.` });
        setSigningSecretText("");
        setOpen(false);
        return onSaved();
      },
    }),
  );
  const errors = fieldErrorsOf(save.error);
  const fieldId = `signing-secret-${item.id}`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ teamId, integrationId: item.id, signingSecret });
  }

  if (!open) {
    return (
      <span className="stat-note" style={{ display: "block" }}>
        Signed deliveries only.{" "}
        <button type="button" className="link-button" onClick={() => setOpen(true)}>
          Replace the signing secret<span className="visually-hidden"> of {item.name}</span>
        </button>
      </span>
    );
  }
  return (
    <form
      className="stack"
      onSubmit={onSubmit}
      noValidate
      aria-label={`Signing secret of ${item.name}`}
      style={{ marginTop: "0.4rem" }}
    >
      {save.error && Object.keys(errors).length === 0 && (
        <div className="alert error" role="alert">
          {messageOf(save.error)}
        </div>
      )}
      <Field id={fieldId} label="PagerDuty signing secret" errors={errors.signingSecret}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="off"
            value={signingSecret}
            onChange={(event) => setSigningSecretText(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button secondary small" disabled={save.isPending}>
        Save signing secret
      </button>
    </form>
  );
}
