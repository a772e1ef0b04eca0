import { DateTime } from "luxon";
import Link from "next/link";
import { RoleChip } from "@/app/_components/rotations/role-chip";
import { ROLE_LABEL } from "@/app/_components/rotations/roles";
import { instantText, spanText } from "@/app/_components/rotations/spans";
import type { CoverageOutlookData } from "./types";

const dayText = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toFormat("ccc d LLL");

/** How many gaps and swap requests the cards list before pointing to the page with all of them. */
const LIST_LIMIT = 5;

/**
 * A planner's home: the chosen team's rotations over the next two weeks, stretches with nobody on duty, swap
 * requests waiting for an answer, and the coming hand-offs. Each card links to where one acts on it.
 */
export function CoverageOutlookSection({
  data,
  teamId,
  teamName,
  zone,
}: {
  data: CoverageOutlookData;
  teamId: string;
  teamName: string;
  zone: string;
}) {
  const q = `team=${teamId}`;
  const gaps = data.gaps.slice(0, LIST_LIMIT);
  const swaps = data.pendingSwaps.slice(0, LIST_LIMIT);
  return (
    <section className="home-section" aria-labelledby="coverage-heading">
      <div className="home-section-head">
        <h2 id="coverage-heading">{teamName}&apos;s rotations, next two weeks</h2>
        <p className="stat-note">
          {dayText(data.from, zone)} – {dayText(data.to, zone)} · {data.rotations}{" "}
          {data.rotations === 1 ? "rotation" : "rotations"}
        </p>
      </div>
      {data.rotations === 0 ? (
        <div className="card home-card">
          <p className="home-calm">The team has no rotations yet, so nobody carries the pager or the ticket queue.</p>
          <p className="card-foot-link">
            <Link href={`/rotations/new?${q}`}>Set up the first rotation →</Link>
          </p>
        </div>
      ) : (
        <div className="home-cards">
          <section className="card home-card" aria-labelledby="gaps-heading">
            <h3 id="gaps-heading">Coverage gaps</h3>
            {gaps.length === 0 ? (
              <p className="home-calm">Someone is on every rotation&apos;s duty for the next two weeks.</p>
            ) : (
              <>
                <p className="home-figure">
                  <strong>{data.gaps.length}</strong> {data.gaps.length === 1 ? "stretch" : "stretches"} with nobody on
                  duty
                </p>
                <ul className="home-list">
                  {gaps.map((gap) => (
                    <li key={`${gap.rotationId}-${gap.startsAt.toISOString()}`}>
                      <RoleChip role={gap.role} spoken={ROLE_LABEL[gap.role]} />
                      <span className="home-list-main">
                        <Link href={`/rotations/${gap.rotationId}?${q}`}>{gap.rotationName}</Link>
                        <span className="stat-note home-sub">{spanText(gap.startsAt, gap.endsAt, zone)}</span>
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p className="card-foot-link">
              <Link href={`/rotations?${q}`}>Cover them on the schedule →</Link>
            </p>
          </section>

          <section className="card home-card" aria-labelledby="pending-swaps-heading">
            <h3 id="pending-swaps-heading">Swap requests waiting</h3>
            {swaps.length === 0 ? (
              <p className="home-calm">No swap request waits for an answer.</p>
            ) : (
              <>
                <p className="home-figure">
                  <strong>{data.pendingSwaps.length}</strong> {data.pendingSwaps.length === 1 ? "request" : "requests"}{" "}
                  to answer
                </p>
                <ul className="home-list">
                  {swaps.map((swap) => (
                    <li key={swap.id}>
                      <RoleChip role={swap.role} spoken={ROLE_LABEL[swap.role]} />
                      <span className="home-list-main">
                        {swap.requesterName} → {swap.counterpartName}
                        <span className="stat-note home-sub">
                          {spanText(swap.shiftStartsAt, swap.shiftEndsAt, zone)} · {swap.rotationName}
                        </span>
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p className="card-foot-link">
              <Link href={`/rotations?${q}#swaps-heading`}>Answer on Rotations →</Link>
            </p>
          </section>

          <section className="card home-card" aria-labelledby="handoffs-heading">
            <h3 id="handoffs-heading">Coming hand-offs</h3>
            {data.handoffs.length === 0 ? (
              <p className="home-calm">No hand-offs in the next two weeks.</p>
            ) : (
              <ul className="home-list">
                {data.handoffs.map((handoff) => (
                  <li key={`${handoff.rotationId}-${handoff.at.toISOString()}`}>
                    <RoleChip role={handoff.role} spoken={ROLE_LABEL[handoff.role]} />
                    <span className="home-list-main">
                      {handoff.from ? `${handoff.from.name} → ${handoff.to.name}` : `${handoff.to.name} takes over`}
                      <span className="stat-note home-sub">
                        {instantText(handoff.at, zone)} · {handoff.rotationName}
                      </span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {data.handoffCount > data.handoffs.length && (
              <p className="stat-note">and {data.handoffCount - data.handoffs.length} more</p>
            )}
            <p className="card-foot-link">
              <Link href={`/rotations?${q}`}>Team schedule →</Link>
            </p>
          </section>
        </div>
      )}
    </section>
  );
}
