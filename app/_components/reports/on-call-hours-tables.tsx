"use client";

import { localDateTime } from "@/app/_lib/format";
import { ColumnHeads } from "./column-heads";
import { ExportButtons } from "./export-buttons";
import { isoDayIn } from "./period";
import type { ExportRow, OnCallHoursData } from "./types";

export const PAY_BAND_LABELS = {
  business: "Business hours",
  evening: "Weekday evening",
  night: "Night (22–07)",
  weekend: "Weekend",
  holiday: "Public holiday",
} as const;
const ROLE_LABELS = { primary: "Primary", secondary: "Secondary", ticket: "Ticket duty" } as const;

/** Hours to one decimal, as payroll reads them; the CSV keeps two. */
const oneDecimal = (hours: number) =>
  (Math.round(hours * 10) / 10).toLocaleString("en-GB", { minimumFractionDigits: 1 });
const twoDecimals = (hours: number) => Math.round(hours * 100) / 100;

/** The on-call hours per person: duty by role and band, pages by band, short rests; the first table exports for payroll. */
export function OnCallHoursTables({ report }: { report: OnCallHoursData }) {
  const rows: ExportRow[] = report.people.map((p) => ({
    person: p.name,
    time_zone: p.timeZone,
    duty_hours: twoDecimals(p.dutyHours),
    ...Object.fromEntries(report.roles.map((role) => [`${role}_hours`, twoDecimals(p.byRole[role])])),
    ...Object.fromEntries(report.bands.map((band) => [`${band}_hours`, twoDecimals(p.byBand[band])])),
    ...Object.fromEntries(report.bands.map((band) => [`${band}_pages`, p.pagesByBand[band]])),
    short_rests: p.restFlags.length,
  }));
  const flags = report.people.flatMap((p) =>
    p.restFlags.map((flag) => ({ ...flag, name: p.name, timeZone: p.timeZone })),
  );
  return (
    <>
      <section className="card report-card" aria-labelledby="hours-table">
        <div className="table-head">
          <h2 id="hours-table">Hours on duty</h2>
          <ExportButtons
            fileName={`on-call-hours-${isoDayIn(report.period.from, report.period.timeZone)}-${report.period.kind}`}
            label="the on-call hours"
            columns={Object.keys(rows[0] ?? { person: "" })}
            rows={rows}
          />
        </div>
        <div
          className="table-scroll"
          tabIndex={0}
          role="group"
          aria-label="Hours on duty, scrolls sideways on narrow screens"
        >
          <table aria-labelledby="hours-table">
            <ColumnHeads
              text={["Person"]}
              numbers={[
                "On duty",
                ...report.roles.map((role) => ROLE_LABELS[role]),
                ...report.bands.map((band) => PAY_BAND_LABELS[band]),
                "Pages",
                "Short rests",
              ]}
            />
            <tbody>
              {report.people.map((p) => (
                <tr key={p.personId}>
                  <th scope="row">
                    {p.name}
                    <span className="stat-note"> · {p.timeZone}</span>
                  </th>
                  <td className="num">{oneDecimal(p.dutyHours)} h</td>
                  {report.roles.map((role) => (
                    <td key={role} className="num">
                      {oneDecimal(p.byRole[role])}
                    </td>
                  ))}
                  {report.bands.map((band) => (
                    <td key={band} className="num">
                      {oneDecimal(p.byBand[band])}
                    </td>
                  ))}
                  <td className="num">{p.pages}</td>
                  <td className="num">{p.restFlags.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card report-card" aria-labelledby="pages-table">
        <h2 id="pages-table">Pages by band</h2>
        <div
          className="table-scroll"
          tabIndex={0}
          role="group"
          aria-label="Pages by band, scrolls sideways on narrow screens"
        >
          <table aria-labelledby="pages-table">
            <ColumnHeads text={["Person"]} numbers={report.bands.map((band) => PAY_BAND_LABELS[band])} />
            <tbody>
              {report.people.map((p) => (
                <tr key={p.personId}>
                  <th scope="row">{p.name}</th>
                  {report.bands.map((band) => (
                    <td key={band} className="num">
                      {p.pagesByBand[band]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card report-card" aria-labelledby="rest-table">
        <h2 id="rest-table">Short rests</h2>
        <p className="stat-note">
          Paged at night (22:00–07:00) and due at work less than {report.minRestHours} hours after the page was
          resolved.
        </p>
        {flags.length === 0 ? (
          <p>None in this period.</p>
        ) : (
          <div
            className="table-scroll"
            tabIndex={0}
            role="group"
            aria-label="Short rests, scrolls sideways on narrow screens"
          >
            <table aria-labelledby="rest-table">
              <ColumnHeads text={["Person", "Paged", "Due at work"]} numbers={["Rest"]} />
              <tbody>
                {flags.map((flag) => (
                  <tr key={`${flag.name}-${flag.pagedAt.toISOString()}`}>
                    <th scope="row">{flag.name}</th>
                    <td>{localDateTime(flag.pagedAt, flag.timeZone)}</td>
                    <td>{localDateTime(flag.dueAt, flag.timeZone)}</td>
                    <td className="num">{oneDecimal(flag.restHours)} h</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="stat-note">Times on each person&apos;s own clock.</p>
          </div>
        )}
      </section>
    </>
  );
}
