"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Field } from "@/app/_components/field";
import { fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { turnsInARowText } from "@/server/domain/duty-load/turns-in-a-row";

interface Thresholds {
  turnsInARow: number;
  loggedOverDuty: number;
  incidentLimit: number;
}

/** A number as typed; blank or not a number reads as NaN, which the server refuses naming the field. */
function numberOf(value: FormDataEntryValue | null): number {
  const text = String(value ?? "").trim();
  return text === "" ? Number.NaN : Number(text);
}

/**
 * When the team's duty rotations are flagged as more than one person can take (docs/duty-load.md); a change can be
 * undone from the note it leaves, and stays in the audit log.
 */
export function OverloadThresholdsForm({ teamId, thresholds }: { teamId: string; thresholds: Thresholds }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState<{ before: Thresholds; after: Thresholds } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const update = useMutation(
    trpc.teams.updateOverloadThresholds.mutationOptions({
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
    const after = {
      turnsInARow: numberOf(form.get("turnsInARow")),
      loggedOverDuty: Math.round(numberOf(form.get("loggedOverDuty"))) / 100,
      incidentLimit: numberOf(form.get("incidentLimit")),
    };
    update.mutate({ teamId, ...after }, { onSuccess: () => setSaved({ before: thresholds, after }) });
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate key={formKey}>
      {saved && (
        <div className="alert ok" role="status">
          <span>
            Flagged from now on after {turnsInARowText(saved.after.turnsInARow)}.{" "}
            <button
              type="button"
              className="button secondary small"
              disabled={update.isPending}
              onClick={() => update.mutate({ teamId, ...saved.before }, { onSuccess: () => setSaved(null) })}
            >
              Undo
            </button>
          </span>
        </div>
      )}
      {update.error && Object.keys(errors).length === 0 && (
        <div className="alert error" role="alert">
          {messageOf(update.error)}
        </div>
      )}
      <div className="row">
        <Field
          id="overload-turns"
          label="Turns in a row"
          hint="Ended turns that must all show a sign."
          errors={errors.turnsInARow}
        >
          {(control) => (
            <input
              {...control}
              name="turnsInARow"
              type="number"
              inputMode="numeric"
              min={1}
              max={6}
              step={1}
              defaultValue={thresholds.turnsInARow}
            />
          )}
        </Field>
        <Field
          id="overload-logged"
          label="Interrupt time over (% of duty)"
          hint="Time logged on interrupts above this share of a turn's duty time."
          errors={errors.loggedOverDuty}
        >
          {(control) => (
            <input
              {...control}
              name="loggedOverDuty"
              type="number"
              inputMode="numeric"
              min={25}
              max={500}
              step={1}
              defaultValue={Math.round(thresholds.loggedOverDuty * 100)}
            />
          )}
        </Field>
        <Field
          id="overload-incidents"
          label="Incidents per 12 h"
          hint="More than this in one 12-hour window breaks the limit."
          errors={errors.incidentLimit}
        >
          {(control) => (
            <input
              {...control}
              name="incidentLimit"
              type="number"
              inputMode="numeric"
              min={0}
              max={20}
              step={1}
              defaultValue={thresholds.incidentLimit}
            />
          )}
        </Field>
      </div>
      <div>
        <button className="button" type="submit" disabled={update.isPending}>
          Save thresholds
        </button>
      </div>
    </form>
  );
}
