"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { Field } from "@/app/_components/field";
import { TimeZoneInput } from "@/app/_components/time-zone-input";

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
      <Field
        id="team-tz"
        label="Team time zone"
        hint="The team's reports, cap breaches and metrics count weeks (from Monday 00:00) and months on this zone's calendar, whoever looks at them."
        errors={errors.timeZone}
      >
        {(control) => <TimeZoneInput control={control} name="timeZone" defaultValue={timeZone} />}
      </Field>
      <div>
        <button className="button" type="submit" disabled={update.isPending}>
          Save time zone
        </button>
      </div>
    </form>
  );
}
