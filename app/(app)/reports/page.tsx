import type { Metadata } from "next";
import { signedInCaller } from "@/server/trpc/server";
import { EmptyState } from "@/app/_components/empty-state";
import { chooseTeam } from "@/app/_lib/team";

export const metadata: Metadata = { title: "Team reports" };

export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ team?: string }> }) {
  const caller = await signedInCaller();
  const viewer = await caller.viewer.me();
  const team = chooseTeam(viewer, await caller.teams.list(), (await searchParams).team);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Team reports</h1>
          <p>Each engineer&apos;s toil share against the 50% cap, its trend, and the sources of toil ranked by cost.</p>
        </div>
      </div>
      {team ? (
        <EmptyState title="Reports are being prepared">Toil-cap reports for {team.name} appear here.</EmptyState>
      ) : (
        <EmptyState title="No team yet">Reports belong to a team.</EmptyState>
      )}
    </>
  );
}
