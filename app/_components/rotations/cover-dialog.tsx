"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { z } from "zod";
import { addOverrideInput } from "@/server/schemas/rotations";
import { type FieldErrors, fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";
import { Field, noted } from "@/app/_components/field";
import { FieldError } from "@/app/_components/field-error";
import { Modal, ModalHead, ModalSaveFoot } from "@/app/_components/modal";
import { fromLocalInput, toLocalInput } from "@/app/_components/work/datetime";
import { spanText } from "./spans";
import type { ScheduleRotation, TeamMember } from "./types";
import { useRotationsRefresh } from "./use-rotations-refresh";

export interface CoverDefaults {
  rotationId: string;
  /** Empty when the planner is to choose who covers. */
  personId: string;
  /** Empty: the cover takes whoever is on duty. */
  replacesPersonId: string;
  startsAt: Date;
  endsAt: Date;
}

interface CoverForm {
  rotationId: string;
  personId: string;
  replacesPersonId: string;
  from: string;
  to: string;
  note: string;
}

/** The input field each form field sends, so a message is cleared from the field it is shown at. */
const FIELD_OF: Record<keyof CoverForm, string> = {
  rotationId: "rotationId",
  personId: "personId",
  replacesPersonId: "replacesPersonId",
  from: "startsAt",
  to: "endsAt",
  note: "note",
};

const formOf = (defaults: CoverDefaults, zone: string): CoverForm => ({
  rotationId: defaults.rotationId,
  personId: defaults.personId,
  replacesPersonId: defaults.replacesPersonId,
  from: toLocalInput(defaults.startsAt, zone),
  to: toLocalInput(defaults.endsAt, zone),
  note: "",
});

/** "Add a cover": someone takes a window of a rotation's duty, for one person or for whoever holds it. */
export function CoverDialog({
  teamId,
  zone,
  members,
  rotations,
  defaults,
  onClose,
}: {
  teamId: string;
  zone: string;
  members: TeamMember[];
  rotations: ScheduleRotation[];
  defaults: CoverDefaults | null;
  onClose: () => void;
}) {
  return (
    <Modal open={defaults !== null} onClose={onClose} labelledBy="cover-title" className="small-dialog">
      {defaults && (
        <CoverForm
          key={JSON.stringify(defaults)}
          teamId={teamId}
          zone={zone}
          members={members}
          rotations={rotations}
          defaults={defaults}
          onDone={onClose}
        />
      )}
    </Modal>
  );
}

function CoverForm({
  teamId,
  zone,
  members,
  rotations,
  defaults,
  onDone,
}: {
  teamId: string;
  zone: string;
  members: TeamMember[];
  rotations: ScheduleRotation[];
  defaults: CoverDefaults;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const announce = useStatus();
  const refresh = useRotationsRefresh();
  const [form, setForm] = useState<CoverForm>(() => formOf(defaults, zone));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const add = useMutation(trpc.rotations.addOverride.mutationOptions());
  const update = (patch: Partial<CoverForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    // A field's message goes once the field changes; the next save checks again.
    setErrors((current) => {
      const touched = Object.keys(patch).map((key) => FIELD_OF[key as keyof CoverForm]);
      return Object.fromEntries(Object.entries(current).filter(([field]) => !touched.includes(field)));
    });
  };
  const invalid = (field: string) => (errors[field] ? true : undefined);
  const nameOf = (personId: string) => members.find((m) => m.personId === personId)?.name ?? "Someone";
  const rotation = rotations.find((r) => r.id === form.rotationId);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = {
      teamId,
      rotationId: form.rotationId,
      personId: form.personId,
      replacesPersonId: form.replacesPersonId || null,
      startsAt: fromLocalInput(form.from, zone) ?? new Date(Number.NaN),
      endsAt: fromLocalInput(form.to, zone) ?? new Date(Number.NaN),
      note: form.note.trim() || null,
    };
    const parsed = addOverrideInput.safeParse(input);
    if (!parsed.success) {
      const fields = z.flattenError(parsed.error).fieldErrors;
      // An empty select reads better as a request than as "must be an id".
      if (!form.personId) fields.personId = ["Choose who covers"];
      setErrors(fields);
      return;
    }
    setErrors({});
    setFailure(null);
    try {
      const result = await add.mutateAsync(input);
      const whom = input.replacesPersonId ? nameOf(input.replacesPersonId) : "whoever is on duty";
      const leave = result.warnings.map((w) => w.message).join(" ");
      announce({
        text: `Cover added: ${nameOf(input.personId)} covers ${whom} on ${rotation?.name ?? "the rotation"}, ${spanText(result.override.startsAt, result.override.endsAt, zone)}.${leave ? ` ${leave}` : ""}`,
        tone: leave ? "info" : "ok",
      });
      await refresh();
      onDone();
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields);
      setFailure(Object.keys(fields).length === 0 ? messageOf(error) : null);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <ModalHead titleId="cover-title" onClose={onDone}>
        Add a cover
      </ModalHead>
      <div className="modal-body">
        {failure && (
          <div className="alert error" role="alert">
            {failure}
          </div>
        )}
        <fieldset className="entry-fields" disabled={add.isPending}>
          {rotations.length > 1 ? (
            <Field id="cover-rotation" label="Rotation" errors={errors.rotationId}>
              {(control) => (
                <select
                  {...control}
                  value={form.rotationId}
                  onChange={(event) => update({ rotationId: event.target.value })}
                >
                  {rotations.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : (
            <p className="stat-note">Rotation: {rotation?.name}</p>
          )}
          <Field id="cover-person" label="Who covers" errors={errors.personId}>
            {(control) => (
              <select
                {...control}
                data-autofocus
                value={form.personId}
                onChange={(event) => update({ personId: event.target.value })}
              >
                <option value="">Choose someone…</option>
                {members
                  .filter((m) => m.personId !== form.replacesPersonId)
                  .map((m) => (
                    <option key={m.personId} value={m.personId}>
                      {m.name}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Field id="cover-replaces" label="Covering for" errors={errors.replacesPersonId}>
            {(control) => (
              <select
                {...control}
                value={form.replacesPersonId}
                onChange={(event) => update({ replacesPersonId: event.target.value })}
              >
                <option value="">Whoever is on duty</option>
                {members.map((m) => (
                  <option key={m.personId} value={m.personId}>
                    {m.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="row">
            <div className="field">
              <label htmlFor="cover-from">From</label>
              <input
                id="cover-from"
                type="datetime-local"
                value={form.from}
                onChange={(event) => update({ from: event.target.value })}
                aria-invalid={invalid("startsAt")}
                aria-describedby="cover-zone-hint cover-from-error"
              />
              <FieldError id="cover-from-error" messages={errors.startsAt} />
            </div>
            <div className="field">
              <label htmlFor="cover-to">To</label>
              <input
                id="cover-to"
                type="datetime-local"
                value={form.to}
                onChange={(event) => update({ to: event.target.value })}
                aria-invalid={invalid("endsAt")}
                aria-describedby="cover-zone-hint cover-to-error"
              />
              <FieldError id="cover-to-error" messages={errors.endsAt} />
            </div>
          </div>
          <p className="stat-note" id="cover-zone-hint">
            Times in {zone}. A cover replaces duty only: outside the rotation&apos;s shifts it adds nothing.
          </p>
          <Field id="cover-note" label={noted("Note")} errors={errors.note}>
            {(control) => (
              <input
                {...control}
                value={form.note}
                onChange={(event) => update({ note: event.target.value })}
                placeholder="Covering while Priya speaks at SREcon"
              />
            )}
          </Field>
        </fieldset>
      </div>
      <ModalSaveFoot label="Add cover" pending={add.isPending} onCancel={onDone} />
    </form>
  );
}
