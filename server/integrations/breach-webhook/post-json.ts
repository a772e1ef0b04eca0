import http from "node:http";
import https from "node:https";
import { Duration } from "luxon";
import { guardDestination, REFUSED_DESTINATION, RefusedDestination } from "./destination";

/** How long a receiver has to answer before the attempt counts as failed. */
export const WEBHOOK_TIMEOUT_MS = Duration.fromObject({ seconds: 5 }).toMillis();

export interface WebhookAnswer {
  ok: boolean;
  /** The HTTP status, or null when none came (timeout, refused, bad address). */
  status: number | null;
  /** Why it failed, in a few words ("HTTP 500", "timed out after 5 s"); null when it worked. */
  error: string | null;
  durationMs: number;
}

/** A low-level failure's code ("ECONNREFUSED") as Node reports it, nested in its cause. */
function causeCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    if ("code" in current && typeof current.code === "string") return current.code;
    current = current.cause;
  }
  return null;
}

/**
 * Failures in words that name no address, port or server software: the text is shown to managers and must not
 * turn the webhook into a scanner of what answers where.
 */
const CAUSE_TEXT: Record<string, string> = {
  TOILCAP_REFUSED_DESTINATION: REFUSED_DESTINATION,
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host not found",
  ECONNREFUSED: "could not connect",
  ECONNRESET: "could not connect",
  EHOSTUNREACH: "could not connect",
  ENETUNREACH: "could not connect",
};

function failureText(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return `timed out after ${timeoutMs / 1000} s`;
  const code = causeCode(error);
  if (code === "ABORT_ERR") return `timed out after ${timeoutMs / 1000} s`;
  return (code && CAUSE_TEXT[code]) ?? "no valid HTTP answer";
}

function send(url: URL, body: string, headers: Record<string, string>, timeoutMs: number): Promise<number> {
  const destination = guardDestination(url);
  if (destination.refused) return Promise.reject(new RefusedDestination());
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "Toilcap",
          ...headers,
        },
        lookup: destination.lookup,
        signal: AbortSignal.timeout(timeoutMs),
        // One connection per delivery: a pooled socket would skip the address check of a new lookup.
        agent: false,
      },
      (response) => {
        // The answer's body is not needed; dropping it frees the connection.
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/**
 * POSTs the JSON text `body` and reports how it went; never throws. Any 2xx is success. Only public internet
 * addresses are reached (see guardDestination), and redirects are not followed: a webhook that moved should be
 * reconfigured, a POST must not silently become a GET elsewhere, and a redirect must not lead past the guard.
 */
export async function postJson(
  url: string,
  body: string,
  options: { headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<WebhookAnswer> {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const status = await send(new URL(url), body, options.headers ?? {}, timeoutMs);
    if (status >= 200 && status < 300) return { ok: true, status, error: null, durationMs: elapsed() };
    const redirected = status >= 300 && status < 400 ? " (redirects are not followed)" : "";
    return { ok: false, status, error: `HTTP ${status}${redirected}`, durationMs: elapsed() };
  } catch (error) {
    return { ok: false, status: null, error: failureText(error, timeoutMs), durationMs: elapsed() };
  }
}
