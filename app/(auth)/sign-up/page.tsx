import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { serverCaller } from "@/server/trpc/server";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create account" };

/** The invitation a link carries, if it is still open: whom it is for and which team. */
async function openInvitation(token: string | undefined) {
  if (!token) return null;
  const caller = await serverCaller();
  try {
    return await caller.invitations.preview({ token });
  } catch {
    return null;
  }
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ invitation?: string }> }) {
  const caller = await serverCaller();
  if (await caller.viewer.current()) redirect("/");
  const { needsFirstAdmin } = await caller.instance.status();
  const token = (await searchParams).invitation;
  const invitation = needsFirstAdmin ? null : await openInvitation(token);
  if (!needsFirstAdmin && !invitation) {
    return (
      <>
        <h1>Create your account</h1>
        <div className="alert error" role="alert">
          {token
            ? "This invitation link is not valid: it was used, revoked or has expired. Ask your manager for a new one."
            : "Sign-up is by invitation: open the link your manager sent you."}
        </div>
        <p className="demo-hint">
          Already have an account? <Link href="/sign-in">Sign in</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{needsFirstAdmin ? "Create the first admin account" : "Create your account"}</h1>
      <p className="lead">
        {needsFirstAdmin
          ? "This Toilcap is empty. The first account becomes its administrator; you then create teams and invite people."
          : `You were invited to ${invitation?.teamName ?? "a team"}.`}
      </p>
      <SignUpForm invitation={invitation && token ? { token, email: invitation.email, name: invitation.name } : null} />
      {!needsFirstAdmin && (
        <p className="demo-hint">
          Already have an account? <Link href="/sign-in">Sign in</Link>.
        </p>
      )}
    </>
  );
}
