/** A webhook's JSON answer: never cached, since each one says what this call did. */
export function webhookJson(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

/** A refusal with its reason, for the sender's logs. */
export function webhookRefusal(status: number, reason: string): Response {
  return webhookJson(status, { ok: false, error: reason });
}

/**
 * The answer to a request naming no live integration: sent before its body is read, and closing the connection,
 * so a sender trickling a body to an unknown secret holds nothing open.
 */
export function unknownIntegration(extraHeaders: Record<string, string> = {}): Response {
  return new Response(
    JSON.stringify({
      ok: false,
      error: "No such integration: check the URL or secret, or ask a planner whether it was revoked.",
    }),
    {
      status: 404,
      headers: {
        "content-type": "application/json; charset=utf-8",
        "cache-control": "no-store",
        connection: "close",
        ...extraHeaders,
      },
    },
  );
}
