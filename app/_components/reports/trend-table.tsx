"use client";

import { trendCell, trendLabel } from "@/app/_components/charts/trend-text";
import { ExportButtons } from "./export-buttons";
import { isoDayIn } from "./period";
import type { ExportRow, TeamTrendData } from "./types";
import { scrollRegion } from "@/app/_components/scroll-region";
import { distinctColumns } from "@/app/_lib/export-columns";

/** One row a week: the team's share and each engineer's, over-cap cells marked. */
export function TrendTable({ trend }: { trend: TeamTrendData }) {
  const cap = trend.caps.toilCap;
  // A person named "team", or two people of one name, must not overwrite a column.
  const memberColumns = distinctColumns(
    ["week_of", "team"],
    trend.members.map((m) => m.name),
  );
  const columns = ["week_of", "team", ...memberColumns];
  const rows: ExportRow[] = trend.teamWeeks.map((week, index) => ({
    week_of: isoDayIn(week.from, trend.timeZone),
    team: rounded(week.toilShare),
    ...Object.fromEntries(
      trend.members.map((m, member) => [memberColumns[member], rounded(m.weeks[index]?.toilShare ?? null)]),
    ),
  }));
  const over = (share: number | null | undefined) => share !== null && share !== undefined && share > cap;
  return (
    <>
      <div className="table-head">
        <h2 id="trend-table-heading">Weekly shares</h2>
        <ExportButtons fileName="toil-trend" label="the weekly shares table" columns={columns} rows={rows} />
      </div>
      <div {...scrollRegion("Weekly shares")}>
        <table aria-labelledby="trend-table-heading">
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col" className="num">
                Team
              </th>
              {trend.members.map((m) => (
                <th key={m.personId} scope="col" className="num">
                  {m.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trend.teamWeeks.map((week, index) => (
              <tr key={week.label}>
                <th scope="row" className="nowrap">
                  {trendLabel(week)}
                </th>
                <td className={`num${over(week.toilShare) ? " limit-flag" : ""}`}>{trendCell(week.toilShare)}</td>
                {trend.members.map((m) => {
                  const share = m.weeks[index]?.toilShare;
                  return (
                    <td key={m.personId} className={`num${over(share) ? " limit-flag" : ""}`}>
                      {trendCell(share)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="stat-note">
        Shares above the cap are in red. A week with less than a working day scheduled is too early to tell.
      </p>
    </>
  );
}

/** Four decimals for the export; an empty cell for a week too early to tell. */
function rounded(share: number | null): number | null {
  return share === null ? null : Math.round(share * 10000) / 10000;
}
