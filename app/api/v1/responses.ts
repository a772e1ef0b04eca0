import type { DomainError } from "@/server/services/errors";

/**
 * The JSON API's answers: data with `cache-control: no-store` (it is personal and current), and errors as
 * `{ "error": { "status", "code", "message", "parameter"? } }` so a script can tell what to fix.
 */
const NO_STORE = { "cache-control": "no-store" } as const;

export type ApiErrorCode = "unauthorized" | "forbidden" | "not_found" | "bad_parameter" | "internal";

export function apiJson(body: unknown): Response {
  return Response.json(body, { headers: NO_STORE });
}

export function apiError(
  status: number,
  code: ApiErrorCode,
  message: string,
  extra: { parameter?: string; headers?: Record<string, string> } = {},
): Response {
  const error = { status, code, message, ...(extra.parameter ? { parameter: extra.parameter } : {}) };
  return Response.json({ error }, { status, headers: { ...NO_STORE, ...extra.headers } });
}

/** 401 with the challenge RFC 6750 asks for; `presented` says whether a token came and was refused. */
export function unauthorized(presented: boolean): Response {
  const challenge = presented ? 'Bearer realm="toilcap", error="invalid_token"' : 'Bearer realm="toilcap"';
  const message = presented
    ? "The API token is not valid: it is mistyped, revoked, or its owner can no longer sign in."
    : "Send a personal API token (Settings → API tokens) as the header Authorization: Bearer <token>.";
  return apiError(401, "unauthorized", message, { headers: { "www-authenticate": challenge } });
}

/**
 * A service's refusal as HTTP, with the query parameter it is about. `parameterOf` maps the service's input
 * field names (teamId) to the API's parameter names (team).
 */
export function domainErrorResponse(error: DomainError, parameterOf: (field: string) => string): Response {
  const parameter = error.field ? parameterOf(error.field) : undefined;
  switch (error.kind) {
    case "forbidden":
      return apiError(403, "forbidden", error.message, { parameter });
    case "not-found":
      return apiError(404, "not_found", error.message, { parameter });
    default:
      return apiError(400, "bad_parameter", error.message, { parameter });
  }
}
