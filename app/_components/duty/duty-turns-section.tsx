import Link from "next/link";
import type { InterruptLoadData } from "@/app/_components/reports/types";
import { TurnLoadTable } from "./turn-load-table";

/** The interrupt report's load per duty turn, one table per duty rotation (docs/duty-load.md). */
export function DutyTurnsSection({
  rotations,
  thresholds,
  zone,
}: {
  rotations: InterruptLoadData["dutyTurns"];
  thresholds: InterruptLoadData["dutyThresholds"];
  zone: string;
}) {
  return (
    <section className="card report-card" aria-labelledby="duty-turns-heading">
      <h2 id="duty-turns-heading">Load per duty turn</h2>
      <p className="stat-note">
        Each turn of the period, counted whole (the one in progress up to now): interrupts opened during it, the
        holder&apos;s time logged on them against their duty time, tickets open at the hand-off (carried over from the
        turn before), the most incidents in 12 hours and time logged after hours.
      </p>
      {rotations.length === 0 && <p className="stat-note">The team has no duty rotation.</p>}
      {rotations.map((rotation) => (
        <div key={rotation.rotationId} className="stack">
          <h3 className="subhead">
            <Link href={`/rotations/${rotation.rotationId}`}>{rotation.rotationName}</Link>
          </h3>
          {rotation.turns.length === 0 ? (
            <p className="stat-note">No turns to show in this period.</p>
          ) : (
            <TurnLoadTable
              turns={rotation.turns}
              thresholds={thresholds}
              zone={zone}
              label={`Load per turn of ${rotation.rotationName}`}
              caption={`${rotation.rotationName}: ${rotation.turns.length} turns`}
            />
          )}
          {rotation.notShown > 0 && (
            <p className="stat-note">
              {rotation.notShown} more {rotation.notShown === 1 ? "turn" : "turns"} of the period not listed (older, or
              held by someone else).
            </p>
          )}
        </div>
      ))}
    </section>
  );
}
