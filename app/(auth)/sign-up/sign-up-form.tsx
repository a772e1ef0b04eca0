"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { authClient } from "@/app/_lib/auth-client";
import { Field } from "@/app/_components/field";
import { TimeZoneInput, useBrowserZone } from "@/app/_components/time-zone-input";

const MIN_PASSWORD_LENGTH = 8;

type SignUpField = "name" | "email" | "password" | "timeZone";

function validate(values: Record<SignUpField, string>): Partial<Record<SignUpField, string>> {
  const errors: Partial<Record<SignUpField, string>> = {};
  if (values.name.trim() === "") errors.name = "Enter your name";
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) errors.email = "Enter a valid email address";
  if (values.password.length < MIN_PASSWORD_LENGTH) errors.password = `Use at least ${MIN_PASSWORD_LENGTH} characters`;
  if (values.timeZone.trim() === "") errors.timeZone = "Enter your time zone, such as Europe/Berlin";
  return errors;
}

/** With an invitation, the email is the invited one and the token goes with the sign-up. */
export function SignUpForm({ invitation }: { invitation: { token: string; email: string; name: string } | null }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Partial<Record<SignUpField, string>>>({});
  const browserZone = useBrowserZone();
  const [typedZone, setTypedZone] = useState<string | null>(null);
  const zone = typedZone ?? browserZone ?? "";
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? "").trim(),
      password: String(form.get("password") ?? ""),
      timeZone: zone.trim(),
    };
    const found = validate(values);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    // The zone and the invitation token ride in the sign-up body, which the typed signUp.email does not allow for.
    const body = invitation ? { ...values, invitation: invitation.token } : values;
    const result = await authClient.$fetch("/sign-up/email", { method: "POST", body });
    setPending(false);
    if (result.error) {
      const message = result.error.message ?? "Could not create the account.";
      if (message.startsWith("timeZone: ")) setErrors({ timeZone: message.slice("timeZone: ".length) });
      else setFormError(message);
      return;
    }
    router.replace("/");
    router.refresh();
  }

  const describe = (field: SignUpField) => (errors[field] ? `${field}-error` : undefined);
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
      <Field
        id="sign-up-zone"
        label="Your time zone"
        hint="Taken from this browser; type to search. Your days and weeks are counted on this clock."
        errors={errors.timeZone ? [errors.timeZone] : undefined}
      >
        {(control) => <TimeZoneInput control={control} value={zone} onChange={setTypedZone} />}
      </Field>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create account"}
      </button>
    </form>
  );
}
