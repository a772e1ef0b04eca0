"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { HANDOFF_NOTE_MAX, handoffBody } from "@/server/schemas/handoffs";
import { fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";
import { FieldError } from "@/app/_components/field-error";
import { instantText, spanText } from "@/app/_components/rotations/spans";
import type { OutgoingHandoffData } from "./types";

/** My note for the shift I am handing off: written, rewritten, or removed with Undo. */
export function HandoffNoteForm({
  teamId,
  zone,
  handoff,
}: {
  teamId: string;
  zone: string;
  handoff: OutgoingHandoffData;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useStatus();
  const [body, setBody] = useState(handoff.note?.body ?? "");
  const [errors, setErrors] = useState<string[] | undefined>(undefined);
  const refresh = () => queryClient.invalidateQueries(trpc.handoffs.pathFilter());
  const next = handoff.next?.holder.name;
  const fieldId = `handoff-${handoff.rotation.id}`;

  const save = useMutation(
    trpc.handoffs.save.mutationOptions({
      onSuccess: (note) => {
        setBody(note.body);
        announce({ text: next ? `Hand-off note saved: ${next} will see it.` : "Hand-off note saved." });
      },
      onError: (failure) => {
        const fields = fieldErrorsOf(failure);
        setErrors(fields.body ?? fields.shiftStartsAt ?? [messageOf(failure)]);
      },
      onSettled: refresh,
    }),
  );
  const restore = useMutation(
    trpc.handoffs.restore.mutationOptions({
      onSuccess: (note) => {
        setBody(note.body);
        announce({ text: "Hand-off note back." });
      },
      onError: (failure) => announce({ text: `Could not undo: ${messageOf(failure)}`, tone: "error" }),
      onSettled: refresh,
    }),
  );
  const remove = useMutation(
    trpc.handoffs.remove.mutationOptions({
      onSuccess: (note) => {
        setBody("");
        announce({
          text: "Hand-off note removed.",
          tone: "info",
          action: { label: "Undo", run: () => restore.mutate({ teamId, noteId: note.id }) },
        });
      },
      onError: (failure) => announce({ text: `Could not remove the note: ${messageOf(failure)}`, tone: "error" }),
      onSettled: refresh,
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = handoffBody.safeParse(body);
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((issue) => issue.message));
      return;
    }
    setErrors(undefined);
    save.mutate({ teamId, rotationId: handoff.rotation.id, shiftStartsAt: handoff.shift.startsAt, body: parsed.data });
  }

  const pending = save.isPending || remove.isPending || restore.isPending;
  return (
    <form
      className="handoff handoff-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={`Your hand-off note for ${handoff.rotation.name}`}
    >
      <h3>
        To {next ?? "whoever is on next"} <span className="stat-note">· {handoff.rotation.name}</span>
      </h3>
      <p className="stat-note" id={`${fieldId}-hint`}>
        {handoff.shift.onNow ? "Your shift" : "Your shift that just ended"}:{" "}
        {spanText(handoff.shift.startsAt, handoff.shift.endsAt, zone)}
        {handoff.next && `; ${next} takes over ${instantText(handoff.next.startsAt, zone)}`}.
      </p>
      <div className="field">
        <label htmlFor={fieldId}>
          Your note<span className="visually-hidden"> on {handoff.rotation.name}</span>
        </label>
        <textarea
          id={fieldId}
          rows={3}
          value={body}
          maxLength={HANDOFF_NOTE_MAX}
          placeholder="What is still burning, what to watch, what you silenced"
          onChange={(event) => setBody(event.target.value)}
          disabled={pending}
          aria-invalid={errors ? true : undefined}
          aria-describedby={`${fieldId}-hint ${fieldId}-error`}
        />
        <FieldError id={`${fieldId}-error`} messages={errors} />
      </div>
      <div className="action-row thumb-actions">
        <button type="submit" className="button small" disabled={pending}>
          {save.isPending ? "Saving…" : handoff.note ? "Update note" : "Save note"}
        </button>
        {handoff.note && (
          <button
            type="button"
            className="button secondary small danger"
            disabled={pending}
            onClick={() => handoff.note && remove.mutate({ teamId, noteId: handoff.note.id })}
          >
            Remove<span className="visually-hidden"> your hand-off note for {handoff.rotation.name}</span>
          </button>
        )}
      </div>
    </form>
  );
}
