import { onCallHoursReport, type OnCallHoursReport } from "@/server/services/reports/on-call-hours";
import { teamReportRoute } from "../team-report-route";

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
export const GET = teamReportRoute("on-call-hours", async (db, viewer, input, now) =>
  hoursJson(await onCallHoursReport(db, viewer, input, now)),
);
