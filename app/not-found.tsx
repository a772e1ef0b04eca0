import type { Metadata } from "next";
import Link from "next/link";
import { serverCaller } from "@/server/trpc/server";
import { AppShell } from "@/app/_components/app-shell";
import { PageNotFound } from "@/app/_components/page-not-found";

export const metadata: Metadata = { title: "Page not found" };

/**
 * Ours rather than Next's built-in page, whose inline <style> carries no CSP nonce. A signed-in visitor keeps the
 * app's shell (and its navigation); anyone else sees the signed-out card.
 */
export default async function NotFound() {
  const caller = await serverCaller();
  const viewer = await caller.viewer.current();
  if (viewer) {
    return (
      <AppShell caller={caller} viewer={viewer}>
        <PageNotFound />
      </AppShell>
    );
  }
  return (
    <main className="auth-page">
      <div className="auth-card">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            TC
          </span>
          Toilcap
        </div>
        <h1>Page not found</h1>
        <p className="lead">There is nothing at this address. It may have moved, or the link may be mistyped.</p>
        <p>
          <Link href="/">Go to My work</Link>
        </p>
      </div>
    </main>
  );
}
