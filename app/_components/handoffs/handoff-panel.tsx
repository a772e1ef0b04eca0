"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_lib/trpc";
import { instantText } from "@/app/_components/rotations/spans";
import { HandoffNoteForm } from "./handoff-note-form";
import type { HandoffsForMeData, IncomingHandoffData } from "./types";
import { OpenTickets } from "./open-tickets";

/** A hand-off lands at the change of shift: refetched every minute, like "On call now". */
const REFRESH_MS = 60_000;

function Incoming({ handoff, zone }: { handoff: IncomingHandoffData; zone: string }) {
  const from = handoff.previous.holder.name;
  return (
    <article className="handoff" aria-label={`Handed to you on ${handoff.rotation.name}`}>
      <h3>
        From {from} <span className="stat-note">· {handoff.rotation.name}</span>
      </h3>
      <p className="stat-note">
        {handoff.myShift.onNow
          ? `You are on until ${instantText(handoff.myShift.endsAt, zone)}.`
          : `Your shift starts ${instantText(handoff.myShift.startsAt, zone)}.`}
      </p>
      {handoff.notes.length === 0 ? (
        <p className="stat-note">No note from {from} yet.</p>
      ) : (
        <ul className="note-list">
          {handoff.notes.map((note) => (
            <li key={note.id}>
              <p className="note-body">{note.body}</p>
              <OpenTickets tickets={note.openTickets} />
              <p className="stat-note">
                {note.author.name}, {instantText(note.updatedAt, zone)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** The incoming notes first (what I need now), then my own note for the shift I am handing off. */
export function HandoffPanel({ teamId, zone, initial }: { teamId: string; zone: string; initial: HandoffsForMeData }) {
  const trpc = useTRPC();
  const { data } = useQuery(
    trpc.handoffs.forMe.queryOptions({ teamId }, { initialData: initial, refetchInterval: REFRESH_MS }),
  );
  return (
    <section className="card duty-card handoff-card" aria-labelledby="handoff-heading">
      <h2 id="handoff-heading">Hand-off</h2>
      {data.incoming.map((handoff) => (
        <Incoming key={`in-${handoff.rotation.id}`} handoff={handoff} zone={zone} />
      ))}
      {data.outgoing.map((handoff) => (
        <HandoffNoteForm
          key={`out-${handoff.rotation.id}-${handoff.shift.startsAt.toISOString()}`}
          teamId={teamId}
          zone={zone}
          handoff={handoff}
        />
      ))}
      {data.incoming.length === 0 && data.outgoing.length === 0 && (
        <p className="stat-note">No shift of yours is handing over right now.</p>
      )}
    </section>
  );
}
