import { spanText } from "@/app/_components/rotations/spans";
import type { WeekHandoffNote } from "./types";
import { OpenTickets } from "@/app/_components/handoffs/open-tickets";

/** What the on-call shifts of the week handed to each other: read in the review, next to what paged them. */
export function WeekHandoffs({ notes, timeZone }: { notes: WeekHandoffNote[]; timeZone: string }) {
  return (
    <section className="card report-card" aria-labelledby="week-handoffs-heading">
      <h2 id="week-handoffs-heading">Hand-off notes</h2>
      {notes.length === 0 ? (
        <p className="stat-note">
          No hand-off notes for shifts in these 7 days. Whoever holds a shift writes one on their home page.
        </p>
      ) : (
        <ul className="note-list">
          {notes.map((note) => (
            <li key={note.id}>
              <p className="note-head">
                <strong>{note.author.name}</strong>
                <span className="stat-note">
                  {" "}
                  · {note.rotationName} · {spanText(note.shiftStartsAt, note.shiftEndsAt, timeZone)}
                </span>
              </p>
              <p className="note-body">{note.body}</p>
              <OpenTickets tickets={note.openTickets} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
