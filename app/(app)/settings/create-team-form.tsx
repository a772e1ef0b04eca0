"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { Field } from "@/app/_components/field";

export function CreateTeamForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(
    trpc.teams.create.mutationOptions({ onSuccess: (created) => router.push(`/settings?team=${created.id}`) }),
  );
  const errors = fieldErrorsOf(create.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name: String(new FormData(event.currentTarget).get("name") ?? "") });
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {create.error && Object.keys(errors).length === 0 && (
        <div className="alert error" role="alert">
          {messageOf(create.error)}
        </div>
      )}
      <Field id="team-name" label="Team name" hint="You become its manager; invite its people next." errors={errors.name}>
        {(control) => <input {...control} name="name" />}
      </Field>
      <div>
        <button className="button" type="submit" disabled={create.isPending}>
          Create team
        </button>
      </div>
    </form>
  );
}
