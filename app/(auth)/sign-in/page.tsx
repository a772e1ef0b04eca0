import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { serverCaller } from "@/server/trpc/server";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  const caller = await serverCaller();
  if (await caller.viewer.current()) redirect("/");
  const status = await caller.instance.status();
  if (status.needsFirstAdmin) redirect("/sign-up");
  const demo = status.demo;
  return (
    <>
      <h1>Sign in</h1>
      <p className="lead">Keep your team&apos;s toil under the cap.</p>
      <SignInForm />
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
