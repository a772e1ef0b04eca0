/**
 * Shown inside the shell while a page's data loads: the navigation stays usable, and a screen reader hears that
 * the page is on its way (the placeholder blocks are decoration).
 */
export default function Loading() {
  return (
    <div className="route-loading" role="status" aria-live="polite">
      <p className="route-loading-text">Loading…</p>
      <div className="skeleton skeleton-title" aria-hidden="true" />
      <div className="skeleton-grid" aria-hidden="true">
        <div className="skeleton skeleton-card" />
        <div className="skeleton skeleton-card" />
        <div className="skeleton skeleton-card" />
      </div>
    </div>
  );
}
