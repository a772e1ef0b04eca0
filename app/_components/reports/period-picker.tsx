"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState, useTransition } from "react";
import { Field } from "@/app/_components/field";
import {
  hasRangeErrors,
  PERIOD_KINDS,
  PERIOD_LABELS,
  type PeriodChoice,
  type PeriodKind,
  periodHref,
  type RangeErrors,
  rangeErrors,
} from "./period";

/**
 * The report's period. A preset shows at once: the page moves to its URL by client navigation, so the report
 * is linkable and the one on screen stays until the next arrives. The custom range opens only when chosen, and a
 * range that cannot be shown is a message at its fields, never a lost report. Without JavaScript it is a plain
 * GET form. A link whose custom range cannot be shown opens with that range and its messages here, above the
 * page's default period. Custom days are read on the viewer's wall clock; reports of the whole organisation name
 * no team.
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
  const rejected = choice.rejected;
  const initial = rejected
    ? { kind: "custom" as const, firstDay: rejected.firstDay, lastDay: rejected.lastDay, errors: rejected.errors }
    : { kind: choice.kind, firstDay: choice.firstDay, lastDay: choice.lastDay, errors: {} };
  const asked = `${choice.kind}|${initial.kind}|${initial.firstDay}|${initial.lastDay}`;
  const [shown, setShown] = useState(asked);
  const [kind, setKind] = useState<PeriodKind>(initial.kind);
  const [firstDay, setFirstDay] = useState(initial.firstDay);
  const [lastDay, setLastDay] = useState(initial.lastDay);
  const [errors, setErrors] = useState<RangeErrors>(initial.errors);
  // Back and forward move the URL under the picker: follow it.
  if (shown !== asked) {
    setShown(asked);
    setKind(initial.kind);
    setFirstDay(initial.firstDay);
    setLastDay(initial.lastDay);
    setErrors(initial.errors);
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
    if (!hasRangeErrors(found)) show({ kind, firstDay, lastDay });
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
        {pending
          ? "Updating the report…"
          : hasRangeErrors(errors)
            ? `The report below is for: ${PERIOD_LABELS[choice.kind]}.`
            : ""}
      </span>
    </form>
  );
}
