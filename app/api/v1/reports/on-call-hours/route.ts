import { serverNow } from "@/server/clock";
import { getDatabase } from "@/server/db/runtime";
import { requestLogger } from "@/server/logging/logger";
import { authenticateBearer, bearerSecret } from "@/server/services/api-tokens/authenticate-token";
import { DomainError } from "@/server/services/errors";
import { onCallHoursReport, type OnCallHoursReport } from "@/server/services/reports/on-call-hours";
import { apiError, apiJson, domainErrorResponse, unauthorized } from "../../responses";
import { parameterOf, toilParams } from "../toil/toil-params";

export const dynamic = "force-dynamic";

function hoursJson(report: OnCallHoursReport) {
  return {
    team: report.team,
    period: {
      from: report.period.from.toISOString(),
      to: report.period.to.toISOString(),
      countedUntil: report.period.accountedTo.toISOString(),
    },
    minRestHours: report.minRestHours,
    people: report.people.map((p) => ({
      personId: p.personId,
      name: p.name,
      timeZone: p.timeZone,
      dutyHours: p.dutyHours,
      hoursByRole: p.byRole,
      hoursByBand: p.byBand,
      pagesByBand: p.pagesByBand,
      pages: p.pages,
      shortRests: p.restFlags.map((flag) => ({
        pagedAt: flag.pagedAt.toISOString(),
        dueAt: flag.dueAt.toISOString(),
        restHours: flag.restHours,
      })),
    })),
    /** Members whose rows the token's owner may not see (they are not a manager). */
    hiddenPeople: report.hiddenPeople,
  };
}

/**
 * `GET /api/v1/reports/on-call-hours?team=ID&from=ISO&to=ISO` with `Authorization: Bearer <personal API token>`:
 * the on-call hours report for a custom period, from the same service as the page. Managers and admins see every
 * engineer; others their own row. Parameters and errors as in /api/v1/reports/toil.
 */
export async function GET(request: Request): Promise<Response> {
  const now = serverNow();
  try {
    const { db } = await getDatabase();
    const viewer = await authenticateBearer(db, request.headers, now);
    if (!viewer) return unauthorized(bearerSecret(request.headers) !== null);
    const params = toilParams(new URL(request.url).searchParams, viewer.timeZone);
    if (!params.ok) return apiError(400, "bad_parameter", params.message, { parameter: params.parameter });
    return apiJson(hoursJson(await onCallHoursReport(db, viewer, params.input, now)));
  } catch (error) {
    if (error instanceof DomainError) return domainErrorResponse(error, parameterOf);
    requestLogger(request.headers).error({ err: error }, "GET /api/v1/reports/on-call-hours failed");
    return apiError(500, "internal", "Something went wrong on our side.");
  }
}
