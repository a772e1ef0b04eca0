import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { spanText } from "@/app/_components/rotations/spans";
import type { AppRouter } from "@/server/trpc/root";

export type OverloadFlags = inferRouterOutputs<AppRouter>["rotations"]["overloadFlags"];

const REASON_SHORT: Record<OverloadFlags[number]["reasons"][number], string> = {
  "logged-over-duty": "interrupt time over duty time",
  "queue-growing": "ticket queue growing",
  "incident-limit": "incident limit broken",
};

/**
 * For the planner's and the manager's home: the team's duty rotations flagged as more than one person can take
 * (docs/duty-load.md), why, the turns behind each, and the way to act on it. Renders nothing while none is flagged.
 * Feed it `rotations.overloadFlags({ teamId })`.
 */
export function OverloadFlagsCard({ flags, zone, teamId }: { flags: OverloadFlags; zone: string; teamId: string }) {
  if (flags.length === 0) return null;
  return (
    <section className="card" aria-labelledby="overload-flags-heading">
      <h2 id="overload-flags-heading">Duty that one person can&apos;t keep up with</h2>
      <ul className="stack">
        {flags.map((flag) => (
          <li key={flag.rotationId}>
            <Link href={`/rotations/${flag.rotationId}#duty-load`}>
              <strong>{flag.rotationName}</strong>
            </Link>
            : {flag.reasons.map((reason) => REASON_SHORT[reason]).join(", ")}
            <span className="stat-note">
              {" "}
              ({flag.turns.map((turn) => `${turn.name}, ${spanText(turn.startsAt, turn.endsAt, zone)}`).join("; ")})
            </span>{" "}
            <Link
              href={`/rotations/new?team=${encodeURIComponent(teamId)}&secondTo=${encodeURIComponent(flag.rotationId)}`}
            >
              Propose a second duty role
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
