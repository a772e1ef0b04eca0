import { serverNow } from "@/server/clock";
import type { Metadata } from "next";
import Link from "next/link";
import { OverloadFlagsCard } from "@/app/_components/duty/overload-flags-card";
import { EmptyState } from "@/app/_components/empty-state";
import { CalendarFeed } from "@/app/_components/rotations/calendar-feed";
import { firstColumnOf, scheduleRange } from "@/app/_components/rotations/grid-model";
import { ScheduleBoard } from "@/app/_components/rotations/schedule-board";
import { SwapRequests } from "@/app/_components/rotations/swap-requests";
import { RotationCards } from "./rotation-cards";
import { rotationsContext } from "./team-context";

export const metadata: Metadata = { title: "Rotations" };

export default async function RotationsPage({ searchParams }: { searchParams: Promise<{ team?: string }> }) {
  const { caller, viewer, team, mayPlan } = await rotationsContext((await searchParams).team);
  if (!team) return <EmptyState title="No team yet">Rotations belong to a team.</EmptyState>;
  const now = serverNow();
  const anchor = firstColumnOf("weeks", now, viewer.timeZone);
  const [rotations, schedule, swaps, members] = await Promise.all([
    caller.rotations.list({ teamId: team.id }),
    caller.rotations.schedule({ teamId: team.id, ...scheduleRange("weeks", anchor, viewer.timeZone) }),
    caller.rotations.listSwaps({ teamId: team.id }),
    caller.teams.members({ teamId: team.id }),
  ]);
  const overloads = mayPlan ? await caller.rotations.overloadFlags({ teamId: team.id }) : [];
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Rotations</h1>
          <p>
            Who carries the pager and the ticket queue in {team.name}. Time on duty is interrupt time: the rest of the
            week is for projects.
          </p>
        </div>
        {mayPlan && (
          <Link className="button" href="/rotations/new">
            New rotation
          </Link>
        )}
      </div>
      <OverloadFlagsCard flags={overloads} zone={viewer.timeZone} teamId={team.id} />
      <section className="card board-card" aria-labelledby="schedule-heading">
        <h2 id="schedule-heading">Who is on duty</h2>
        <ScheduleBoard
          teamId={team.id}
          viewerId={viewer.personId}
          zone={viewer.timeZone}
          mayPlan={mayPlan}
          start={{ scale: "weeks", anchor, schedule, now }}
          rotations={rotations}
          members={members}
        />
      </section>
      <div className="grid cols-2 rotations-side">
        <section className="card" aria-labelledby="swaps-heading">
          <h2 id="swaps-heading">Swap requests</h2>
          <SwapRequests
            teamId={team.id}
            viewerId={viewer.personId}
            zone={viewer.timeZone}
            mayPlan={mayPlan}
            initial={swaps}
          />
        </section>
        <section className="card" aria-labelledby="feeds-heading">
          <h2 id="feeds-heading">Calendar feeds</h2>
          <p className="stat-note">
            Subscribe once; your calendar app keeps the shifts up to date, covers and swaps included.
          </p>
          <ul className="feed-list">
            <li>
              <CalendarFeed teamId={team.id} label="My shifts" timeZone={viewer.timeZone} />
            </li>
            {rotations.map((r) => (
              <li key={r.id}>
                <CalendarFeed
                  teamId={team.id}
                  rotationId={r.id}
                  label={`${r.name} (everyone's turns)`}
                  timeZone={viewer.timeZone}
                />
              </li>
            ))}
          </ul>
        </section>
      </div>
      <h2 className="section-title" id="rotation-list-heading">
        The team&apos;s rotations
      </h2>
      {rotations.length === 0 ? (
        <EmptyState title="No rotations yet">
          {mayPlan ? (
            <Link href="/rotations/new">Set up the first rotation →</Link>
          ) : (
            "A planner sets up pager and ticket-duty rotations here."
          )}
        </EmptyState>
      ) : (
        <RotationCards rotations={rotations} mayPlan={mayPlan} />
      )}
    </>
  );
}
