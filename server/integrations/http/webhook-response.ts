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
