import type { Metadata } from "next";
import { serverCaller } from "@/server/trpc/server";
import { EmptyState } from "@/app/_components/empty-state";
import { clockTime, weekdayName } from "@/app/_lib/format";
import { chooseTeam } from "@/app/_lib/team";

export const metadata: Metadata = { title: "Rotations" };

const ROLE_LABEL = { primary: "Primary on-call", secondary: "Secondary on-call", ticket: "Ticket duty", shadow: "Shadow" } as const;

export default async function RotationsPage({ searchParams }: { searchParams: Promise<{ team?: string }> }) {
  const caller = await serverCaller();
  const viewer = await caller.viewer.me();
  const team = chooseTeam(viewer, await caller.teams.list(), (await searchParams).team);
  if (!team) return <EmptyState title="No team yet">Rotations belong to a team.</EmptyState>;
  const rotations = await caller.rotations.list({ teamId: team.id });
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Rotations</h1>
          <p>Who carries the pager and the ticket queue in {team.name}. Time on duty counts as interrupt time.</p>
        </div>
      </div>
      {rotations.length === 0 ? (
        <EmptyState title="No rotations yet">A planner sets up pager and ticket-duty rotations here.</EmptyState>
      ) : (
        <div className="grid cols-2">
          {rotations.map((r) => (
            <section className="card" key={r.id} aria-labelledby={`rotation-${r.id}`}>
              <h2 id={`rotation-${r.id}`}>{r.name}</h2>
              <p>
                <span className="badge">{ROLE_LABEL[r.role]}</span>{" "}
                {r.shiftCount} {r.shiftUnit === "weeks" ? "week" : r.shiftUnit === "days" ? "day" : "hour"}
                {r.shiftCount === 1 ? "" : "s"} per shift · hand-off{" "}
                {r.shiftUnit === "weeks" ? `${weekdayName(r.handoffWeekday)} ` : ""}
                {clockTime(r.handoffMinute)} {r.timeZone}
                {r.workingHoursOnly ? " · working hours only" : ""}
              </p>
              <ol>
                {r.participants.map((p) => (
                  <li key={p.personId}>{p.name}</li>
                ))}
              </ol>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
