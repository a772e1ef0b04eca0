"use client";

import { type FormEvent, useState } from "react";
import { useStatus } from "@/app/_components/app-status";
import { Field } from "@/app/_components/field";
import { authClient } from "@/app/_lib/auth-client";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/server/schemas/access";

type PasswordField = "currentPassword" | "newPassword" | "confirm";
type Errors = Partial<Record<PasswordField, string[]>> & { form?: string };

/** better-auth's refusals, put beside the field they are about. */
function errorsOf(code: string | undefined, message: string | undefined, status: number): Errors {
  if (status === 429) return { form: "Too many attempts: wait a minute and try again." };
  switch (code) {
    case "INVALID_PASSWORD":
      return { currentPassword: ["This is not your current password"] };
    case "PASSWORD_TOO_SHORT":
      return { newPassword: [`Use at least ${MIN_PASSWORD_LENGTH} characters`] };
    case "PASSWORD_TOO_LONG":
      return { newPassword: [`Use at most ${MAX_PASSWORD_LENGTH} characters`] };
    case "CREDENTIAL_ACCOUNT_NOT_FOUND":
      return {
        form: "You sign in with single sign-on, so you have no Toilcap password to change. An administrator can issue you a password-reset link if you need one.",
      };
    default:
      return { form: message ?? "Could not change the password." };
  }
}

function check(values: Record<PasswordField, string>): Errors {
  const errors: Errors = {};
  if (values.currentPassword === "") errors.currentPassword = ["Enter your current password"];
  if (values.newPassword.length < MIN_PASSWORD_LENGTH)
    errors.newPassword = [`Use at least ${MIN_PASSWORD_LENGTH} characters`];
  else if (values.newPassword.length > MAX_PASSWORD_LENGTH)
    errors.newPassword = [`Use at most ${MAX_PASSWORD_LENGTH} characters`];
  else if (values.newPassword === values.currentPassword)
    errors.newPassword = ["Choose a password different from the current one"];
  if (values.confirm !== values.newPassword) errors.confirm = ["The two new passwords differ"];
  return errors;
}

/** Changing your own password: the current one is required, and every other session of yours is ended. */
export function PasswordForm() {
  const announce = useStatus();
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const values = {
      currentPassword: String(form.get("currentPassword") ?? ""),
      newPassword: String(form.get("newPassword") ?? ""),
      confirm: String(form.get("confirm") ?? ""),
    };
    const found = check(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    const result = await authClient.changePassword({
      currentPassword: values.currentPassword,
      newPassword: values.newPassword,
      revokeOtherSessions: true,
    });
    setPending(false);
    if (result.error) {
      setErrors(errorsOf(result.error.code, result.error.message, result.error.status));
      return;
    }
    formElement.reset();
    announce({ text: "Password changed. Your other sessions were signed out.", tone: "ok" });
  }

  return (
    <form className="stack" method="post" onSubmit={onSubmit} noValidate aria-label="Change your password">
      {errors.form && (
        <div className="alert error" role="alert">
          {errors.form}
        </div>
      )}
      <Field id="currentPassword" label="Current password" errors={errors.currentPassword}>
        {(control) => <input {...control} name="currentPassword" type="password" autoComplete="current-password" />}
      </Field>
      <Field
        id="newPassword"
        label="New password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. Your other sessions are signed out.`}
        errors={errors.newPassword}
      >
        {(control) => <input {...control} name="newPassword" type="password" autoComplete="new-password" />}
      </Field>
      <Field id="confirm" label="New password again" errors={errors.confirm}>
        {(control) => <input {...control} name="confirm" type="password" autoComplete="new-password" />}
      </Field>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
