/** An incoming id is kept when it looks like one (a proxy's or a load balancer's); anything else is replaced. */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdOf(incoming: string | null): string {
  return incoming && ACCEPTED_ID.test(incoming) ? incoming : crypto.randomUUID();
}

/** Path segments that are credentials: the webhook secrets and the calendar feed token. */
const SECRET_SEGMENT = /^(\/api\/integrations\/[^/]+\/|\/api\/calendar\/)[^/?]+/;
/** Query parameters whose values are credentials or one-time codes. */
const SECRET_PARAM = /token|secret|key|password|code|state|signature|session/i;

/** The path and query of a request as it may be logged: secrets in the path or the query become "[redacted]". */
export function loggablePath(url: URL): string {
  const path = url.pathname.replace(SECRET_SEGMENT, "$1[redacted]");
  const params = [...url.searchParams.entries()].map(([name, value]) => [
    name,
    SECRET_PARAM.test(name) ? "[redacted]" : value,
  ]);
  if (params.length === 0) return path;
  return `${path}?${params.map(([name, value]) => `${encodeURIComponent(name ?? "")}=${value === "[redacted]" ? value : encodeURIComponent(value ?? "")}`).join("&")}`;
}
