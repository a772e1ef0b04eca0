"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";

/**
 * A page that failed to render, inside the shell: the navigation and the quick log still work, the heading takes
 * focus so a keyboard or screen-reader user knows where they are, and the reference lets support find the log line.
 */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card route-problem" aria-labelledby="route-problem-title">
      <h1 id="route-problem-title" ref={heading} tabIndex={-1}>
        This page could not be shown
      </h1>
      <p>Something went wrong on our side while loading it. Nothing you entered was lost; try again in a moment.</p>
      {error.digest && (
        <p className="stat-note">
          Reference for support: <code>{error.digest}</code>
        </p>
      )}
      <div className="route-problem-actions">
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>
        <Link className="button secondary" href="/">
          Go to My work
        </Link>
      </div>
    </section>
  );
}
