import { instantOfText } from "@/server/domain/time";
import { teamToilInput } from "@/server/schemas/reports";
import type { TeamToilInput } from "@/server/services/reports/team-toil";

/** The API's parameter names for the report's input fields. */
const PARAMETER_OF: Record<string, string> = { teamId: "team", from: "from", to: "to" };
const KNOWN = new Set(["team", "from", "to"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parameterOf(field: string): string {
  return PARAMETER_OF[field] ?? field;
}

export type ToilParams = { ok: true; input: TeamToilInput } | { ok: false; parameter: string; message: string };

/**
 * `from` and `to` are ISO 8601: an instant with an offset (2025-03-01T00:00:00Z) is taken as is; a date or a
 * local date-time without one (2025-03-01) is read on the token owner's wall clock, as the report page reads it.
 */
function instantOf(value: string, timeZone: string): Date | null {
  const instant = instantOfText(value, timeZone);
  return instant === null ? null : new Date(instant);
}

/** The custom-period report input of `?team=ID&from=ISO&to=ISO`, or the first parameter that is wrong. */
export function toilParams(search: URLSearchParams, timeZone: string): ToilParams {
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
