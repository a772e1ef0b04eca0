import type { Metadata } from "next";
import Link from "next/link";
import { mayActInTeam } from "@/server/auth/permissions";
import { signedInCaller, viewerTeams } from "@/server/trpc/server";
import { EmptyState } from "@/app/_components/empty-state";
import { formatPercent } from "@/app/_lib/format";
import { chooseTeam } from "@/app/_lib/team";
import { IntegrationsPanel } from "@/app/_components/capture/integrations-panel";
import { UserLinksPanel } from "@/app/_components/capture/user-links-panel";
import { BreachWebhookCard } from "@/app/_components/breaches/breach-webhook-card";
import { ApiTokens } from "./api-tokens";
import { CreateTeamForm } from "./create-team-form";
import { InviteForm } from "./invite-form";
import { TeamCapsForm } from "./team-caps-form";
import { TeamZoneForm } from "./team-zone-form";
import { OverloadThresholdsForm } from "./overload-thresholds-form";
import { MembersTable } from "./members-table";
import { PendingInvitations } from "./pending-invitations";
import { WorkspaceTransfer } from "./workspace-transfer";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ team?: string }> }) {
  const caller = await signedInCaller();
  const viewer = await caller.viewer.me();
  const teams = await viewerTeams();
  const team = await chooseTeam(viewer, teams, (await searchParams).team);
  const details = team ? teams.find((t) => t.id === team.id) : undefined;
  const members = team ? await caller.teams.members({ teamId: team.id }) : [];
  const canManage = team ? mayActInTeam(viewer, team.id, ["manager"]) : false;
  const invitations = team && canManage ? await caller.teams.invitations({ teamId: team.id }) : [];
  const canConnectAlerts = team ? mayActInTeam(viewer, team.id, ["planner", "manager"]) : false;
  const tokens = await caller.apiTokens.list();
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Settings</h1>
          <p>Teams, people and their roles{details ? ` · ${details.name}` : ""}; your API tokens.</p>
        </div>
        {viewer.isAdmin && (
          <nav aria-label="Administration" className="row">
            <Link href="/settings/access">People and access</Link>
            <Link href="/settings/audit">Audit log</Link>
          </nav>
        )}
      </div>
      {!team && (
        <EmptyState title="No team yet">
          {viewer.isAdmin ? "Create the first team below." : "Ask a manager to add you."}
        </EmptyState>
      )}
      {team && details && (
        <section className="card" aria-labelledby="members-heading" style={{ marginBottom: "1rem" }}>
          <h2 id="members-heading">Members of {details.name}</h2>
          <p className="stat-note">
            Toil cap {formatPercent(details.toilCap)} · on-call cap {formatPercent(details.onCallCap)} · reports on{" "}
            {details.timeZone}
          </p>
          <MembersTable teamId={team.id} members={members} canManage={canManage} timeZone={viewer.timeZone} />
        </section>
      )}
      <div className="grid cols-2">
        {team && details && canManage && (
          <section className="card" aria-labelledby="team-caps-heading">
            <h2 id="team-caps-heading">Caps of {details.name}</h2>
            <TeamCapsForm teamId={team.id} caps={details} />
          </section>
        )}
        {team && details && canManage && (
          <section className="card" aria-labelledby="overload-heading">
            <h2 id="overload-heading">When one person on duty can&apos;t keep up</h2>
            <p className="stat-note">
              A duty rotation is flagged when its latest ended turns all show interrupt time over the duty time, a
              growing ticket queue, or too many incidents.
            </p>
            <OverloadThresholdsForm teamId={team.id} thresholds={details.overload} />
          </section>
        )}
        {team && details && canManage && (
          <section className="card" aria-labelledby="team-zone-heading">
            <h2 id="team-zone-heading">Team time zone</h2>
            <TeamZoneForm teamId={team.id} timeZone={details.timeZone} />
          </section>
        )}
        {team && canManage && (
          <section className="card" aria-labelledby="invite-heading">
            <h2 id="invite-heading">Invite someone</h2>
            <InviteForm teamId={team.id} teamTimeZone={details?.timeZone ?? viewer.timeZone} />
          </section>
        )}
        {team && canManage && (
          <section className="card" aria-labelledby="pending-heading">
            <h2 id="pending-heading">Pending invitations</h2>
            <PendingInvitations teamId={team.id} initial={invitations} timeZone={viewer.timeZone} />
          </section>
        )}
        {viewer.isAdmin && (
          <section className="card" aria-labelledby="team-heading">
            <h2 id="team-heading">Create a team</h2>
            <CreateTeamForm defaultTimeZone={viewer.timeZone} />
          </section>
        )}
      </div>
      {team && canConnectAlerts && (
        <section className="card" aria-labelledby="integrations-heading" style={{ marginTop: "1rem" }}>
          <h2 id="integrations-heading">Integrations</h2>
          <p className="stat-note">
            Capture pages and tickets without typing. Tickets from a CSV export instead?{" "}
            <Link href={`/settings/tickets?team=${team.id}`}>Import tickets</Link>
          </p>
          <IntegrationsPanel teamId={team.id} timeZone={viewer.timeZone} />
          <UserLinksPanel
            teamId={team.id}
            members={members.map((member) => ({ personId: member.personId, name: member.name }))}
          />
        </section>
      )}
      {team && <BreachWebhookCard teamId={team.id} />}
      <section className="card" aria-labelledby="tokens-heading" style={{ marginTop: "1rem" }}>
        <h2 id="tokens-heading">API tokens</h2>
        <ApiTokens initial={tokens} timeZone={viewer.timeZone} teamId={team?.id ?? null} />
      </section>
      {viewer.isAdmin && (
        <section className="card" aria-labelledby="workspace-heading" style={{ marginTop: "1rem" }}>
          <h2 id="workspace-heading">Move a team between instances</h2>
          <WorkspaceTransfer team={team} />
        </section>
      )}
    </>
  );
}
