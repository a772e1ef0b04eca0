"use client";

import Link from "next/link";
import { useCallback } from "react";
import { shareText, tooEarlyText } from "@/app/_components/work/datetime";
import { ExportButtons } from "./export-buttons";
import { overByText, overSinceText } from "./over-cap-text";
import { isoDayIn } from "./period";
import { SortHeader } from "./sort-header";
import type { ExportRow, MemberToilRow } from "./types";
import { useSorted } from "./use-sorted";
import { scrollRegion } from "@/app/_components/scroll-region";

type Column = "name" | "toilShare" | "duty" | "logged" | "afterHours" | "onCallShare" | "overBy";

const columnValue = (row: MemberToilRow, column: Column): string | number => {
  switch (column) {
    case "name":
      return row.name;
    case "toilShare":
      return row.accounting.toilShare;
    case "onCallShare":
      return row.accounting.onCallShare;
    case "overBy":
      return row.toilCap.overBy;
    default:
      return row.toilShareParts[column];
  }
};

const EXPORT_COLUMNS = [
  "engineer",
  "toil_share",
  "duty_hours",
  "logged_hours",
  "after_hours_hours",
  "operational_hours",
  "worked_hours",
  "on_call_share",
  "provisional",
  "over_toil_cap",
  "over_by_share",
  "over_since",
];

/** One row of the CSV; dates are days on the report's calendar (the team's zone), not UTC days. */
function exportRow(row: MemberToilRow, timeZone: string): ExportRow {
  const a = row.accounting;
  const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
  const share = (value: number) => Math.round(value * 10000) / 10000;
  return {
    engineer: row.name,
    toil_share: share(a.toilShare),
    duty_hours: hours(a.duty),
    logged_hours: hours(a.logged),
    after_hours_hours: hours(a.afterHours),
    operational_hours: hours(a.operational),
    worked_hours: hours(a.worked),
    on_call_share: share(a.onCallShare),
    provisional: row.toilCap.provisional ? "yes" : "no",
    over_toil_cap: row.toilCap.over ? "yes" : "no",
    over_by_share: share(row.toilCap.overBy),
    over_since: row.overCapRun ? isoDayIn(row.overCapRun.since, timeZone) : null,
  };
}

/** Every engineer's shares, sortable by any column; each name opens the entries behind the row. */
export function ToilTable({
  rows,
  hrefs,
  timeZone,
  now,
  fileName,
}: {
  rows: MemberToilRow[];
  hrefs: Record<string, string>;
  timeZone: string;
  /** The server's clock when the page was made: whether a date needs its year. */
  now: Date;
  fileName: string;
}) {
  const stableValueOf = useCallback(columnValue, []);
  const { sorted, toggle, ariaSort } = useSorted<MemberToilRow, Column>(rows, stableValueOf, {
    key: "toilShare",
    direction: "descending",
  });
  const header = (column: Column, label: string) => (
    <SortHeader
      label={label}
      sort={ariaSort(column)}
      onSort={() => toggle(column, column === "name" ? "ascending" : "descending")}
      numeric={column !== "name"}
    />
  );
  return (
    <>
      <div className="table-head">
        <h2 id="toil-table-heading">Each engineer</h2>
        <ExportButtons
          fileName={fileName}
          label="the toil-cap table"
          columns={EXPORT_COLUMNS}
          rows={rows.map((row) => exportRow(row, timeZone))}
        />
      </div>
      <div {...scrollRegion("Each engineer")}>
        <table className="toil-table" aria-labelledby="toil-table-heading">
          <thead>
            <tr>
              {header("name", "Engineer")}
              {header("toilShare", "Toil share")}
              {header("duty", "Duty")}
              {header("logged", "Logged")}
              {header("afterHours", "After hours")}
              {header("onCallShare", "On-call")}
              {header("overBy", "Over cap by")}
              <th scope="col">Over since</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={row.personId} className={row.toilCap.over ? "is-over" : undefined}>
                <th scope="row" className="nowrap">
                  <Link href={hrefs[row.personId] ?? "/reports"}>{row.name}</Link>
                </th>
                <td className="num">
                  {row.toilCap.provisional ? (
                    <span className="badge provisional">{tooEarlyText(row.accounting.worked)}</span>
                  ) : (
                    <strong>{shareText(row.accounting.toilShare)}</strong>
                  )}
                  {row.toilCap.over && <span className="badge over on-call-badge">over cap</span>}
                </td>
                <td className="num">{shareText(row.toilShareParts.duty)}</td>
                <td className="num">{shareText(row.toilShareParts.logged)}</td>
                <td className="num">{shareText(row.toilShareParts.afterHours)}</td>
                <td className="num">
                  {shareText(row.accounting.onCallShare)}
                  {row.onCallCap.over && <span className="badge over on-call-badge">over</span>}
                </td>
                <td className="num">{overByText(row)}</td>
                <td className="nowrap">{overSinceText(row, timeZone, now)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="stat-note">
        Shares of worked time (scheduled plus after hours). &ldquo;Over cap by&rdquo; is in share points, with the hours
        of relief that would bring the person back under; &ldquo;over since&rdquo; counts whole weeks over the cap in a
        row.
      </p>
    </>
  );
}
