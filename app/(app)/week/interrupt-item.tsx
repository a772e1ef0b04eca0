"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { duration as durationSchema } from "@/server/schemas/work-log";
import { type FieldErrors, fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { formatMinutes } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";
import { FieldError } from "@/app/_components/field-error";
import { useWorkLogCache } from "@/app/_components/work/cache";
import { clockOf, dayOf, durationText } from "@/app/_components/work/datetime";
import { suggestedInterruptTime } from "@/server/domain/accounting";
import type { WeekInterrupt } from "@/app/_components/work/types";

function resolvedText(item: WeekInterrupt, zone: string): string {
  if (!item.resolvedAt) return "still open";
  const sameDay = dayOf(item.resolvedAt, zone) === dayOf(item.openedAt, zone);
  return `resolved ${sameDay ? clockOf(item.resolvedAt, zone) : `${dayOf(item.resolvedAt, zone)} ${clockOf(item.resolvedAt, zone)}`}`;
}

/** One interrupt of the day, with "Log time" to record what it cost as toil linked to it. */
export function InterruptItem({ item, zone }: { item: WeekInterrupt; zone: string }) {
  const trpc = useTRPC();
  const cache = useWorkLogCache();
  const announce = useStatus();
  const suggested = suggestedInterruptTime(item.openedAt, item.resolvedAt);
  const suggestedText = suggested.minutes === null ? "" : durationText(suggested.minutes);
  const [open, setOpen] = useState(false);
  const [spent, setSpent] = useState(suggestedText);
  const [errors, setErrors] = useState<FieldErrors>({});
  const logTime = useMutation(
    trpc.interrupts.logTime.mutationOptions({
      onSuccess: (entry) => {
        announce({ text: `Logged ${formatMinutes(entry.minutes)} on ${item.summary}.` });
        setSpent(suggestedText);
        setOpen(false);
      },
      onError: (error) => {
        const fields = fieldErrorsOf(error);
        setErrors(Object.keys(fields).length > 0 ? fields : { duration: [messageOf(error)] });
      },
      onSettled: () => cache.refresh(),
    }),
  );
  const fieldId = `log-time-${item.id}`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = durationSchema.safeParse(spent);
    if (!parsed.success) {
      setErrors({ duration: parsed.error.issues.map((issue) => issue.message) });
      return;
    }
    setErrors({});
    // Work on a resolved interrupt ended when it was resolved, not when this page was opened.
    logTime.mutate({
      interruptId: item.id,
      duration: spent,
      ...(suggested.endsAt ? { endsAt: suggested.endsAt } : {}),
    });
  }

  return (
    <li className="interrupt">
      <div className="interrupt-main">
        <span className={`badge kind-${item.kind}`}>{item.kind}</span>
        <span className={`badge severity-${item.severity}`}>{item.severity}</span>
        {item.isIncident && <span className="badge over">incident</span>}
        <span className="interrupt-summary">{item.summary}</span>
      </div>
      <div className="interrupt-meta">
        opened {clockOf(item.openedAt, zone)}, {resolvedText(item, zone)}
        {item.service && <> · {item.service}</>} · {item.source}
        {" · "}
        {item.actionable === null ? "not reviewed" : item.actionable ? "actionable" : "not actionable"}
        {item.loggedMinutes > 0 && <> · {formatMinutes(item.loggedMinutes)} logged</>}
      </div>
      {open ? (
        <form className="log-time" onSubmit={onSubmit} noValidate>
          <label htmlFor={fieldId}>Time spent on it</label>
          <input
            id={fieldId}
            // biome-ignore lint/a11y/noAutofocus: the field appears because the person just asked to log time; focus goes where they will type
            autoFocus
            autoComplete="off"
            value={spent}
            onChange={(event) => setSpent(event.target.value)}
            placeholder="45m"
            aria-invalid={errors.duration ? true : undefined}
            aria-describedby={suggested.endsAt ? `${fieldId}-hint ${fieldId}-error` : `${fieldId}-error`}
            disabled={logTime.isPending}
            onKeyDown={(event) => {
              if (event.key === "Escape") setOpen(false);
            }}
          />
          <button className="button small" type="submit" disabled={logTime.isPending}>
            {logTime.isPending ? "Logging…" : "Log"}
          </button>
          <button className="button secondary small" type="button" onClick={() => setOpen(false)}>
            Cancel
          </button>
          {suggested.endsAt && (
            <span className="hint" id={`${fieldId}-hint`}>
              Ends when it was resolved, {clockOf(suggested.endsAt, zone)}
            </span>
          )}
          <FieldError id={`${fieldId}-error`} messages={errors.duration ?? errors.endsAt} />
        </form>
      ) : (
        <button type="button" className="link-button" onClick={() => setOpen(true)}>
          Log time<span className="visually-hidden"> on {item.summary}</span>
        </button>
      )}
    </li>
  );
}
