import { Duration } from "luxon";

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

/** A low-level failure's code ("ECONNREFUSED") as fetch reports it, nested in its cause. */
function causeCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    if ("code" in current && typeof current.code === "string") return current.code;
    current = current.cause;
  }
  return null;
}

const CAUSE_TEXT: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  ECONNRESET: "connection reset",
  EAI_AGAIN: "host not found (DNS)",
};

function failureText(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return `timed out after ${timeoutMs / 1000} s`;
  const code = causeCode(error);
  if (code) return CAUSE_TEXT[code] ?? code;
  return error instanceof Error ? error.message : String(error);
}

/**
 * POSTs `body` as JSON and reports how it went; never throws. Any 2xx is success. Redirects are not followed
 * (a webhook that moved should be reconfigured, and a POST must not silently become a GET elsewhere).
 */
export async function postJson(
  url: string,
  body: unknown,
  options: { headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<WebhookAnswer> {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Toilcap", ...options.headers },
      body: JSON.stringify(body),
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The answer's body is not needed; dropping it frees the connection.
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status, error: null, durationMs: elapsed() };
    const redirected = response.status >= 300 && response.status < 400 ? " (redirects are not followed)" : "";
    return { ok: false, status: response.status, error: `HTTP ${response.status}${redirected}`, durationMs: elapsed() };
  } catch (error) {
    return { ok: false, status: null, error: failureText(error, timeoutMs), durationMs: elapsed() };
  }
}
