import { readLimitedBody } from "@/server/integrations/http/read-limited-body";

export interface BodyBounds {
  maxBytes: number;
  /** A body still arriving after this long is refused: a slow sender must not hold the connection for minutes. */
  timeoutMs: number;
}

/** Sign-in, sign-up and password forms: a few hundred bytes each. */
export const AUTH_BODY_BOUNDS: BodyBounds = { maxBytes: 64 * 1024, timeoutMs: 15_000 };
/** tRPC calls, including a whole workspace file uploaded for import. */
export const TRPC_BODY_BOUNDS: BodyBounds = { maxBytes: 32 * 1024 * 1024, timeoutMs: 60_000 };

function refusal(status: number, message: string): Response {
  return Response.json(
    { error: { message } },
    { status, headers: { "cache-control": "no-store", connection: "close" } },
  );
}

/**
 * The request with its body read whole within `bounds`, or the refusal to send instead (413 too large, 408 too
 * slow, 400 unreadable). Requests without a body pass untouched.
 */
export async function boundedRequest(request: Request, bounds: BodyBounds): Promise<Request | Response> {
  if (request.method === "GET" || request.method === "HEAD" || !request.body) return request;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<"slow">((resolve) => {
    timer = setTimeout(() => resolve("slow"), bounds.timeoutMs);
  });
  const body = await Promise.race([readLimitedBody(request, bounds.maxBytes), deadline]);
  clearTimeout(timer);
  if (body === "slow")
    return refusal(408, `The request body did not arrive within ${bounds.timeoutMs / 1000} seconds.`);
  if (!body.ok) return refusal(body.status, body.reason);
  return new Request(request.url, { method: request.method, headers: request.headers, body: body.text });
}
