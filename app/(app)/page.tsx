import { serverNow } from "@/server/clock";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { rolesIn } from "@/server/auth/permissions";
import { NEXT_SHIFTS_LIMIT, RECENT_LIMIT } from "@/server/services/home/my-work";
import { signedInCaller, viewerTeams } from "@/server/trpc/server";
import { CaptureInbox } from "@/app/_components/capture/capture-inbox";
import { HandoffCard } from "@/app/_components/handoffs/handoff-card";
import { MyBreachAlerts } from "@/app/_components/breaches/my-breach-alerts";
import { JoinRequests } from "@/app/_components/people/join-requests";
import { chooseTeam } from "@/app/_lib/team";
import { OverloadFlagsCard } from "@/app/_components/duty/overload-flags-card";
import { CoverageOutlookSection } from "./_home/coverage-outlook";
import { OrgOverviewSection } from "./_home/org-overview";
import { TeamStandingSection } from "./_home/team-standing";
import { NextShiftsCard } from "./_my-work/next-shifts";
import { OnCallNowCard } from "./_my-work/on-call-now";
import { QuickActions, TemplateShortcuts } from "./_my-work/quick-actions";
import { RecentEntries } from "./_my-work/recent-entries";
import { WeekShareCards } from "./_my-work/share-cards";

export const metadata: Metadata = { title: "My work" };

/**
 * Home, by role in the team chosen in the shell: an engineer's own week; a manager's team standing this month; a
 * planner's next two weeks of rotations; an administrator's organisation. Someone with several roles sees each
 * part: their own work first when they are an engineer of the team (what they act on every day), else after the
 * team's parts; the latest entries last. Every section comes from one call (home.myWork).
 */
export default async function HomePage({ searchParams }: { searchParams: Promise<{ team?: string }> }) {
  const caller = await signedInCaller();
  const viewer = await caller.viewer.me();
  const teams = await viewerTeams();
  const team = await chooseTeam(viewer, teams, (await searchParams).team);
  // One call, one read-only transaction: each procedure apart was a round trip (and a pooled connection) of its own.
  const { teamId, entries, share, duty, captured, joinRequests, standing, outlook, org, overloads } =
    await caller.home.myWork({ teamId: team?.id ?? null });
  const isEngineer = team !== null && rolesIn(viewer, team.id).includes("engineer");
  const now = serverNow();
  const zone = viewer.timeZone;
  const firstName = viewer.name.split(" ")[0] ?? viewer.name;

  const teamParts: ReactNode[] = [];
  // A duty rotation outgrowing one person comes first: it is what a planner or manager acts on today.
  if (overloads && team)
    teamParts.push(<OverloadFlagsCard key="overloads" flags={overloads} zone={zone} teamId={team.id} />);
  if (standing) teamParts.push(<TeamStandingSection key="standing" data={standing} zone={zone} />);
  if (outlook && team)
    teamParts.push(
      <CoverageOutlookSection key="outlook" data={outlook} teamId={team.id} teamName={team.name} zone={zone} />,
    );
  if (org && teams.length > 0) teamParts.push(<OrgOverviewSection key="org" data={org} />);

  const ownWork = teamId && (
    <>
      <div className={share ? "home-grid" : "home-grid solo"}>
        {share && <WeekShareCards initial={share} />}
        <QuickActions />
      </div>
      {duty && (
        <div className="home-duty">
          <OnCallNowCard teamId={teamId} viewerId={viewer.personId} zone={zone} initial={duty.onCall} />
          <HandoffCard teamId={teamId} zone={zone} />
          <NextShiftsCard
            teamId={teamId}
            viewerId={viewer.personId}
            zone={zone}
            limit={NEXT_SHIFTS_LIMIT}
            initial={duty.nextShifts}
            initialSwaps={duty.swaps}
            now={now}
          />
        </div>
      )}
      <TemplateShortcuts />
    </>
  );
  const latest = (teamId || entries.length > 0) && (
    <>
      <h2 className="section-title">Latest entries</h2>
      <RecentEntries initial={entries} limit={RECENT_LIMIT} timeZone={zone} />
    </>
  );

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Hello, {firstName}</h1>
          <p>{intro(team?.name ?? null, teamId !== null, zone)}</p>
        </div>
      </div>
      {joinRequests.length > 0 && <JoinRequests requests={joinRequests} />}
      {teams.length === 0 && viewer.isAdmin && (
        <div className="alert info" role="status">
          You administer this Toilcap. Create a team in Settings and invite its people.
        </div>
      )}
      {!teamId && !viewer.isAdmin && (
        <div className="alert info" role="status">
          You are not in a team yet: ask a manager to add you.
        </div>
      )}
      {teamId && <MyBreachAlerts />}
      {/* Shown only while pages wait, so a quiet week keeps the page calm. */}
      {captured.length > 0 && <CaptureInbox initial={captured} timeZone={zone} />}
      {isEngineer ? (
        <>
          {ownWork}
          {teamParts}
          {latest}
        </>
      ) : (
        <>
          {teamParts}
          {ownWork && teamParts.length > 0 && <h2 className="home-own-title">Your own work</h2>}
          {ownWork}
          {latest}
        </>
      )}
    </>
  );
}

function intro(teamName: string | null, member: boolean, zone: string): ReactNode {
  if (member)
    return (
      <>
        {teamName}: your work and the team&apos;s, in your time zone ({zone}). Press <kbd>N</kbd> anywhere to log toil.
      </>
    );
  return teamName ? `Every team's standing, in your time zone (${zone}).` : `Your time zone is ${zone}.`;
}
