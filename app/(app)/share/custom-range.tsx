"use client";

import { useQuery } from "@tanstack/react-query";
import { Field } from "@/app/_components/field";
import { type FormEvent, useState } from "react";
import { fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { endOfDateInput, startOfDateInput } from "@/app/_components/work/datetime";
import { periodDaysText } from "@/app/_components/reports/period";
import { PeriodBody } from "./period-card";

/** A chosen range of whole days on the viewer's wall clock, first and last day included. */
export function CustomRange({
  timeZone,
  defaultFrom,
  defaultTo,
}: {
  timeZone: string;
  defaultFrom: string;
  defaultTo: string;
}) {
  const trpc = useTRPC();
  const [from, setFrom] = useState(defaultFrom);
  const [to, setTo] = useState(defaultTo);
  const [asked, setAsked] = useState<{ from: Date; to: Date } | null>(null);
  const [localError, setLocalError] = useState<{ field: "from" | "to"; message: string } | null>(null);
  const share = useQuery(
    trpc.share.mine.queryOptions(
      { period: "custom", from: asked?.from, to: asked?.to },
      { enabled: asked !== null, retry: false },
    ),
  );
  const serverErrors = fieldErrorsOf(share.error);
  const errors = {
    from: localError?.field === "from" ? [localError.message] : serverErrors.from,
    to: localError?.field === "to" ? [localError.message] : serverErrors.to,
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const start = startOfDateInput(from, timeZone);
    const end = endOfDateInput(to, timeZone);
    if (!start) return setLocalError({ field: "from", message: "Pick the first day" });
    if (!end) return setLocalError({ field: "to", message: "Pick the last day" });
    if (end <= start) return setLocalError({ field: "to", message: "The last day must not be before the first" });
    setLocalError(null);
    setAsked({ from: start, to: end });
  }

  return (
    <section className="card period-card custom-range" aria-labelledby="share-custom">
      <header className="period-head">
        <h2 id="share-custom">A range you choose</h2>
      </header>
      <form className="range-form" onSubmit={onSubmit} noValidate>
        <Field id="range-from" label="First day" errors={errors.from}>
          {(control) => (
            <input {...control} type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
          )}
        </Field>
        <Field id="range-to" label="Last day" errors={errors.to}>
          {(control) => <input {...control} type="date" value={to} onChange={(event) => setTo(event.target.value)} />}
        </Field>
        <button className="button secondary" type="submit" disabled={share.isFetching}>
          {share.isFetching ? "Computing…" : "Show share"}
        </button>
      </form>
      {share.error && Object.keys(serverErrors).length === 0 && (
        <div className="alert error" role="alert">
          {messageOf(share.error)}
        </div>
      )}
      {share.data ? (
        <div className="custom-result" aria-live="polite">
          <p className="stat-note">{periodDaysText(share.data.period.from, share.data.period.to, timeZone)}</p>
          <PeriodBody data={share.data} />
        </div>
      ) : (
        !share.error && (
          <p className="stat-note">
            Pick two days and press “Show share”: for example the last few quarters, as the cap is meant.
          </p>
        )
      )}
    </section>
  );
}
