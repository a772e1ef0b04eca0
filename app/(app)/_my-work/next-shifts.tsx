"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_lib/trpc";
import { CalendarFeed } from "@/app/_components/rotations/calendar-feed";
import { RoleChip } from "@/app/_components/rotations/role-chip";
import { ROLE_LABEL } from "@/app/_components/rotations/roles";
import { spanText } from "@/app/_components/rotations/spans";
import type { NextShift, SwapRequest } from "@/app/_components/rotations/types";

/**
 * The viewer's coming shifts (a current one first), a nudge when a swap waits for their answer, and the secret
 * calendar address that puts these shifts in their own calendar.
 */
export function NextShiftsCard({
  teamId,
  viewerId,
  zone,
  limit,
  initial,
  initialSwaps,
  now,
}: {
  teamId: string;
  viewerId: string;
  zone: string;
  limit: number;
  initial: NextShift[];
  initialSwaps: SwapRequest[];
  now: Date;
}) {
  const trpc = useTRPC();
  const { data: shifts } = useQuery(trpc.rotations.myNextShifts.queryOptions({ limit }, { initialData: initial }));
  const { data: swaps } = useQuery(trpc.rotations.listSwaps.queryOptions({ teamId }, { initialData: initialSwaps }));
  const waiting = swaps.filter((s) => s.status === "pending" && s.counterpartId === viewerId).length;
  return (
    <section className="card duty-card" aria-labelledby="next-shifts-heading">
      <h2 id="next-shifts-heading">My next shifts</h2>
      {waiting > 0 && (
        <p className="alert info">
          <Link href={`/rotations?team=${teamId}#swaps-heading`}>
            {waiting === 1 ? "A swap request waits" : `${waiting} swap requests wait`} for your answer →
          </Link>
        </p>
      )}
      {shifts.length === 0 ? (
        <p className="stat-note">No shifts in the coming six months: your time is for projects.</p>
      ) : (
        <ul className="duty-list">
          {shifts.map((shift) => {
            const current = shift.startsAt <= now && now < shift.endsAt;
            return (
              <li key={`${shift.rotationId}-${shift.startsAt.toISOString()}`}>
                <RoleChip
                  role={shift.role}
                  spoken={ROLE_LABEL[shift.role]}
                  onLeave={shift.onLeave}
                  cover={shift.source === "override"}
                />
                <div className="duty-main">
                  <span className="duty-rotation">
                    {shift.rotationName}
                    {current && <span className="badge over">on now</span>}
                    {shift.onLeave && <span className="badge over">during your leave</span>}
                  </span>
                  <span className="stat-note">{spanText(shift.startsAt, shift.endsAt, zone)}</span>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <div className="card-foot-link">
        <CalendarFeed teamId={teamId} label="Subscribe in your calendar" timeZone={zone} />
      </div>
    </section>
  );
}
