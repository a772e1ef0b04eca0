import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { serverCaller } from "@/server/trpc/server";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage() {
  const caller = await serverCaller();
  if (await caller.viewer.current()) redirect("/");
  const { needsFirstAdmin } = await caller.instance.status();
  return (
    <>
      <h1>{needsFirstAdmin ? "Create the first admin account" : "Create your account"}</h1>
      <p className="lead">
        {needsFirstAdmin
          ? "This Toilcap is empty. The first account becomes its administrator; you then create teams and invite people."
          : "Use the email address your manager invited."}
      </p>
      <SignUpForm />
      {!needsFirstAdmin && (
        <p className="demo-hint">
          Already have an account? <Link href="/sign-in">Sign in</Link>.
        </p>
      )}
    </>
  );
}
