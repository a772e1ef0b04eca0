import Link from "next/link";
import { reasonText } from "@/app/_components/duty/overload-reasons";
import { TurnLoadTable } from "@/app/_components/duty/turn-load-table";
import { spanText } from "@/app/_components/rotations/spans";
import type { DutyLoad } from "@/app/_components/rotations/types";
import { turnsInARowText } from "@/server/domain/duty-load/turns-in-a-row";

/**
 * The last turns' interrupt load, the overload signs their ended turns show against the team's thresholds, with a
 * way to act on them (a second duty role), and the flags recorded before (docs/duty-load.md).
 */
export function DutyLoadTable({
  load,
  zone,
  rotationId,
  teamId,
}: {
  load: DutyLoad;
  zone: string;
  rotationId: string;
  teamId: string;
}) {
  const ended = load.turns.filter((turn) => !turn.inProgress);
  const flagged = new Set(load.overload.flatMap((finding) => finding.turns));
  return (
    <section className="card" aria-labelledby="duty-load-heading" id="duty-load">
      <h2 id="duty-load-heading">Load per turn</h2>
      {load.overload.length > 0 && (
        <div className="alert error" role="alert" aria-labelledby="overload-flag-heading">
          <p id="overload-flag-heading">
            <strong>One person may not be enough for this duty.</strong> {turnsInARowText(load.thresholds.turnsInARow)}{" "}
            showed:
          </p>
          <ul>
            {load.overload.map((finding) => (
              <li key={finding.reason}>{reasonText(finding.reason, load.thresholds)}</li>
            ))}
          </ul>
          <p>
            Turns behind it:{" "}
            {[...flagged]
              .flatMap((index) => {
                const turn = ended[index];
                return turn ? [`${turn.name}, ${spanText(turn.startsAt, turn.endsAt, zone)}`] : [];
              })
              .join("; ")}
            .
          </p>
          <p>
            <Link
              className="button small"
              href={`/rotations/new?team=${encodeURIComponent(teamId)}&secondTo=${encodeURIComponent(rotationId)}`}
            >
              Propose a second duty role
            </Link>
          </p>
        </div>
      )}
      {load.turns.length === 0 ? (
        <p className="stat-note">No turns yet.</p>
      ) : (
        <TurnLoadTable
          turns={load.turns}
          thresholds={load.thresholds}
          zone={zone}
          label="Duty load"
          caption={`The last ${load.turns.length} turns; the one in progress counted up to now`}
        />
      )}
      {load.recorded.length > 0 && (
        <>
          <h3 className="subhead">Flags recorded</h3>
          <ul>
            {load.recorded.map((flag) => (
              <li key={flag.turnStartsAt.toISOString()}>
                Turn of {spanText(flag.turnStartsAt, flag.turnEndsAt, zone)}:{" "}
                {flag.reasons.map((reason) => reasonText(reason, load.thresholds)).join("; ")} (
                {turnsInARowText(flag.turnsInARow)})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
