"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Field } from "@/app/_components/field";
import { fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { formatPercent } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";

interface Caps {
  toilCap: number;
  onCallCap: number;
}

/** "40" (a percentage as typed) to 0.4; blank reads as 0, which the server refuses naming the field. */
function shareOf(percent: FormDataEntryValue | null): number {
  const share = Number(String(percent ?? "").trim()) / 100;
  return Number.isFinite(share) ? share : 0;
}

/** The team's caps, as percentages of worked time; a change can be undone from the note it leaves. */
export function TeamCapsForm({ teamId, caps }: { teamId: string; caps: Caps }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState<{ before: Caps; after: Caps } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const update = useMutation(
    trpc.teams.updateCaps.mutationOptions({
      onSuccess: () => {
        setFormKey((key) => key + 1);
        router.refresh();
      },
    }),
  );
  const errors = fieldErrorsOf(update.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const after = { toilCap: shareOf(form.get("toilCap")), onCallCap: shareOf(form.get("onCallCap")) };
    update.mutate({ teamId, ...after }, { onSuccess: () => setSaved({ before: caps, after }) });
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate key={formKey}>
      {saved && (
        <div
          className="alert ok"
          role="status"
          style={{ display: "flex", gap: "0.6rem", alignItems: "center", flexWrap: "wrap" }}
        >
          <span>
            Caps now {formatPercent(saved.after.toilCap)} toil and {formatPercent(saved.after.onCallCap)} on call;
            shares are checked against them from now on.
          </span>
          <button
            type="button"
            className="button secondary small"
            disabled={update.isPending}
            onClick={() => update.mutate({ teamId, ...saved.before }, { onSuccess: () => setSaved(null) })}
          >
            Undo
          </button>
        </div>
      )}
      {update.error && Object.keys(errors).length === 0 && (
        <div className="alert error" role="alert">
          {messageOf(update.error)}
        </div>
      )}
      <div className="row">
        <Field id="toil-cap" label="Toil cap (%)" hint="Most of a week that may go to toil." errors={errors.toilCap}>
          {(control) => (
            <input
              {...control}
              name="toilCap"
              type="number"
              inputMode="decimal"
              min={5}
              max={100}
              step={1}
              defaultValue={Math.round(caps.toilCap * 100)}
            />
          )}
        </Field>
        <Field id="on-call-cap" label="On-call cap (%)" hint="Most of a week on duty." errors={errors.onCallCap}>
          {(control) => (
            <input
              {...control}
              name="onCallCap"
              type="number"
              inputMode="decimal"
              min={5}
              max={100}
              step={1}
              defaultValue={Math.round(caps.onCallCap * 100)}
            />
          )}
        </Field>
      </div>
      <div>
        <button className="button" type="submit" disabled={update.isPending}>
          Save caps
        </button>
      </div>
    </form>
  );
}
