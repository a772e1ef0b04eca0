"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { FieldError } from "@/app/_components/field-error";

/** The team's time zone: the calendar its reports, breach months and metrics count weeks and months on. */
export function TeamZoneForm({ teamId, timeZone }: { teamId: string; timeZone: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const update = useMutation(
    trpc.teams.updateTimeZone.mutationOptions({
      onSuccess: (result) => {
        setDone(`Reports now count weeks and months in ${result.timeZone}.`);
        router.refresh();
      },
    }),
  );
  const errors = fieldErrorsOf(update.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    update.mutate({ teamId, timeZone: String(new FormData(event.currentTarget).get("timeZone") ?? "") });
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {done && (
        <div className="alert ok" role="status">
          {done}
        </div>
      )}
      {update.error && Object.keys(errors).length === 0 && (
        <div className="alert error" role="alert">
          {messageOf(update.error)}
        </div>
      )}
      <div className="field">
        <label htmlFor="team-tz">Team time zone</label>
        <input id="team-tz" name="timeZone" defaultValue={timeZone} aria-invalid={errors.timeZone ? true : undefined} aria-describedby="team-tz-note team-tz-error" />
        <p id="team-tz-note" className="stat-note">
          The team&apos;s reports, cap breaches and metrics count weeks (from Monday 00:00) and months on this zone&apos;s calendar,
          whoever looks at them.
        </p>
        <FieldError id="team-tz-error" messages={errors.timeZone} />
      </div>
      <div>
        <button className="button" type="submit" disabled={update.isPending}>
          Save time zone
        </button>
      </div>
    </form>
  );
}
