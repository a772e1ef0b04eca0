"use client";

import type { FormEvent } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { turnsInARowText } from "@/server/domain/duty-load/turns-in-a-row";
import { SettingNumberField } from "./setting-number-field";
import { TeamSettingForm } from "./team-setting-form";
import { useUndoableTeamSetting } from "./use-undoable-team-setting";

interface Thresholds {
  turnsInARow: number;
  loggedOverDuty: number;
  incidentLimit: number;
}

/** A number as typed; blank or not a number reads as NaN, which the server refuses naming the field. */
function numberOf(value: FormDataEntryValue | null): number {
  const text = String(value ?? "").trim();
  return text === "" ? Number.NaN : Number(text);
}

/**
 * When the team's duty rotations are flagged as more than one person can take (docs/duty-load.md); a change can be
 * undone from the note it leaves, and stays in the audit log.
 */
export function OverloadThresholdsForm({ teamId, thresholds }: { teamId: string; thresholds: Thresholds }) {
  const trpc = useTRPC();
  const { saved, formKey, errors, pending, failure, save, undo } = useUndoableTeamSetting(
    { teamId, ...thresholds },
    (handlers) => trpc.teams.updateOverloadThresholds.mutationOptions(handlers),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const after = {
      turnsInARow: numberOf(form.get("turnsInARow")),
      loggedOverDuty: Math.round(numberOf(form.get("loggedOverDuty"))) / 100,
      incidentLimit: numberOf(form.get("incidentLimit")),
    };
    save({ teamId, ...after });
  }

  return (
    <TeamSettingForm
      formKey={formKey}
      onSubmit={onSubmit}
      notice={
        saved && (
          <div className="alert ok" role="status">
            <span>
              Flagged from now on after {turnsInARowText(saved.after.turnsInARow)}.{" "}
              <button type="button" className="button secondary small" disabled={pending} onClick={undo}>
                Undo
              </button>
            </span>
          </div>
        )
      }
      failure={failure}
      pending={pending}
      saveLabel="Save thresholds"
    >
      <SettingNumberField
        id="overload-turns"
        name="turnsInARow"
        label="Turns in a row"
        hint="Ended turns that must all show a sign."
        errors={errors.turnsInARow}
        min={1}
        max={6}
        defaultValue={thresholds.turnsInARow}
        inputMode="numeric"
      />
      <SettingNumberField
        id="overload-logged"
        name="loggedOverDuty"
        label="Interrupt time over (% of duty)"
        hint="Time logged on interrupts above this share of a turn's duty time."
        errors={errors.loggedOverDuty}
        min={25}
        max={500}
        defaultValue={Math.round(thresholds.loggedOverDuty * 100)}
        inputMode="numeric"
      />
      <SettingNumberField
        id="overload-incidents"
        name="incidentLimit"
        label="Incidents per 12 h"
        hint="More than this in one 12-hour window breaks the limit."
        errors={errors.incidentLimit}
        min={0}
        max={20}
        defaultValue={thresholds.incidentLimit}
        inputMode="numeric"
      />
    </TeamSettingForm>
  );
}
