"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { Field } from "@/app/_components/field";
import { fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { MIN_PASSWORD_LENGTH } from "@/server/schemas/access";

type Errors = { newPassword?: string[]; confirm?: string[] };

/** The new password twice; the server checks the link again and ends every session of the person. */
export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const trpc = useTRPC();
  const [errors, setErrors] = useState<Errors>({});
  const use = useMutation(
    trpc.passwordReset.use.mutationOptions({ onError: (error) => setErrors(fieldErrorsOf(error)) }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get("newPassword") ?? "");
    const confirm = String(form.get("confirm") ?? "");
    const found: Errors = {};
    if (newPassword.length < MIN_PASSWORD_LENGTH)
      found.newPassword = [`Use at least ${MIN_PASSWORD_LENGTH} characters`];
    if (confirm !== newPassword) found.confirm = ["The two passwords differ"];
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    use.mutate({ token, newPassword });
  }

  if (use.isSuccess) {
    return (
      <div className="alert ok" role="status">
        Your password is set and you were signed out everywhere. <Link href="/sign-in">Sign in</Link> with it now.
      </div>
    );
  }
  const tokenProblem = use.error && !errors.newPassword ? messageOf(use.error) : null;
  return (
    <form className="stack" method="post" onSubmit={onSubmit} noValidate>
      {tokenProblem && (
        <div className="alert error" role="alert">
          {tokenProblem}
        </div>
      )}
      {/* For password managers: the account this password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field
        id="newPassword"
        label="New password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        errors={errors.newPassword}
      >
        {(control) => <input {...control} name="newPassword" type="password" autoComplete="new-password" />}
      </Field>
      <Field id="confirm" label="New password again" errors={errors.confirm}>
        {(control) => <input {...control} name="confirm" type="password" autoComplete="new-password" />}
      </Field>
      <button className="button" type="submit" disabled={use.isPending}>
        {use.isPending ? "Setting…" : "Set new password"}
      </button>
    </form>
  );
}
