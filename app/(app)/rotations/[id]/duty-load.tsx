import { formatMinutes } from "@/app/_lib/format";
import { spanText } from "@/app/_components/rotations/spans";
import type { DutyLoad } from "@/app/_components/rotations/types";
import { scrollRegion } from "@/app/_components/scroll-region";

const REASON_TEXT: Record<DutyLoad["overload"][number]["reason"], string> = {
  "logged-over-duty": "interrupt time logged above the turn's duty time",
  "queue-growing": "more open tickets handed on at each hand-off",
  "incident-limit": "more than 2 incidents in a 12-hour window",
};

/** The last turns' interrupt load, and the overload signs their ended turns show (docs/duty-load.md). */
export function DutyLoadTable({ load, zone }: { load: DutyLoad; zone: string }) {
  const ended = load.turns.filter((turn) => !turn.inProgress);
  return (
    <section className="card" aria-labelledby="duty-load-heading">
      <h2 id="duty-load-heading">Load per turn</h2>
      {load.overload.length > 0 && (
        <div className="alert error" role="alert">
          <p>
            <strong>One person may not be enough for this duty.</strong> {load.thresholds.turnsInARow} turns in a row
            showed:
          </p>
          <ul>
            {load.overload.map((finding) => (
              <li key={finding.reason}>
                {REASON_TEXT[finding.reason]} (
                {finding.turns
                  .flatMap((index) => {
                    const turn = ended[index];
                    return turn ? [`${turn.name}, ${spanText(turn.startsAt, turn.endsAt, zone)}`] : [];
                  })
                  .join("; ")}
                )
              </li>
            ))}
          </ul>
        </div>
      )}
      {load.turns.length === 0 ? (
        <p className="stat-note">No turns yet.</p>
      ) : (
        <div {...scrollRegion("Duty load")}>
          <table className="fill-table">
            <caption>The last {load.turns.length} turns; the one in progress counted up to now</caption>
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
              {load.turns.map((turn) => (
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
                  </td>
                  <td className="num">
                    {turn.openAtHandoff} ({turn.carriedOver})
                  </td>
                  <td className="num">
                    {turn.peakIncidents}
                    {turn.peakIncidents > load.thresholds.incidentLimit && <span className="badge over">over 2</span>}
                  </td>
                  <td className="num">{formatMinutes(turn.afterHoursMinutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
