"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { messageOf } from "@/app/_lib/field-errors";
import { useTRPC, useTRPCClient } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";
import { spanText } from "@/app/_components/rotations/spans";
import type { FairFillProposal, RotationPreview } from "@/app/_components/rotations/types";
import { useRotationsRefresh } from "@/app/_components/rotations/use-rotations-refresh";
import { QualityFigures } from "./preview-panel";

/** Points one cap or leave warning takes off the quality score (the server's rule). */
const WARNING_POINTS = 5;
import type { WhatIfInput } from "./preview-types";

interface ProposedTurn {
  /** The turn number, or null for a cover proposed over a stretch nobody holds. */
  turn: number | null;
  startsAt: Date;
  endsAt: Date;
  personId: string;
  name: string;
  /** Who holds the turn as planned now: names, or "nobody". */
  planned: string;
  changed: boolean;
}

/**
 * One row per turn (a restricted rotation's turn comes back as one assignment per working-hours piece), and one per
 * cover proposed over a gap.
 */
function proposedTurns(proposal: FairFillProposal, planned: RotationPreview["shifts"]): ProposedTurn[] {
  const turns = new Map<number, ProposedTurn>();
  for (const a of proposal.assignments) {
    const known = turns.get(a.turn);
    if (known) {
      if (a.endsAt > known.endsAt) known.endsAt = a.endsAt;
      continue;
    }
    turns.set(a.turn, {
      turn: a.turn,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      personId: a.personId,
      name: a.name,
      planned: "",
      changed: false,
    });
  }
  const gapCovers = proposal.gapCovers.map((cover) => ({ ...cover, turn: null, planned: "", changed: false }));
  return [...turns.values(), ...gapCovers]
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((turn) => {
      const holders = planned.filter((s) => s.startsAt < turn.endsAt && turn.startsAt < s.endsAt);
      const ids = [...new Set(holders.map((s) => s.personId))];
      const names = [...new Set(holders.map((s) => s.name))];
      return { ...turn, planned: names.join(", ") || "nobody", changed: ids.length !== 1 || ids[0] !== turn.personId };
    });
}

