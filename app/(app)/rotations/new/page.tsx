import { serverNow } from "@/server/clock";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/app/_components/empty-state";
import { spanText } from "@/app/_components/rotations/spans";
import { RotationEditor } from "../_editor/rotation-editor";
import { rotationsContext } from "../team-context";

export const metadata: Metadata = { title: "New rotation" };

export default async function NewRotationPage({
  searchParams,
}: {
  searchParams: Promise<{ team?: string; secondTo?: string }>;
}) {
  const search = await searchParams;
  const { caller, viewer, team, mayPlan } = await rotationsContext(search.team);
  if (!team) return <EmptyState title="No team yet">Rotations belong to a team.</EmptyState>;
  if (!mayPlan) {
    return (
      <EmptyState title="Only planners and managers set up rotations">
        <p>
          <Link href="/rotations">See the schedule</Link>, or ask a planner of {team.name} to add you.
        </p>
      </EmptyState>
    );
  }
  const members = await caller.teams.members({ teamId: team.id });
  // From an overload flag: a second duty role beside the flagged rotation; a stale or foreign id proposes nothing.
  const proposal = search.secondTo
    ? await caller.rotations.proposeSecond({ teamId: team.id, rotationId: search.secondTo }).catch(() => undefined)
    : undefined;
  return (
    <>
      <div className="page-head">
        <div>
          <p className="breadcrumb">
            <Link href="/rotations">Rotations</Link> /
          </p>
          <h1>{proposal ? "A second duty role" : "New rotation"}</h1>
          {proposal ? (
            <p>
              Proposed beside <Link href={`/rotations/${proposal.source.id}`}>{proposal.source.name}</Link>, which one
              person can&apos;t keep up with: the same people, each turn held by someone further on in the order, so
              nobody holds both, covers included. The preview shows everyone&apos;s share before and after.
            </p>
          ) : (
            <p>
              Set it up, watch everyone&apos;s projected share move as you edit, and create it when the plan is fair.
            </p>
          )}
          {proposal && proposal.heldTwice.length > 0 && (
            <p role="note">
              Covers on {proposal.source.name} still put someone on both, whoever starts:{" "}
              {proposal.heldTwice
                .map((held) => `${held.name}, ${spanText(held.startsAt, held.endsAt, viewer.timeZone)}`)
                .join("; ")}
              . Once it is created, give those stretches of the second role to someone else with a cover.
            </p>
          )}
        </div>
      </div>
      <RotationEditor teamId={team.id} zone={viewer.timeZone} members={members} proposal={proposal} now={serverNow()} />
    </>
  );
}
