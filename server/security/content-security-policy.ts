/**
 * The Content-Security-Policy of every response. Pages get a nonce-based policy (Next reads the nonce from the
 * request's policy and puts it on its own scripts; 'strict-dynamic' lets those load the route chunks), so an
 * injected <script> or inline handler never runs even if some text escaped escaping. Style *attributes* stay
 * allowed: React and recharts position things with `style="…"`, which cannot run script; <style> elements, the
 * ones that could read the page through selectors, need the nonce. Browsers without the -elem/-attr directives
 * fall back to `style-src`. Everything else (JSON, feeds, metrics) may load nothing and be framed nowhere.
 */
export interface PolicyOptions {
  /** Served over HTTPS: ask the browser to upgrade any stray http:// subresource. */
  https: boolean;
  /** `next dev` needs eval for its error overlay; production never does. */
  development: boolean;
}

function serialise(directives: Array<[string, ...string[]]>): string {
  return directives.map((parts) => parts.join(" ")).join("; ");
}

export function pagePolicy(nonce: string, options: PolicyOptions): string {
  const directives: Array<[string, ...string[]]> = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["style-src-elem", "'self'", `'nonce-${nonce}'`],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-src", "'none'"],
    ["frame-ancestors", "'none'"],
    ...(options.https ? ([["upgrade-insecure-requests"]] as Array<[string]>) : []),
  ];
  return serialise(directives);
}

/** For responses that are data, never documents: nothing may load, run or frame them. */
export const DATA_POLICY = serialise([
  ["default-src", "'none'"],
  ["base-uri", "'none'"],
  ["form-action", "'none'"],
  ["frame-ancestors", "'none'"],
]);

/** Two years, subdomains included: once a browser saw Toilcap over HTTPS it never tries plain HTTP again. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** A fresh, unguessable nonce per response (16 random bytes, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64");
}
