import { serverNow } from "@/server/clock";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CalendarFeed } from "@/app/_components/rotations/calendar-feed";
import { CoverageGaps } from "@/app/_components/rotations/coverage-gaps";
import { firstColumnOf, scheduleRange } from "@/app/_components/rotations/grid-model";
import { ROLE_LABEL } from "@/app/_components/rotations/roles";
import { ScheduleBoard } from "@/app/_components/rotations/schedule-board";
import { rotationSettingsText } from "@/app/_components/rotations/summary";
import { SwapRequests } from "@/app/_components/rotations/swap-requests";
import { RotationEditor } from "../_editor/rotation-editor";
import { rotationContext } from "../team-context";
import { CoversList } from "./covers-list";
import { DutyLoadTable } from "./duty-load";
import { RemoveRotationButton } from "./remove-rotation";
import { RotationFacts } from "./rotation-facts";

export const metadata: Metadata = { title: "Rotation" };

export default async function RotationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ team?: string }>;
}) {
  const found = await rotationContext((await params).id, (await searchParams).team);
  if (!found) notFound();
  const { caller, viewer, team, rotation, mayPlan } = found;
  const now = serverNow();
  const anchor = firstColumnOf("weeks", now, viewer.timeZone);
  const [rotations, schedule, swaps, members, coverage] = await Promise.all([
    caller.rotations.list({ teamId: team.id }),
    caller.rotations.schedule({ teamId: team.id, ...scheduleRange("weeks", anchor, viewer.timeZone) }),
    caller.rotations.listSwaps({ teamId: team.id }),
    caller.teams.members({ teamId: team.id }),
    caller.rotations.gaps({ teamId: team.id, rotationId: rotation.id }),
  ]);
  const dutyLoad =
    mayPlan && rotation.role !== "shadow"
      ? await caller.rotations.dutyLoad({ teamId: team.id, rotationId: rotation.id })
      : null;
  return (
    <>
      <div className="page-head">
        <div>
          <p className="breadcrumb">
            <Link href="/rotations">Rotations</Link> /
          </p>
          <h1>{rotation.name}</h1>
          <p>
            <span className={`badge role-badge role-${rotation.role}`}>{ROLE_LABEL[rotation.role]}</span>{" "}
            {rotationSettingsText(rotation)}
          </p>
        </div>
        {mayPlan && <RemoveRotationButton teamId={team.id} rotationId={rotation.id} name={rotation.name} />}
      </div>
      {mayPlan ? (
        <RotationEditor teamId={team.id} zone={viewer.timeZone} members={members} rotation={rotation} now={now} />
      ) : (
        <RotationFacts rotation={rotation} />
      )}
      <div className="card">
        <CoverageGaps
          gaps={coverage.gaps}
          zone={coverage.timeZone}
          headingId="rotation-gaps-heading"
          heading={`Nobody on duty in the next ${coverage.weeks} weeks`}
          as="h2"
        />
      </div>
      {dutyLoad && <DutyLoadTable load={dutyLoad} zone={viewer.timeZone} rotationId={rotation.id} teamId={team.id} />}
      <section className="card board-card" aria-labelledby="rotation-schedule-heading">
        <div className="section-head">
          <h2 id="rotation-schedule-heading">Schedule</h2>
          <CalendarFeed
            teamId={team.id}
            rotationId={rotation.id}
            label="Subscribe to this rotation"
            timeZone={viewer.timeZone}
          />
        </div>
        <ScheduleBoard
          teamId={team.id}
          viewerId={viewer.personId}
          zone={viewer.timeZone}
          mayPlan={mayPlan}
          start={{ scale: "weeks", anchor, schedule, now }}
          rotations={rotations}
          members={members}
          rotationId={rotation.id}
        />
      </section>
      <div className="grid cols-2 rotations-side">
        <section className="card" aria-labelledby="covers-heading">
          <h2 id="covers-heading">Covers</h2>
          <CoversList teamId={team.id} rotation={rotation} zone={viewer.timeZone} mayPlan={mayPlan} now={now} />
        </section>
        <section className="card" aria-labelledby="swaps-heading">
          <h2 id="swaps-heading">Swap requests</h2>
          <SwapRequests
            teamId={team.id}
            viewerId={viewer.personId}
            zone={viewer.timeZone}
            mayPlan={mayPlan}
            initial={swaps}
            rotationId={rotation.id}
          />
        </section>
      </div>
    </>
  );
}
