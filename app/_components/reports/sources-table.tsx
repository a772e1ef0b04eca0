"use client";

import Link from "next/link";
import { Fragment, useState } from "react";
import { formatPercent } from "@/app/_lib/format";
import { EstimateForm } from "./estimate-form";
import { ExportButtons } from "./export-buttons";
import { SourceEstimate } from "./source-estimate";
import type { ExportRow, ToilSourceRow } from "./types";
import { scrollRegion } from "@/app/_components/scroll-region";

const EXPORT_COLUMNS = [
  "rank",
  "source",
  "occurrences",
  "hours_per_month",
  "people_affected",
  "yearly_cost_hours",
  "share",
  "cumulative_share",
  "payback_months",
  "break_even_on",
];
const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;
const oneDecimal = (value: number) => (Math.round(value * 10) / 10).toLocaleString("en-GB");

function exportRow(source: ToilSourceRow): ExportRow {
  return {
    rank: source.rank,
    source: source.label,
    occurrences: source.occurrences,
    hours_per_month: round(source.hoursPerMonth),
    people_affected: source.peopleAffected,
    yearly_cost_hours: round(source.yearlyCostHours),
    share: round(source.share, 4),
    cumulative_share: round(source.cumulativeShare, 4),
    payback_months:
      source.estimate?.payback.paybackMonths == null ? null : round(source.estimate.payback.paybackMonths),
    break_even_on: source.estimate?.payback.breakEvenOn ?? null,
  };
}

/** The sources ranked by yearly cost; managers estimate automating each and see when it pays back. */
export function SourcesTable({
  teamId,
  sources,
  hrefs,
  canEdit,
  fileName,
}: {
  teamId: string;
  sources: ToilSourceRow[];
  hrefs: string[];
  canEdit: boolean;
  fileName: string;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const [status, setStatus] = useState<{ message: string; undo?: () => void } | null>(null);
  return (
    <>
      <div className="table-head">
        <h2 id="sources-table-heading">Ranked by yearly cost</h2>
        <ExportButtons
          fileName={fileName}
          label="the toil sources table"
          columns={EXPORT_COLUMNS}
          rows={sources.map(exportRow)}
        />
      </div>
      <div role="status" className="sources-status">
        {status && (
          <p className="alert ok">
            {status.message}{" "}
            {status.undo && (
              <button type="button" className="link-button" onClick={status.undo}>
                Undo
              </button>
            )}
          </p>
        )}
      </div>
      <div {...scrollRegion("Toil sources")}>
        <table aria-labelledby="sources-table-heading">
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">Source</th>
              <th scope="col" className="num">
                Occurrences
              </th>
              <th scope="col" className="num">
                Hours / month
              </th>
              <th scope="col" className="num">
                People
              </th>
              <th scope="col" className="num">
                Yearly cost
              </th>
              <th scope="col" className="num">
                Cumulative
              </th>
              <th scope="col">Automation</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source, index) => {
              const rowKey = source.key ?? "none";
              const key = source.key;
              const editing = open === rowKey;
              return (
                <Fragment key={rowKey}>
                  <tr>
                    <td className="num">{source.rank}</td>
                    <th scope="row">
                      <Link href={hrefs[index] ?? "/reports/sources"}>{source.label}</Link>
                    </th>
                    <td className="num">{source.occurrences}</td>
                    <td className="num">{oneDecimal(source.hoursPerMonth)} h</td>
                    <td className="num">{source.peopleAffected}</td>
                    <td className="num">
                      <strong>{Math.round(source.yearlyCostHours)} h</strong>
                    </td>
                    <td className="num">{formatPercent(source.cumulativeShare)}</td>
                    <td>
                      <SourceEstimate teamId={teamId} source={source} canEdit={canEdit} onStatus={setStatus} />
                      {canEdit && key !== null && (
                        <button
                          type="button"
                          className="link-button"
                          aria-expanded={editing}
                          onClick={() => setOpen(editing ? null : rowKey)}
                        >
                          {source.estimate ? "Edit estimate" : "Estimate automation"}
                          <span className="visually-hidden"> for {source.label}</span>
                        </button>
                      )}
                      {!source.estimate && !canEdit && <span className="stat-note">No estimate yet</span>}
                    </td>
                  </tr>
                  {editing && key !== null && (
                    <tr className="source-detail">
                      <td colSpan={8}>
                        <EstimateForm
                          teamId={teamId}
                          source={{ ...source, key }}
                          onDone={(message) => {
                            setOpen(null);
                            setStatus({ message });
                          }}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
