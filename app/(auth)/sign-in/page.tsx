import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ssoSettings } from "@/server/auth/sso";
import { safeNextPath } from "@/server/security/next-path";
import { serverCaller } from "@/server/trpc/server";
import { SignInForm } from "./sign-in-form";
import { SsoButton } from "./sso-button";

export const metadata: Metadata = { title: "Sign in" };

/** Why a single sign-on came back refused, by the code the server gave; anything else reads as a failure. */
const SSO_REFUSALS: Record<string, string> = {
  not_invited:
    "Single sign-on worked, but nobody with that email address has been invited. Ask a manager of your team to invite you.",
  domain_not_allowed: "Single sign-on is not open to that email address's domain.",
  email_not_verified: "Your identity provider has not verified that email address.",
  account_deactivated: "Single sign-on worked, but this account is deactivated. Ask an administrator.",
};

function ssoRefusal(error: string | string[] | undefined): string | null {
  if (typeof error !== "string" || error === "") return null;
  return SSO_REFUSALS[error] ?? "Single sign-on did not work. Try again, or sign in with your password.";
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const caller = await serverCaller();
  const search = await searchParams;
  // Back to the page that was asked for, if it is one of ours.
  const next = safeNextPath(search.next);
  if (await caller.viewer.current()) redirect(next);
  const status = await caller.instance.status();
  if (status.needsFirstAdmin) redirect("/sign-up");
  const demo = status.demo;
  const sso = ssoSettings();
  const refusal = ssoRefusal(search.error);
  return (
    <>
      <h1>Sign in</h1>
      <p className="lead">Keep your team&apos;s toil under the cap.</p>
      {refusal && (
        <div className="alert error" role="alert">
          {refusal}
        </div>
      )}
      {sso && <SsoButton providerId={sso.providerId} name={sso.name} next={next} />}
      <SignInForm next={next} />
      <p className="demo-hint">
        Invited to a team? <Link href="/sign-up">Create your account</Link>.
      </p>
      {demo && (
        <div className="demo-hint" role="note" aria-label="Demo instance">
          <strong>This is a demo instance</strong> with made-up data. Demo accounts
          {demo.password ? (
            <>
              {" "}
              (password <code>{demo.password}</code>)
            </>
          ) : null}
          :
          <ul>
            {demo.accounts.slice(0, 5).map((account) => (
              <li key={account.email}>
                <code>{account.email}</code> — {account.roles}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
