"use client";

import { formatMinutes, formatPercent, localDateTime } from "@/app/_lib/format";
import { ColumnHeads } from "./column-heads";
import { ExportButtons } from "./export-buttons";
import { isoDayIn } from "./period";
import type { ExportRow, InterruptLoadData } from "./types";
import { scrollRegion } from "@/app/_components/scroll-region";

const BAND_LABELS = { business: "Business hours", "off-hours": "Off hours (07–22)", sleep: "Sleep (22–07)" } as const;

/** The interrupt load's tables: per week, per on-call shift (limit flagged), by band; each exportable. */
export function InterruptTables({ load, timeZone }: { load: InterruptLoadData; timeZone: string }) {
  const weekRows: ExportRow[] = load.weeks.map((w) => ({
    week_of: isoDayIn(w.from, timeZone),
    pages: w.pages,
    incidents: w.incidents,
    tickets: w.tickets,
    requests: w.requests,
    actionable_ratio: w.actionableRatio === null ? null : Math.round(w.actionableRatio * 1000) / 1000,
  }));
  const shiftRows: ExportRow[] = load.shifts.map((s) => ({
    rotation: s.rotationName,
    role: s.role,
    person: s.person?.name ?? "(hidden)",
    from: s.from.toISOString(),
    to: s.to.toISOString(),
    incidents: s.incidents,
    busiest_window: s.busiestWindow,
    over_limit: s.overLimit ? "yes" : "no",
  }));
  return (
    <>
      <section className="card report-card" aria-labelledby="int-week-table">
        <div className="table-head">
          <h2 id="int-week-table">Weeks</h2>
          <ExportButtons
            fileName="interrupts-per-week"
            label="the weeks table"
            columns={Object.keys(weekRows[0] ?? { week_of: "" })}
            rows={weekRows}
          />
        </div>
        <div {...scrollRegion("Weeks")}>
          <table aria-labelledby="int-week-table">
            <ColumnHeads text={["Week of"]} numbers={["Pages", "Incidents", "Tickets", "Requests", "Actionable"]} />
            <tbody>
              {load.weeks.map((w) => (
                <tr key={w.from.toISOString()}>
                  <th scope="row">{w.label}</th>
                  <td className="num">{w.pages}</td>
                  <td className="num">{w.incidents}</td>
                  <td className="num">{w.tickets}</td>
                  <td className="num">{w.requests}</td>
                  <td className="num">{w.actionableRatio === null ? "–" : formatPercent(w.actionableRatio)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card report-card" aria-labelledby="int-shift-table">
        <div className="table-head">
          <h2 id="int-shift-table">On-call shifts</h2>
          <ExportButtons
            fileName="on-call-shifts"
            label="the shifts table"
            columns={Object.keys(shiftRows[0] ?? { rotation: "" })}
            rows={shiftRows}
          />
        </div>
        <div {...scrollRegion("On-call shifts")}>
          <table aria-labelledby="int-shift-table">
            <ColumnHeads text={["Shift", "Who"]} numbers={["Incidents", "Busiest 12 h"]} />
            <tbody>
              {load.shifts.map((s) => (
                <tr key={`${s.rotationId}-${s.role}-${s.from.toISOString()}`}>
                  <td>
                    {s.rotationName} ({s.role}){" "}
                    <span className="stat-note">from {localDateTime(s.from, timeZone)}</span>
                  </td>
                  <td>{s.person?.name ?? <em>hidden</em>}</td>
                  <td className="num">{s.incidents}</td>
                  <td className={`num${s.overLimit ? " limit-flag" : ""}`}>
                    {s.busiestWindow}
                    {s.overLimit && <span className="badge over on-call-badge">over limit</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card report-card" aria-labelledby="int-band-table">
        <h2 id="int-band-table">By time of day</h2>
        <div {...scrollRegion("By time of day")}>
          <table aria-labelledby="int-band-table">
            <ColumnHeads text={["Band"]} numbers={["Interrupts", "Pages", "Time spent"]} />
            <tbody>
              {load.bands.map((b) => (
                <tr key={b.band}>
                  <th scope="row">{BAND_LABELS[b.band]}</th>
                  <td className="num">{b.interrupts}</td>
                  <td className="num">{b.pages}</td>
                  <td className="num">{formatMinutes(b.minutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="stat-note">On each assignee&apos;s own clock. {load.unassigned} unassigned.</p>
      </section>
    </>
  );
}
