import Link from "next/link";

/** "Page not found" inside the shell: an unknown address, or a rotation that was removed. */
export function PageNotFound() {
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
