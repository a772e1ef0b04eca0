import type { Db } from "@/db/client";
import type { Viewer } from "@/server/auth/permissions";
import { serverNow } from "@/server/clock";
import { getDatabase } from "@/server/db/runtime";
import { instantOfText } from "@/server/domain/time";
import { requestLogger } from "@/server/logging/logger";
import { authenticateBearer, bearerSecret } from "@/server/services/api-tokens/authenticate-token";
import { DomainError } from "@/server/services/errors";
import { teamToilInput } from "@/server/schemas/reports";
import type { TeamToilInput } from "@/server/services/reports/team-toil";
import { apiError, apiJson, domainErrorResponse, unauthorized } from "../responses";

/** The API's parameter names for the report's input fields. */
const PARAMETER_OF: Record<string, string> = { teamId: "team", from: "from", to: "to" };
const KNOWN = new Set(["team", "from", "to"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parameterOf(field: string): string {
  return PARAMETER_OF[field] ?? field;
}

export type PeriodParams = { ok: true; input: TeamToilInput } | { ok: false; parameter: string; message: string };

/**
 * `from` and `to` are ISO 8601: an instant with an offset (2025-03-01T00:00:00Z) is taken as is; a date or a
 * local date-time without one (2025-03-01) is read on the token owner's wall clock, as the report page reads it.
 */
function instantOf(value: string, timeZone: string): Date | null {
  const instant = instantOfText(value, timeZone);
  return instant === null ? null : new Date(instant);
}

/** A team report's custom-period input from `?team=ID&from=ISO&to=ISO`, or the first parameter that is wrong. */
export function periodParams(search: URLSearchParams, timeZone: string): PeriodParams {
  for (const name of new Set(search.keys())) {
    if (!KNOWN.has(name))
      return { ok: false, parameter: name, message: `Unknown parameter ${name}: this report takes team, from and to.` };
    if (search.getAll(name).length > 1) return { ok: false, parameter: name, message: `Give ${name} once.` };
  }
  const values: Record<string, Date | string> = {};
  for (const name of ["team", "from", "to"] as const) {
    const raw = search.get(name)?.trim();
    if (!raw) return { ok: false, parameter: name, message: `The parameter ${name} is required.` };
    if (name === "team") {
      if (!UUID.test(raw))
        return { ok: false, parameter: name, message: "team must be a team's id (a UUID; Settings shows it)." };
      values.teamId = raw;
      continue;
    }
    const at = instantOf(raw, timeZone);
    if (!at)
      return {
        ok: false,
        parameter: name,
        message: `${name} must be an ISO 8601 date or date-time, such as 2025-03-01 or 2025-03-01T00:00:00Z.`,
      };
    values[name] = at;
  }
  const parsed = teamToilInput.safeParse({ ...values, period: "custom" });
  if (parsed.success) return { ok: true, input: parsed.data };
  const [issue] = parsed.error.issues;
  const field = typeof issue?.path[0] === "string" ? issue.path[0] : "team";
  return { ok: false, parameter: parameterOf(field), message: issue?.message ?? `${parameterOf(field)} is not valid.` };
}

/**
 * `GET /api/v1/reports/<name>?team=ID&from=ISO&to=ISO` with `Authorization: Bearer <personal API token>`: the
 * token acts as its owner; `report` runs the page's own service on the parameters and shapes its JSON. A bad
 * parameter is a 400 naming it, a refusal a 403/404, anything else a logged 500 that tells nothing.
 */
export function teamReportRoute(
  name: string,
  report: (db: Db, viewer: Viewer, input: TeamToilInput, now: Date) => Promise<unknown>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const now = serverNow();
    try {
      const { db } = await getDatabase();
      const viewer = await authenticateBearer(db, request.headers, now);
      if (!viewer) return unauthorized(bearerSecret(request.headers) !== null);
      const params = periodParams(new URL(request.url).searchParams, viewer.timeZone);
      if (!params.ok) return apiError(400, "bad_parameter", params.message, { parameter: params.parameter });
      return apiJson(await report(db, viewer, params.input, now));
    } catch (error) {
      if (error instanceof DomainError) return domainErrorResponse(error, parameterOf);
      requestLogger(request.headers).error({ err: error }, `GET /api/v1/reports/${name} failed`);
      return apiError(500, "internal", "Something went wrong on our side.");
    }
  };
}
