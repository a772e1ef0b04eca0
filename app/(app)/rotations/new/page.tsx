import { serverNow } from "@/server/clock";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/app/_components/empty-state";
import { RotationEditor } from "../_editor/rotation-editor";
import { rotationsContext } from "../team-context";

export const metadata: Metadata = { title: "New rotation" };

export default async function NewRotationPage({ searchParams }: { searchParams: Promise<{ team?: string }> }) {
  const { caller, viewer, team, mayPlan } = await rotationsContext((await searchParams).team);
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
  return (
    <>
      <div className="page-head">
        <div>
          <p className="breadcrumb">
            <Link href="/rotations">Rotations</Link> /
          </p>
          <h1>New rotation</h1>
          <p>Set it up, watch everyone&apos;s projected share move as you edit, and create it when the plan is fair.</p>
        </div>
      </div>
      <RotationEditor teamId={team.id} zone={viewer.timeZone} members={members} now={serverNow()} />
    </>
  );
}
