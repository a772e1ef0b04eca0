"use client";

import { FieldError } from "@/app/_components/field-error";
import type { FieldErrors } from "@/app/_lib/field-errors";
import type { TeamMember } from "@/app/_components/rotations/types";
import type { RotationForm } from "./form-state";

/**
 * Who holds the turn in progress and who takes the next one. Left alone, an edit keeps whoever is on duty
 * (unless they are removed) and the turns after follow the list; the preview shows the turns before and after.
 */
export function TurnChoiceFields({
  members,
  form,
  errors,
  update,
  saved,
}: {
  members: TeamMember[];
  form: RotationForm;
  errors: FieldErrors;
  update: (patch: Partial<RotationForm>) => void;
  saved: boolean;
}) {
  const nameOf = (personId: string) => members.find((m) => m.personId === personId)?.name ?? "Former member";
  const options = form.participants.map((personId) => (
    <option key={personId} value={personId}>
      {nameOf(personId)}
    </option>
  ));
  return (
    <fieldset className="field turn-choice" aria-describedby="turn-choice-hint">
      <legend>Who is on duty</legend>
      <span className="hint" id="turn-choice-hint">
        {saved
          ? "Editing participants keeps whoever is on duty now unless you remove them. Choose here to hand over now."
          : "The first turn goes to the first person in the list unless you choose."}
      </span>
      <div className="field">
        <label htmlFor="turn-on-duty-now">{saved ? "On duty now" : "First on duty"}</label>
        <select
          id="turn-on-duty-now"
          value={form.onDutyNow}
          aria-describedby="onDutyNow-error"
          aria-invalid={errors.onDutyNow ? true : undefined}
          onChange={(event) => update({ onDutyNow: event.target.value })}
        >
          <option value="">{saved ? "Keep who is on duty" : "First in the list"}</option>
          {options}
        </select>
        <FieldError id="onDutyNow-error" messages={errors.onDutyNow} />
      </div>
      <div className="field">
        <label htmlFor="turn-next-up">Next up</label>
        <select
          id="turn-next-up"
          value={form.nextUp}
          aria-describedby="nextUp-error"
          aria-invalid={errors.nextUp ? true : undefined}
          onChange={(event) => update({ nextUp: event.target.value })}
        >
          <option value="">Follow the list</option>
          {options}
        </select>
        <FieldError id="nextUp-error" messages={errors.nextUp} />
      </div>
    </fieldset>
  );
}
