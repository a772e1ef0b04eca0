import { teamToil, type TeamToilReport } from "@/server/services/reports/team-toil";
import type { Accounting } from "@/server/domain/accounting";
import { teamReportRoute } from "../team-report-route";

export const dynamic = "force-dynamic";

const hoursOf = (minutes: number) => minutes / 60;

/** The report's minutes as decimal hours (unrounded, so they equal the page's to the last digit), and the shares. */
function figures(accounting: Accounting) {
  return {
    hours: {
      scheduled: hoursOf(accounting.scheduled),
      duty: hoursOf(accounting.duty),
      onCallDuty: hoursOf(accounting.onCallDuty),
      logged: hoursOf(accounting.logged),
      afterHours: hoursOf(accounting.afterHours),
      operational: hoursOf(accounting.operational),
      worked: hoursOf(accounting.worked),
    },
    toilShare: accounting.toilShare,
    onCallShare: accounting.onCallShare,
  };
}

function toilJson(report: TeamToilReport) {
  return {
    team: report.team,
    period: {
      from: report.period.from.toISOString(),
      to: report.period.to.toISOString(),
      countedUntil: report.period.accountedTo.toISOString(),
    },
    caps: { toilShare: report.caps.toilCap, onCallShare: report.caps.onCallCap },
    engineers: report.members.map((member) => ({
      personId: member.personId,
      name: member.name,
      timeZone: member.timeZone,
      ...figures(member.accounting),
      overToilCap: member.toilCap.over,
      overOnCallCap: member.onCallCap.over,
    })),
    /** Engineers whose rows the token's owner may not see (they are not a manager); the totals include them. */
    hiddenEngineers: report.hiddenMembers,
    totals: figures(report.totals.accounting),
  };
}

/**
 * `GET /api/v1/reports/toil?team=ID&from=ISO&to=ISO` with `Authorization: Bearer <personal API token>`: the
 * team toil-cap report for a custom period, per engineer, computed by the same service as the report page.
 * The token acts as its owner: managers and admins see every engineer, others their own row and the totals.
 */
export const GET = teamReportRoute("toil", async (db, viewer, input, now) =>
  toilJson(await teamToil(db, viewer, input, now)),
);
