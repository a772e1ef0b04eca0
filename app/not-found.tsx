import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

/** Ours rather than Next's built-in page, whose inline <style> carries no CSP nonce. */
export default function NotFound() {
  return (
    <main className="auth-page">
      <div className="auth-card">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">TC</span>
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
