import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

/** A page of the app that does not exist (an unknown address, a removed rotation), shown inside the shell. */
export default function NotFoundInApp() {
  return (
    <section className="card route-problem" aria-labelledby="route-problem-title">
      <h1 id="route-problem-title">Page not found</h1>
      <p>There is nothing at this address. It may have moved or been removed, or the link may be mistyped.</p>
      <div className="route-problem-actions">
        <Link className="button" href="/">
          Go to My work
        </Link>
      </div>
    </section>
  );
}
