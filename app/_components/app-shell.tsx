import type { ReactNode } from "react";
import { type serverCaller, viewerTeams } from "@/server/trpc/server";
import { Nav } from "@/app/_components/nav";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { StatusProvider } from "@/app/_components/app-status";
import { TRPCReactProvider } from "@/app/_lib/trpc";
import { QuickLogButton, QuickLogProvider } from "@/app/_components/quick-log";
import { TimerIndicator } from "@/app/_components/timer-indicator";
import { WorkProvider } from "@/app/_components/work/work-context";
import { TeamSwitcher } from "@/app/_components/team-switcher";
import { formatPercent } from "@/app/_lib/format";
import { chooseTeam } from "@/app/_lib/team";

type Caller = Awaited<ReturnType<typeof serverCaller>>;
type SignedInViewer = NonNullable<Awaited<ReturnType<Caller["viewer"]["current"]>>>;

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part.charAt(0))
    .join("")
    .slice(0, 2)
    .toUpperCase();
}

/**
 * The signed-in shell: sidebar, team, quick log, who is signed in. Around every page of the app, and around
 * "Page not found" for a signed-in visitor, so a wrong address never strands anyone outside the navigation.
 */
export async function AppShell({
  caller,
  viewer,
  children,
}: {
  caller: Caller;
  viewer: SignedInViewer;
  children: ReactNode;
}) {
  const roles = new Set(viewer.memberships.flatMap((m) => m.roles));
  // Read together: on PostgreSQL each takes a pooled connection of its own.
  const [teams, timer, { demo }] = await Promise.all([viewerTeams(), caller.timer.current(), caller.instance.status()]);
  const team = await chooseTeam(viewer, teams, undefined);
  // Toil is logged in the team shown, and only by its members: an admin looking at another team logs nothing there.
  const teamId = viewer.memberships.find((m) => m.teamId === team?.id)?.teamId ?? null;
  const mayPickTeam = teams.length > 1 || (viewer.isAdmin && teams.length > 0);
  // The tRPC client comes with the shell (app pages and a signed-in visitor's "not found"), not the root layout,
  // so the pages before sign-in load none of it.
  return (
    <TRPCReactProvider>
      <StatusProvider>
        <WorkProvider teamId={teamId} timeZone={viewer.timeZone}>
          <QuickLogProvider>
            <div className="shell">
              <a className="skip-link" href="#content">
                Skip to content
              </a>
              <aside className="sidebar">
                <a className="brand" href="/">
                  <span className="brand-mark" aria-hidden="true">
                    TC
                  </span>
                  Toilcap
                </a>
                <Nav />
                {team && (
                  <div className="sidebar-foot">
                    {team.name}: toil cap {formatPercent(team.toilCap)} · on-call cap {formatPercent(team.onCallCap)}
                  </div>
                )}
              </aside>
              <div className="main">
                {demo && (
                  <div className="alert" role="note" aria-label="Demo instance" style={{ margin: 0, borderRadius: 0 }}>
                    This is a demo: the people and figures are made up, and the demo accounts share one password.
                  </div>
                )}
                <header className="topbar">
                  {team && mayPickTeam ? (
                    <TeamSwitcher teams={teams} currentId={team.id} />
                  ) : (
                    <div className="topbar-team">
                      {team?.name ?? (viewer.isAdmin ? "Administrator" : "No team yet")}
                    </div>
                  )}
                  <div className="topbar-actions">
                    <TimerIndicator initial={timer} />
                    {teamId && (
                      <QuickLogButton>
                        Log toil <kbd aria-hidden="true">N</kbd>
                      </QuickLogButton>
                    )}
                  </div>
                  <div className="viewer">
                    <span className="avatar" aria-hidden="true">
                      {initials(viewer.name)}
                    </span>
                    <div>
                      <div className="viewer-name">{viewer.name}</div>
                      <div className="viewer-roles" role="group" aria-label="Your roles">
                        {viewer.isAdmin && <span className="badge admin">admin</span>}
                        {[...roles].map((role) => (
                          <span key={role} className={`badge ${role}`}>
                            {role}
                          </span>
                        ))}
                      </div>
                    </div>
                    <SignOutButton />
                  </div>
                </header>
                <main className="content" id="content">
                  {children}
                </main>
              </div>
            </div>
          </QuickLogProvider>
        </WorkProvider>
      </StatusProvider>
    </TRPCReactProvider>
  );
}
