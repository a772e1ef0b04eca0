import type { Metadata } from "next";
import Link from "next/link";
import { signedInCaller } from "@/server/trpc/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PeopleAccess } from "./people-access";

export const metadata: Metadata = { title: "People and access" };

/** Settings → People and access (admins): who can sign in, and deactivating someone at once. */
export default async function AccessPage() {
  const caller = await signedInCaller();
  const viewer = await caller.viewer.me();
  return (
    <>
      <div className="page-head">
        <div>
          <h1>People and access</h1>
          <p>
            Deactivating someone ends their sessions and API tokens at once; they cannot sign in until reactivated. A
            password-reset link works once, for 24 hours, and signs the person out everywhere.
          </p>
        </div>
        <Link href="/settings">Back to Settings</Link>
      </div>
      {viewer.isAdmin ? (
        <section className="card">
          <PeopleAccess initial={await caller.access.people()} selfId={viewer.personId} timeZone={viewer.timeZone} />
        </section>
      ) : (
        <EmptyState title="Administrators only">Ask an administrator to change who can sign in.</EmptyState>
      )}
    </>
  );
}
