"use client";

import { useEffect, useRef, useState } from "react";
import { FieldError } from "@/app/_components/field-error";
import type { TeamMember } from "@/app/_components/rotations/types";

type Move = "up" | "down" | "remove";

/**
 * The turn order, edited by keyboard: each person has Move up, Move down and Remove buttons, and focus follows
 * the person moved (or goes to the next person after a removal). Each change is announced politely.
 */
export function ParticipantsField({
  members,
  participants,
  onChange,
  errors,
  disabled,
}: {
  members: TeamMember[];
  participants: string[];
  onChange: (next: string[]) => void;
  errors: string[] | undefined;
  disabled: boolean;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLSelectElement>(null);
  const [adding, setAdding] = useState("");
  const [said, setSaid] = useState("");
  const [focusNext, setFocusNext] = useState<{ personId: string; action: Move } | null>(null);
  const byId = new Map(members.map((m) => [m.personId, m]));
  const nameOf = (personId: string) => byId.get(personId)?.name ?? "Former member";
  const available = members.filter((m) => !participants.includes(m.personId));

  useEffect(() => {
    if (!focusNext) return;
    const item = listRef.current?.querySelector<HTMLElement>(`[data-participant="${focusNext.personId}"]`);
    const wanted = item?.querySelector<HTMLButtonElement>(`[data-action="${focusNext.action}"]:not(:disabled)`);
    const fallback = item?.querySelector<HTMLButtonElement>("button:not(:disabled)");
    (wanted ?? fallback ?? addRef.current)?.focus();
    setFocusNext(null);
  }, [focusNext]);

  function move(index: number, by: -1 | 1) {
    const personId = participants[index];
    const target = index + by;
    if (personId === undefined || target < 0 || target >= participants.length) return;
    const next = [...participants];
    next.splice(index, 1);
    next.splice(target, 0, personId);
    onChange(next);
    setSaid(`${nameOf(personId)} moved to number ${target + 1} of ${next.length}.`);
    setFocusNext({ personId, action: by < 0 ? "up" : "down" });
  }

  function remove(index: number) {
    const personId = participants[index];
    if (personId === undefined) return;
    const next = participants.filter((_, i) => i !== index);
    onChange(next);
    setSaid(`${nameOf(personId)} removed from the rotation.`);
    const neighbour = next[Math.min(index, next.length - 1)];
    if (neighbour) setFocusNext({ personId: neighbour, action: "remove" });
    else addRef.current?.focus();
  }

  function add() {
    if (!adding) return;
    onChange([...participants, adding]);
    setSaid(`${nameOf(adding)} added as number ${participants.length + 1}.`);
    setAdding("");
  }

  return (
    <fieldset className="field participants" aria-describedby="participants-hint participants-error">
      <legend>Participants, in turn order</legend>
      <span className="hint" id="participants-hint">
        Turns go down the list and start again at the top.
      </span>
      {participants.length === 0 ? (
        <p className="stat-note">Nobody yet: add people below.</p>
      ) : (
        <ol className="participant-list" ref={listRef}>
          {participants.map((personId, index) => {
            const name = nameOf(personId);
            return (
              <li key={personId} data-participant={personId}>
                <span className="participant-position" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="participant-name">
                  {name}
                  <span className="participant-zone">{byId.get(personId)?.timeZone}</span>
                </span>
                <span className="participant-actions">
                  <button
                    type="button"
                    className="icon-button small"
                    data-action="up"
                    disabled={disabled || index === 0}
                    onClick={() => move(index, -1)}
                  >
                    <span aria-hidden="true">↑</span>
                    <span className="visually-hidden">Move {name} up</span>
                  </button>
                  <button
                    type="button"
                    className="icon-button small"
                    data-action="down"
                    disabled={disabled || index === participants.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    <span aria-hidden="true">↓</span>
                    <span className="visually-hidden">Move {name} down</span>
                  </button>
                  <button
                    type="button"
                    className="link-button danger"
                    data-action="remove"
                    disabled={disabled}
                    onClick={() => remove(index)}
                  >
                    Remove<span className="visually-hidden"> {name}</span>
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <div className="input-with-button participant-add">
        <label htmlFor="participant-add" className="visually-hidden">
          Add a participant
        </label>
        <select
          id="participant-add"
          ref={addRef}
          value={adding}
          onChange={(event) => setAdding(event.target.value)}
          disabled={disabled || available.length === 0}
        >
          <option value="">{available.length === 0 ? "Everyone in the team takes part" : "Add a participant…"}</option>
          {available.map((m) => (
            <option key={m.personId} value={m.personId}>
              {m.name} ({m.timeZone})
            </option>
          ))}
        </select>
        <button type="button" className="button secondary" onClick={add} disabled={disabled || !adding}>
          Add
        </button>
      </div>
      <FieldError id="participants-error" messages={errors} />
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
    </fieldset>
  );
}
