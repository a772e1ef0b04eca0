"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_lib/trpc";
import { RoleChip } from "@/app/_components/rotations/role-chip";
import { ROLE_LABEL } from "@/app/_components/rotations/roles";
import { instantText } from "@/app/_components/rotations/spans";
import type { OnCallNow } from "@/app/_components/rotations/types";

/** Who to call: refetched every minute so a hand-off shows without a reload. */
const REFRESH_MS = 60_000;

/** Per rotation of the team, pager roles first: who holds it now and until when, in the viewer's time zone. */
export function OnCallNowCard({
  teamId,
  viewerId,
  zone,
  initial,
}: {
  teamId: string;
  viewerId: string;
  zone: string;
  initial: OnCallNow;
}) {
  const trpc = useTRPC();
  const { data } = useQuery(
    trpc.rotations.onCallNow.queryOptions({ teamId }, { initialData: initial, refetchInterval: REFRESH_MS }),
  );
  return (
    <section className="card duty-card" aria-labelledby="on-call-now-heading">
      <h2 id="on-call-now-heading">On call now</h2>
      {data.length === 0 ? (
        <p className="stat-note">Your team has no rotations yet.</p>
      ) : (
        <ul className="duty-list">
          {data.map((row) => (
            <li key={row.rotationId}>
              <RoleChip role={row.role} spoken={ROLE_LABEL[row.role]} />
              <div className="duty-main">
                <span className="duty-rotation">{row.name}</span>
                {row.onCall ? (
                  <span className="duty-who">
                    <strong>{row.onCall.personId === viewerId ? "You" : row.onCall.name}</strong>
                    {row.onCall.source === "override" && <span className="badge subtle">cover</span>}
                    <span className="stat-note"> until {instantText(row.onCall.endsAt, zone)}</span>
                  </span>
                ) : (
                  <span className="stat-note">Nobody on duty right now</span>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <p className="card-foot-link">
        <Link href={`/rotations?team=${teamId}`}>Team schedule →</Link>
      </p>
    </section>
  );
}
