"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { CAUSE_LABELS, INTERRUPT_CAUSES, saveReviewInput, type InterruptCause } from "@/server/schemas/review";
import { localDateTime } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";
import { Field, noted } from "@/app/_components/field";
import { FieldError } from "@/app/_components/field-error";
import { Modal, ModalHead } from "@/app/_components/modal";
import { ReviewDialogFoot } from "./dialog-foot";
import { FixUrlField } from "./fix-url-field";
import type { ReviewItemData } from "./types";
import { useReviewForm } from "./use-review-form";

type Verdict = "" | "yes" | "no";

/** The review of one item: actionable or not, a cause from the fixed list, the root-cause fix. */
export function ReviewDialog({
  item,
  teamId,
  timeZone,
  onClose,
}: {
  item: ReviewItemData | null;
  teamId: string;
  timeZone: string;
  onClose: () => void;
}) {
  return (
    <Modal
      open={item !== null}
      onClose={onClose}
      labelledBy="review-dialog-title"
      className="small-dialog review-dialog"
    >
      {item && <ReviewForm key={item.id} item={item} teamId={teamId} timeZone={timeZone} onClose={onClose} />}
    </Modal>
  );
}

function ReviewForm({
  item,
  teamId,
  timeZone,
  onClose,
}: {
  item: ReviewItemData;
  teamId: string;
  timeZone: string;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const announce = useStatus();
  const [verdict, setVerdict] = useState<Verdict>(item.actionable === null ? "" : item.actionable ? "yes" : "no");
  const [cause, setCause] = useState<InterruptCause | "">(item.cause ?? "");
  const { errors, edited, fixUrl, fixUrlInput, fixChanged, checked, handlers } = useReviewForm(item.fixUrl ?? "");
  const save = useMutation(
    trpc.review.save.mutationOptions(
      handlers(() => {
        announce({ text: `Review saved: ${item.summary}.` });
        onClose();
      }),
    ),
  );
  const pending = save.isPending;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = checked(saveReviewInput, {
      teamId,
      interruptId: item.id,
      actionable: verdict === "" ? undefined : verdict === "yes",
      cause: cause === "" ? null : cause,
      fixUrl: fixUrlInput,
    });
    if (input) save.mutate(input);
  }

  const pages = item.pages.length;
  return (
    <form onSubmit={onSubmit} noValidate>
      <ModalHead titleId="review-dialog-title" onClose={onClose}>
        Review {item.kind === "page" ? (item.isIncident ? "incident" : "page") : item.kind}
      </ModalHead>
      <div className="modal-body">
        <div className="review-context">
          <strong>{item.summary}</strong>
          <span className="stat-note">
            {localDateTime(item.openedAt, timeZone)}
            {item.alertName && ` · ${item.alertName}`}
            {item.service && ` · ${item.service}`}
            {pages > 1 && ` · ${pages} pages, reviewed together`}
          </span>
        </div>
        {errors.form && (
          <div className="alert error" role="alert">
            {errors.form.join(" ")}
          </div>
        )}
        <fieldset className="field" disabled={pending} aria-describedby="review-actionable-error">
          <legend>Was it actionable?</legend>
          <div className="segmented">
            <label>
              <input
                type="radio"
                name="actionable"
                value="yes"
                checked={verdict === "yes"}
                onChange={() => {
                  setVerdict("yes");
                  edited("actionable");
                }}
                data-autofocus={verdict !== "no" ? true : undefined}
              />
              <span>Actionable</span>
            </label>
            <label>
              <input
                type="radio"
                name="actionable"
                value="no"
                checked={verdict === "no"}
                onChange={() => {
                  setVerdict("no");
                  edited("actionable");
                }}
                data-autofocus={verdict === "no" ? true : undefined}
              />
              <span>Not actionable</span>
            </label>
          </div>
          <span className="hint">Actionable: it needed a person to act. Not: noise, or it fixed itself.</span>
          <FieldError id="review-actionable-error" messages={errors.actionable} />
        </fieldset>
        <Field id="review-cause" label={noted("Cause", "(optional)")} errors={errors.cause}>
          {(control) => (
            <select
              {...control}
              value={cause}
              onChange={(event) => {
                setCause(INTERRUPT_CAUSES.find((c) => c === event.target.value) ?? "");
                edited("cause");
              }}
              disabled={pending}
            >
              <option value="">Not tagged</option>
              {INTERRUPT_CAUSES.map((value) => (
                <option key={value} value={value}>
                  {CAUSE_LABELS[value]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FixUrlField id="review-fix" value={fixUrl} errors={errors.fixUrl} busy={pending} onChange={fixChanged} />
      </div>
      <ReviewDialogFoot pending={pending} saveLabel="Save review" onClose={onClose} />
    </form>
  );
}
