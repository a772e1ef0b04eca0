"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { Field } from "@/app/_components/field";
import { TimeZoneInput } from "@/app/_components/time-zone-input";

export function CreateTeamForm({ defaultTimeZone }: { defaultTimeZone: string }) {
  const trpc = useTRPC();
  // A new key empties the form once the team exists.
  const [formKey, setFormKey] = useState(0);
  const create = useMutation(
    trpc.teams.create.mutationOptions({
      onSuccess: (created) => {
        setFormKey((key) => key + 1);
        // A page load, not a push: it makes the new team the chosen one (see proxy.ts) and renders the shell (team,
        // caps, the Log toil button) afresh.
        window.location.assign(`/settings?team=${created.id}`);
      },
    }),
  );
  const errors = fieldErrorsOf(create.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({ name: String(form.get("name") ?? ""), timeZone: String(form.get("timeZone") ?? "") });
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate key={formKey}>
      {create.error && Object.keys(errors).length === 0 && (
        <div className="alert error" role="alert">
          {messageOf(create.error)}
        </div>
      )}
      <Field
        id="team-name"
        label="Team name"
        hint="You become its manager; invite its people next."
        errors={errors.name}
      >
        {(control) => <input {...control} name="name" />}
      </Field>
      <Field
        id="new-team-tz"
        label="Team time zone"
        hint="Its reports count weeks and months on this calendar."
        errors={errors.timeZone}
      >
        {(control) => <TimeZoneInput control={control} name="timeZone" defaultValue={defaultTimeZone} />}
      </Field>
      <div>
        <button className="button" type="submit" disabled={create.isPending}>
          Create team
        </button>
      </div>
    </form>
  );
}
