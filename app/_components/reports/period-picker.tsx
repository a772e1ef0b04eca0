"use client";

import { DateTime } from "luxon";
import { useRouter } from "next/navigation";
import { type FormEvent, useState, useTransition } from "react";
import { Field } from "@/app/_components/field";
import { PERIOD_KINDS, PERIOD_LABELS, type PeriodChoice, type PeriodKind, periodHref } from "./period";

interface RangeErrors {
  from?: string[];
  to?: string[];
}

/** What is wrong with a custom range, by field; empty when it can be shown. */
function rangeErrors(firstDay: string, lastDay: string): RangeErrors {
  const valid = (day: string) => DateTime.fromISO(day).isValid;
  const errors: RangeErrors = {};
  if (!firstDay) errors.from = ["Choose the first day"];
  else if (!valid(firstDay)) errors.from = ["Enter a real calendar date"];
  if (!lastDay) errors.to = ["Choose the last day"];
  else if (!valid(lastDay)) errors.to = ["Enter a real calendar date"];
  else if (!errors.from && lastDay < firstDay) errors.to = ["The last day must be on or after the first day"];
  return errors;
}

/**
 * The report's period. A preset shows at once: the page moves to its URL by client navigation, so the report
 * is linkable and the one on screen stays until the next arrives. The custom range opens only when chosen, and a
 * range that cannot be shown is a message at its fields, never a lost report. Without JavaScript it is a plain
 * GET form. Custom days are read on the viewer's wall clock; reports of the whole organisation name no team.
 */
export function PeriodPicker({
  action,
  teamId,
  choice,
  extra,
}: {
  action: string;
  teamId?: string;
  choice: PeriodChoice;
  extra?: Record<string, string>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const asked = `${choice.kind}|${choice.firstDay}|${choice.lastDay}`;
  const [shown, setShown] = useState(asked);
  const [kind, setKind] = useState<PeriodKind>(choice.kind);
  const [firstDay, setFirstDay] = useState(choice.firstDay);
  const [lastDay, setLastDay] = useState(choice.lastDay);
  const [errors, setErrors] = useState<RangeErrors>({});
  // Back and forward move the URL under the picker: follow it.
  if (shown !== asked) {
    setShown(asked);
    setKind(choice.kind);
    setFirstDay(choice.firstDay);
    setLastDay(choice.lastDay);
    setErrors({});
  }
  const show = (next: PeriodChoice) =>
    startTransition(() => router.push(periodHref(action, next, teamId, extra), { scroll: false }));
  const choose = (next: PeriodKind) => {
    setKind(next);
    setErrors({});
    if (next !== "custom") show({ kind: next, firstDay: "", lastDay: "" });
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (kind !== "custom") return show({ kind, firstDay: "", lastDay: "" });
    const found = rangeErrors(firstDay, lastDay);
    setErrors(found);
    if (!found.from && !found.to) show({ kind, firstDay, lastDay });
  };
  return (
    <form
      className="card period-picker"
      method="get"
      action={action}
      aria-label="Report period"
      onSubmit={submit}
      noValidate
    >
      {teamId && <input type="hidden" name="team" value={teamId} />}
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset className="period-kinds">
        <legend>Period</legend>
        <div className="segmented">
          {PERIOD_KINDS.map((option) => (
            <label key={option}>
              <input
                type="radio"
                name="period"
                value={option}
                checked={kind === option}
                onChange={() => choose(option)}
              />
              <span>{PERIOD_LABELS[option]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {kind === "custom" && (
        <>
          <Field id="report-from" label="First day" errors={errors.from}>
            {(control) => (
              <input
                {...control}
                type="date"
                name="from"
                value={firstDay}
                onChange={(e) => setFirstDay(e.target.value)}
              />
            )}
          </Field>
          <Field id="report-to" label="Last day" errors={errors.to}>
            {(control) => (
              <input {...control} type="date" name="to" value={lastDay} onChange={(e) => setLastDay(e.target.value)} />
            )}
          </Field>
          <button className="button" type="submit">
            Show report
          </button>
        </>
      )}
      <noscript>
        <button className="button" type="submit">
          Show report
        </button>
      </noscript>
      <span className="period-status" role="status">
        {pending ? "Updating the report…" : ""}
      </span>
    </form>
  );
}
