import type { Metadata } from "next";
import Link from "next/link";
import { serverCaller } from "@/server/trpc/server";
import { messageOf } from "@/app/_lib/field-errors";
import { TRPCReactProvider } from "@/app/_lib/trpc";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Set a new password", referrer: "no-referrer" };

/** Whose account an open link is for, or why the link does not work. */
async function openLink(token: string | undefined): Promise<{ name: string; email: string } | { problem: string }> {
  if (!token)
    return { problem: "This page needs the password-reset link an administrator gave you. Open that link as it is." };
  const caller = await serverCaller();
  try {
    return await caller.passwordReset.preview({ token });
  } catch (error) {
    return { problem: messageOf(error) };
  }
}

/** Public: the link is the credential. Setting a new password signs the person out everywhere. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const token = (await searchParams).token;
  const link = await openLink(token);
  return (
    <>
      <h1>Set a new password</h1>
      {"problem" in link || !token ? (
        <div className="alert error" role="alert">
          {"problem" in link ? link.problem : null}
        </div>
      ) : (
        <>
          <p className="lead">
            For {link.name} ({link.email}). This link works once; after it you are signed out everywhere and sign in
            with the new password.
          </p>
          <TRPCReactProvider>
            <ResetPasswordForm token={token} email={link.email} />
          </TRPCReactProvider>
        </>
      )}
      <p className="demo-hint">
        <Link href="/sign-in">Back to sign-in</Link>
      </p>
    </>
  );
}
