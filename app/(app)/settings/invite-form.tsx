"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { Field } from "@/app/_components/field";
import { FieldError } from "@/app/_components/field-error";
import { TimeZoneInput } from "@/app/_components/time-zone-input";
import type { SentInvitation } from "@/server/services/people/invitations";
import { InvitationLink } from "./invitation-link";

const ROLES = ["engineer", "manager", "planner"] as const;

/** Invites someone into the team; their zone starts as the team's, since most teams sit in one. */
export function InviteForm({ teamId, teamTimeZone }: { teamId: string; teamTimeZone: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const [link, setLink] = useState<Extract<SentInvitation, { outcome: "link" }> | null>(null);
  const invite = useMutation(
    trpc.teams.invite.mutationOptions({
      onSuccess: (result, input) => {
        if (result.outcome === "link") setLink(result);
        else if (result.outcome === "requested")
          setDone(`Asked ${input.email} to join: they accept on their home page.`);
        else setDone(`Added ${input.email} with the roles picked.`);
        void queryClient.invalidateQueries(trpc.teams.invitations.pathFilter());
        router.refresh();
      },
    }),
  );
  const errors = fieldErrorsOf(invite.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setDone(null);
    setLink(null);
    invite.mutate({
      teamId,
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      timeZone: String(form.get("timeZone") ?? ""),
      roles: form.getAll("roles").map(String) as Array<(typeof ROLES)[number]>,
    });
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {link && (
        <InvitationLink path={link.path} email={link.email} emailed={link.emailed} onDone={() => setLink(null)} />
      )}
      {done && (
        <div className="alert ok" role="status">
          {done}
        </div>
      )}
      {invite.error && Object.keys(errors).length === 0 && (
        <div className="alert error" role="alert">
          {messageOf(invite.error)}
        </div>
      )}
      <div className="row">
        <Field id="invite-name" label="Name" errors={errors.name}>
          {(control) => <input {...control} name="name" />}
        </Field>
        <Field id="invite-email" label="Email" errors={errors.email}>
          {(control) => <input {...control} name="email" type="email" />}
        </Field>
      </div>
      <Field
        id="invite-tz"
        label="Time zone"
        hint="Type to search; they can change it in their profile."
        errors={errors.timeZone}
      >
        {(control) => <TimeZoneInput control={control} name="timeZone" defaultValue={teamTimeZone} />}
      </Field>
      <fieldset className="field" aria-describedby="invite-roles-error">
        <legend>Roles</legend>
        <div className="checks">
          {ROLES.map((role) => (
            <label key={role}>
              <input type="checkbox" name="roles" value={role} defaultChecked={role === "engineer"} /> {role}
            </label>
          ))}
        </div>
        <FieldError id="invite-roles-error" messages={errors.roles} />
      </fieldset>
      <div>
        <button className="button" type="submit" disabled={invite.isPending}>
          {invite.isPending ? "Inviting…" : "Invite"}
        </button>
      </div>
    </form>
  );
}
