import { formatMinutes } from "@/app/_lib/format";
import { localDateTime } from "@/app/_lib/format";
import type { DrillDownData } from "./types";
import { scrollRegion } from "@/app/_components/scroll-region";

/** The toil entries behind a bar or row, with how each counted in the person's share. */
export function DrillEntries({
  entries,
  timeZone,
  withPerson,
}: {
  entries: DrillDownData["entries"];
  timeZone: string;
  withPerson: boolean;
}) {
  if (entries.length === 0) return <p className="stat-note">No toil entries in this span.</p>;
  return (
    <div {...scrollRegion("Entries")}>
      <table aria-labelledby="drill-entries">
        <thead>
          <tr>
            <th scope="col">When</th>
            {withPerson && <th scope="col">Who</th>}
            <th scope="col">What</th>
            <th scope="col">Template / service</th>
            <th scope="col" className="num">
              Minutes
            </th>
            <th scope="col" className="num">
              Counted as
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="nowrap">{localDateTime(entry.startsAt, timeZone)}</td>
              {withPerson && <td>{entry.personName}</td>}
              <td>
                {entry.detail ? (
                  entry.detail.summary || entry.detail.interruptSummary || "(no summary)"
                ) : (
                  <em>Logged to another team</em>
                )}
              </td>
              <td>{[entry.detail?.templateName, entry.detail?.serviceName].filter(Boolean).join(" · ")}</td>
              <td className="num">{formatMinutes(entry.minutes)}</td>
              <td className="num">{countedText(entry.counted)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function countedText(counted: DrillDownData["entries"][number]["counted"]): string {
  if (!counted) return "";
  const parts = [
    counted.logged > 0 ? `${formatMinutes(counted.logged)} logged` : "",
    counted.afterHours > 0 ? `${formatMinutes(counted.afterHours)} after hours` : "",
    counted.withinDuty > 0 ? `${formatMinutes(counted.withinDuty)} in duty` : "",
  ].filter(Boolean);
  return parts.join(", ") || "overlaps another entry";
}

export function DrillShifts({ shifts, timeZone }: { shifts: DrillDownData["shifts"]; timeZone: string }) {
  if (shifts.length === 0) return <p className="stat-note">No duty shifts in this span.</p>;
  return (
    <div {...scrollRegion("On-call shifts")}>
      <table aria-labelledby="drill-shifts">
        <thead>
          <tr>
            <th scope="col">Rotation</th>
            <th scope="col">Role</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col" className="num">
              Duty counted
            </th>
          </tr>
        </thead>
        <tbody>
          {shifts.map((shift) => (
            <tr key={`${shift.rotationId}-${shift.from.toISOString()}-${shift.role}`}>
              <td>{shift.rotationName}</td>
              <td>{shift.role}</td>
              <td className="nowrap">{localDateTime(shift.from, timeZone)}</td>
              <td className="nowrap">{localDateTime(shift.to, timeZone)}</td>
              <td className="num">{formatMinutes(shift.dutyMinutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DrillInterrupts({
  interrupts,
  timeZone,
}: {
  interrupts: DrillDownData["interrupts"];
  timeZone: string;
}) {
  if (interrupts.length === 0) return <p className="stat-note">No interrupts in this span.</p>;
  return (
    <div {...scrollRegion("Interrupts")}>
      <table aria-labelledby="drill-interrupts">
        <thead>
          <tr>
            <th scope="col">Opened</th>
            <th scope="col">Kind</th>
            <th scope="col">Summary</th>
            <th scope="col">Reviewed</th>
            <th scope="col" className="num">
              Time logged
            </th>
          </tr>
        </thead>
        <tbody>
          {interrupts.map((item) => (
            <tr key={item.id}>
              <td className="nowrap">{localDateTime(item.openedAt, timeZone)}</td>
              <td>
                <span className={`badge kind-${item.kind}`}>{item.kind}</span>
                {item.isIncident && <span className="badge over">incident</span>}
              </td>
              <td>{item.summary}</td>
              <td>{item.actionable === null ? "not yet" : item.actionable ? "actionable" : "not actionable"}</td>
              <td className="num">{formatMinutes(item.loggedMinutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
