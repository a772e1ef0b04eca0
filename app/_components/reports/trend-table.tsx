"use client";

import { shareText } from "@/app/_components/work/datetime";
import { ExportButtons } from "./export-buttons";
import type { ExportRow, TeamTrendData } from "./types";

/** One row a week: the team's share and each engineer's, over-cap cells marked. */
export function TrendTable({ trend }: { trend: TeamTrendData }) {
  const cap = trend.caps.toilCap;
  const columns = ["week_of", "team", ...trend.members.map((m) => m.name)];
  const rows: ExportRow[] = trend.teamWeeks.map((week, index) => ({
    week_of: week.from.toISOString().slice(0, 10),
    team: Math.round(week.toilShare * 10000) / 10000,
    ...Object.fromEntries(trend.members.map((m) => [m.name, Math.round((m.weeks[index]?.toilShare ?? 0) * 10000) / 10000])),
  }));
  const cell = (share: number | undefined) => (share === undefined ? "" : shareText(share));
  return (
    <>
      <div className="table-head">
        <h2 id="trend-table-heading">Weekly shares</h2>
        <ExportButtons fileName="toil-trend" label="the weekly shares table" columns={columns} rows={rows} />
      </div>
      <div className="table-scroll" tabIndex={0} role="group" aria-label="Weekly shares, scrolls sideways">
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
                  {week.label}
                </th>
                <td className={`num${week.toilShare > cap ? " limit-flag" : ""}`}>{cell(week.toilShare)}</td>
                {trend.members.map((m) => {
                  const share = m.weeks[index]?.toilShare;
                  return (
                    <td key={m.personId} className={`num${share !== undefined && share > cap ? " limit-flag" : ""}`}>
                      {cell(share)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="stat-note">Shares above the cap are in red.</p>
    </>
  );
}
