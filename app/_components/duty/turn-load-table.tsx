import { formatMinutes } from "@/app/_lib/format";
import { spanText } from "@/app/_components/rotations/spans";
import { scrollRegion } from "@/app/_components/scroll-region";

/** One duty turn's load as the server counts it (docs/duty-load.md). */
export interface TurnLoadRow {
  name: string;
  startsAt: Date;
  endsAt: Date;
  inProgress: boolean;
  received: { page: number; ticket: number; request: number };
  loggedMinutes: number;
  dutyMinutes: number;
  openAtHandoff: number;
  carriedOver: number;
  peakIncidents: number;
  afterHoursMinutes: number;
}

/** Turns of one duty rotation: what came in, logged against duty time, the queue handed on, incidents, after hours. */
export function TurnLoadTable({
  turns,
  thresholds,
  zone,
  caption,
  label,
}: {
  turns: readonly TurnLoadRow[];
  thresholds: { loggedOverDuty: number; incidentLimit: number };
  zone: string;
  caption: string;
  label: string;
}) {
  return (
    <div {...scrollRegion(label)}>
      <table className="fill-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Turn</th>
            <th scope="col">Received</th>
            <th scope="col">Logged of duty time</th>
            <th scope="col">Open at hand-off (carried over)</th>
            <th scope="col">Most incidents in 12 h</th>
            <th scope="col">After hours</th>
          </tr>
        </thead>
        <tbody>
          {turns.map((turn) => (
            <tr key={turn.startsAt.toISOString()}>
              <th scope="row">
                {turn.name} <span className="turn-when">{spanText(turn.startsAt, turn.endsAt, zone)}</span>
                {turn.inProgress && <span className="badge subtle">in progress</span>}
              </th>
              <td>
                {turn.received.page} pages, {turn.received.ticket} tickets, {turn.received.request} requests
              </td>
              <td className="num">
                {formatMinutes(turn.loggedMinutes)} of {formatMinutes(turn.dutyMinutes)}
                {turn.loggedMinutes > thresholds.loggedOverDuty * turn.dutyMinutes && (
                  <span className="badge over">over</span>
                )}
              </td>
              <td className="num">
                {turn.openAtHandoff} ({turn.carriedOver})
              </td>
              <td className="num">
                {turn.peakIncidents}
                {turn.peakIncidents > thresholds.incidentLimit && (
                  <span className="badge over">over {thresholds.incidentLimit}</span>
                )}
              </td>
              <td className="num">{formatMinutes(turn.afterHoursMinutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
