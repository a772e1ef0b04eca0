"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { MAX_SILENCE_DAYS, saveSilenceInput } from "@/server/schemas/review";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";
import { Field, noted } from "@/app/_components/field";
import { FieldError } from "@/app/_components/field-error";
import { Modal, ModalHead } from "@/app/_components/modal";
import { ReviewDialogFoot } from "./dialog-foot";
import { FixUrlField } from "./fix-url-field";
import { dayInputIn, lastDayInput, lastDayText } from "./format";
import type { SilenceTarget } from "./types";
import { useReviewForm } from "./use-review-form";

/** Two weeks: long enough for a scheduled fix to land, short enough to be looked at again. */
const DEFAULT_DAYS = 14;

/** Silencing an alert name (or changing its silence) until the end of a day, with the fix it waits for. */
export function SilenceDialog({
  target,
  teamId,
  timeZone,
  onClose,
}: {
  target: SilenceTarget | null;
  teamId: string;
  timeZone: string;
  onClose: () => void;
}) {
  return (
    <Modal
      open={target !== null}
      onClose={onClose}
      labelledBy="silence-dialog-title"
      className="small-dialog silence-dialog"
    >
      {target && (
        <SilenceForm key={target.alertName} target={target} teamId={teamId} timeZone={timeZone} onClose={onClose} />
      )}
    </Modal>
  );
}

function SilenceForm({
  target,
  teamId,
  timeZone,
  onClose,
}: {
  target: SilenceTarget;
  teamId: string;
  timeZone: string;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const announce = useStatus();
  const existing = target.silence;
  const [until, setUntil] = useState(
    existing ? lastDayInput(existing.until, timeZone) : dayInputIn(DEFAULT_DAYS, timeZone),
  );
  const [reason, setReason] = useState(existing?.reason ?? "");
  const { errors, edited, fixUrl, fixUrlInput, fixChanged, checked, handlers } = useReviewForm(
    existing?.fixUrl ?? target.fixUrl ?? "",
  );
  const save = useMutation(
    trpc.review.silence.mutationOptions(
      handlers((silence) => {
        announce({ text: `${silence.alertName} silenced until the end of ${lastDayText(silence.until, timeZone)}.` });
        onClose();
      }),
    ),
  );
  const pending = save.isPending;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = checked(saveSilenceInput, {
      teamId,
      alertName: target.alertName,
      until,
      fixUrl: fixUrlInput,
      reason: reason.trim() === "" ? null : reason.trim(),
    });
    if (input) save.mutate(input);
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <ModalHead titleId="silence-dialog-title" onClose={onClose}>
        {existing ? "Change the silence of" : "Silence"} {target.alertName}
      </ModalHead>
      <div className="modal-body">
        <p className="stat-note">
          For an alert whose root-cause fix is scheduled. Its new pages are still stored and counted in every report,
          but skip the on-call engineer&apos;s inbox until the end of the day you pick.
        </p>
        {errors.form && (
          <div className="alert error" role="alert">
            {errors.form.join(" ")}
          </div>
        )}
        <Field
          id="silence-until"
          label="Silence until (last day)"
          hint={`At most ${MAX_SILENCE_DAYS} days ahead; days in ${timeZone}.`}
          errors={errors.until}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              value={until}
              min={dayInputIn(0, timeZone)}
              max={dayInputIn(MAX_SILENCE_DAYS, timeZone)}
              onChange={(event) => {
                setUntil(event.target.value);
                edited("until");
              }}
              disabled={pending}
              data-autofocus
            />
          )}
        </Field>
        <FixUrlField id="silence-fix" value={fixUrl} errors={errors.fixUrl} busy={pending} onChange={fixChanged} />
        <Field id="silence-reason" label={noted("Reason", "(optional)")} errors={errors.reason}>
          {(control) => (
            <input
              {...control}
              type="text"
              value={reason}
              maxLength={500}
              onChange={(event) => {
                setReason(event.target.value);
                edited("reason");
              }}
              disabled={pending}
            />
          )}
        </Field>
        <FieldError id="silence-name-error" messages={errors.alertName} />
      </div>
      <ReviewDialogFoot pending={pending} saveLabel={existing ? "Save silence" : "Silence alert"} onClose={onClose} />
    </form>
  );
}
