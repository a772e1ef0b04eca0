"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { authClient } from "@/app/_lib/auth-client";

const MIN_PASSWORD_LENGTH = 8;

type Field = "name" | "email" | "password";

function validate(values: Record<Field, string>): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (values.name.trim() === "") errors.name = "Enter your name";
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) errors.email = "Enter a valid email address";
  if (values.password.length < MIN_PASSWORD_LENGTH) errors.password = `Use at least ${MIN_PASSWORD_LENGTH} characters`;
  return errors;
}

/** With an invitation, the email is the invited one and the token goes with the sign-up. */
export function SignUpForm({ invitation }: { invitation: { token: string; email: string; name: string } | null }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? "").trim(),
      password: String(form.get("password") ?? ""),
    };
    const found = validate(values);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    // The invitation token rides in the sign-up body, which the typed signUp.email does not allow for.
    const result = invitation
      ? await authClient.$fetch("/sign-up/email", { method: "POST", body: { ...values, invitation: invitation.token } })
      : await authClient.signUp.email(values);
    setPending(false);
    if (result.error) {
      setFormError(result.error.message ?? "Could not create the account.");
      return;
    }
    router.replace("/");
    router.refresh();
  }

  const describe = (field: Field) => (errors[field] ? `${field}-error` : undefined);
  // method="post": submitted before the script has loaded, a GET would put the password in the URL.
  return (
    <form className="stack" method="post" onSubmit={onSubmit} noValidate>
      {formError && (
        <div className="alert error" role="alert">
          {formError}
        </div>
      )}
      {(["name", "email", "password"] as const).map((field) => (
        <div className="field" key={field}>
          <label htmlFor={field}>{field === "name" ? "Your name" : field === "email" ? "Email" : "Password"}</label>
          <input
            id={field}
            name={field}
            type={field === "name" ? "text" : field}
            autoComplete={field === "password" ? "new-password" : field === "email" ? "username" : "name"}
            defaultValue={field === "email" ? invitation?.email : field === "name" ? invitation?.name : undefined}
            readOnly={field === "email" && invitation !== null}
            aria-invalid={errors[field] ? true : undefined}
            aria-describedby={describe(field)}
          />
          {errors[field] && (
            <span className="field-error" id={`${field}-error`}>
              {errors[field]}
            </span>
          )}
        </div>
      ))}
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create account"}
      </button>
    </form>
  );
}
