/**
 * A link a user typed, as an href only when it is http(s). Input is already checked to be http(s); this holds the
 * line where links are drawn too, so a `javascript:` URL that reached the database some other way never becomes
 * clickable.
 */
export function httpHref(link: string | null | undefined): string | null {
  if (!link) return null;
  try {
    const url = new URL(link);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