function TurnsTable({ turns, zone, caption }: { turns: ProposedTurn[]; zone: string; caption: string }) {
  return (
    <table className="fill-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Turn</th>
          <th scope="col">As planned</th>
          <th scope="col">Proposed</th>
        </tr>
      </thead>
      <tbody>
        {turns.map((turn) => (
          <tr key={turn.startsAt.toISOString()} className={turn.changed ? "is-changed" : undefined}>
            <td>{spanText(turn.startsAt, turn.endsAt, zone)}</td>
            <td>{turn.planned}</td>
            <td>
              {turn.name}{" "}
              {turn.turn === null ? (
                <span className="badge planner">fills a gap</span>
              ) : (
                turn.changed && <span className="badge planner">changed</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const signed = (delta: number) => `${delta >= 0 ? "+" : "−"}${Math.abs(delta).toFixed(1)}`;

/**
 * Fair fill: a proposal that balances weighted load (nights and weekends weigh more) and honours leave, with the
 * quality score of the plan as it stands and of the proposal. A saved rotation can take it on as covers.
 */
export function FairFillPanel({
  input,
  planned,
  saved,
  dirty,
  zone,
}: {
  input: WhatIfInput | null;
  planned: RotationPreview["shifts"] | undefined;
  saved: boolean;
  dirty: boolean;
  zone: string;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const announce = useStatus();
  const refresh = useRotationsRefresh();
  const [asked, setAsked] = useState<WhatIfInput | null>(null);
  const [applying, setApplying] = useState(false);
  const proposal = useQuery(trpc.rotations.fairFill.queryOptions(asked ?? skipToken, { staleTime: 0 }));
  const outdated = asked !== null && JSON.stringify(asked) !== JSON.stringify(input);
  const turns = proposal.data && planned ? proposedTurns(proposal.data, planned) : [];
  const changes = turns.filter((t) => t.changed);

  async function apply() {
    if (!asked?.rotationId) return;
    setApplying(true);
    try {
      // One call, one transaction: either every turn is handed over or none is.
      const { overrides } = await client.rotations.addOverrides.mutate({
        teamId: asked.teamId,
        rotationId: asked.rotationId,
        covers: changes.map((turn) => ({
          personId: turn.personId,
          replacesPersonId: null,
          startsAt: turn.startsAt,
          endsAt: turn.endsAt,
        })),
        note: "Fair fill",
      });
      const applied = overrides.length;
      announce({ text: `Fair fill applied: ${applied} ${applied === 1 ? "turn" : "turns"} handed over as covers.` });
    } catch (error) {
      announce({ text: `Nothing was applied: ${messageOf(error)}`, tone: "error" });
    } finally {
      setApplying(false);
      await refresh();
    }
  }

  const result = proposal.data;
  return (
    <section className="card fair-fill" aria-labelledby="fair-fill-heading">
      <div className="preview-head">
        <h2 id="fair-fill-heading">Fair fill</h2>
        <button
          type="button"
          className="button secondary"
          disabled={!input || proposal.isFetching}
          onClick={() => setAsked(input)}
        >
          {proposal.isFetching ? "Working it out…" : asked ? "Propose again" : "Propose a fair fill"}
        </button>
      </div>
      <p className="stat-note">
        Assigns the horizon&apos;s turns to balance weighted hours (nights and weekends weigh more), never to someone on
        leave, and carries forward what people already held, covered or swapped.
      </p>
      {proposal.error && (
        <p className="field-error" role="alert">
          {messageOf(proposal.error)}
        </p>
      )}
      {result && (
        <div className={outdated ? "is-stale" : undefined}>
          {outdated && <p className="stat-note">The form changed since this proposal: propose again to compare.</p>}
          <p className="score-change" role="status">
            Quality score {result.before.score.toFixed(1)} → <strong>{result.after.score.toFixed(1)}</strong> (
            {signed(result.after.score - result.before.score)})
          </p>
          <div className="quality-pair">
            <QualityFigures quality={result.before} title="As planned" />
            <QualityFigures quality={result.after} title="With the fair fill" />
          </div>
          {changes.length > 0 && (
            <TurnsTable turns={changes} zone={zone} caption="Turns the fair fill hands to someone else" />
          )}
          {turns.length > 0 && (
            <details className="fill-all">
              <summary>All {turns.length} turns of the proposal</summary>
              <TurnsTable turns={turns} zone={zone} caption="Every turn: as planned and as proposed" />
            </details>
          )}
          {result.after.warningPenalty > 0 && (
            <p className="stat-note">
              {result.after.warningPenalty / WARNING_POINTS}{" "}
              {result.after.warningPenalty === WARNING_POINTS ? "warning remains" : "warnings remain"} that no reshuffle
              of these people can lift (each costs {WARNING_POINTS} points): a rotation this size keeps shares over the
              caps. Add people, or split the duty with a second rotation.
            </p>
          )}
          {result.unassigned.length > 0 && (
            <p className="alert error">
              Nobody can take {result.unassigned.length === 1 ? "one stretch" : `${result.unassigned.length} stretches`}{" "}
              (everyone is on leave):{" "}
              {result.unassigned.map((gap) => spanText(gap.startsAt, gap.endsAt, zone)).join("; ")}.
            </p>
          )}
          <div className="fill-apply">
            {changes.length === 0 ? (
              <p className="stat-note">The plan already matches the proposal.</p>
            ) : !saved ? (
              <p className="stat-note">Save the rotation to take this proposal on as covers.</p>
            ) : dirty || outdated ? (
              <p className="stat-note">Save your changes and propose again before applying.</p>
            ) : (
              <button type="button" className="button" onClick={apply} disabled={applying}>
                {applying
                  ? "Applying…"
                  : `Apply ${changes.length} ${changes.length === 1 ? "change" : "changes"} as covers`}
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
