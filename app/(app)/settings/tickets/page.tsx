import type { Metadata } from "next";
import Link from "next/link";
import { mayActInTeam } from "@/server/auth/permissions";
import { signedInCaller, viewerTeams } from "@/server/trpc/server";
import { EmptyState } from "@/app/_components/empty-state";
import { chooseTeam } from "@/app/_lib/team";
import { TicketImport } from "./ticket-import";

export const metadata: Metadata = { title: "Import tickets" };

/** Settings → Import tickets: a planner or manager uploads a ticket export, previews it, then imports it all or nothing. */
export default async function TicketImportPage({ searchParams }: { searchParams: Promise<{ team?: string }> }) {
  const caller = await signedInCaller();
  const viewer = await caller.viewer.me();
  const teams = await viewerTeams();
  const team = await chooseTeam(viewer, teams, (await searchParams).team);
  const mayImport = team ? mayActInTeam(viewer, team.id, ["planner", "manager"]) : false;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Import tickets</h1>
          <p>
            From a ticket system&apos;s CSV export{team ? ` into ${team.name}` : ""}: each ticket is stored once, and
            tickets with an assignee wait in their capture inbox.
          </p>
        </div>
        <Link href={team ? `/settings?team=${team.id}` : "/settings"}>Back to Settings</Link>
      </div>
      {!team && (
        <EmptyState title="No team yet">Tickets are imported into a team: ask a manager to add you to one.</EmptyState>
      )}
      {team && !mayImport && (
        <EmptyState title="Only planners and managers import tickets">
          Ask a planner or manager of {team.name} to import the export.
        </EmptyState>
      )}
      {team && mayImport && <TicketImport teamId={team.id} timeZone={viewer.timeZone} />}
    </>
  );
}
