/** The header the proxy hands the page's path and query on in, so a signed-out visit can come back to it. */
export const REQUESTED_PAGE_HEADER = "x-toilcap-page";

const ORIGIN = "http://toilcap.invalid";

/** The page a request asked for, as a path and query (without Next's own `_rsc` marker). */
export function requestedPage(url: URL): string {
  const params = new URLSearchParams(url.searchParams);
  params.delete("_rsc");
  const query = params.toString();
  return `${url.pathname}${query ? `?${query}` : ""}`;
}

/**
 * Where to go after signing in: `next` when it is a path on this site, else home. Anything that could leave the
 * site is refused: another origin (`https://evil.com`), a protocol-relative `//evil.com` (also spelled `/\evil.com`,
 * which browsers read the same), other schemes, and control characters that browsers strip before resolving.
 */
export function safeNextPath(next: string | string[] | null | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2000) return "/";
  if (/[\\\u0000-\u001f\u007f]/.test(value) || value.startsWith("//")) return "/";
  let resolved: URL;
  try {
    resolved = new URL(value, ORIGIN);
  } catch {
    return "/";
  }
  if (resolved.origin !== ORIGIN) return "/";
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  return path.startsWith("/sign-in") || path.startsWith("/sign-up") ? "/" : path;
}

/** The sign-in page, asked to come back to `page` afterwards (home needs no `next`). */
export function signInHref(page: string): string {
  const next = safeNextPath(page);
  return next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
}
