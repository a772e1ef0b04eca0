"use client";

import type { FormEvent } from "react";
import { formatPercent } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import { SettingNumberField } from "./setting-number-field";
import { TeamSettingForm } from "./team-setting-form";
import { useUndoableTeamSetting } from "./use-undoable-team-setting";

interface Caps {
  toilCap: number;
  onCallCap: number;
}

/** "40" (a percentage as typed) to 0.4; blank reads as 0, which the server refuses naming the field. */
function shareOf(percent: FormDataEntryValue | null): number {
  const share = Number(String(percent ?? "").trim()) / 100;
  return Number.isFinite(share) ? share : 0;
}

/** The team's caps, as percentages of worked time; a change can be undone from the note it leaves. */
export function TeamCapsForm({ teamId, caps }: { teamId: string; caps: Caps }) {
  const trpc = useTRPC();
  const { saved, formKey, errors, pending, failure, save, undo } = useUndoableTeamSetting(
    { teamId, ...caps },
    (handlers) => trpc.teams.updateCaps.mutationOptions(handlers),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const after = { toilCap: shareOf(form.get("toilCap")), onCallCap: shareOf(form.get("onCallCap")) };
    save({ teamId, ...after });
  }

  return (
    <TeamSettingForm
      formKey={formKey}
      onSubmit={onSubmit}
      notice={
        saved && (
          <div
            className="alert ok"
            role="status"
            style={{ display: "flex", gap: "0.6rem", alignItems: "center", flexWrap: "wrap" }}
          >
            <span>
              Caps now {formatPercent(saved.after.toilCap)} toil and {formatPercent(saved.after.onCallCap)} on call;
              shares are checked against them from now on.
            </span>
            <button type="button" className="button secondary small" disabled={pending} onClick={undo}>
              Undo
            </button>
          </div>
        )
      }
      failure={failure}
      pending={pending}
      saveLabel="Save caps"
    >
      <SettingNumberField
        id="toil-cap"
        name="toilCap"
        label="Toil cap (%)"
        hint="Most of a week that may go to toil."
        errors={errors.toilCap}
        min={5}
        max={100}
        defaultValue={Math.round(caps.toilCap * 100)}
        inputMode="decimal"
      />
      <SettingNumberField
        id="on-call-cap"
        name="onCallCap"
        label="On-call cap (%)"
        hint="Most of a week on duty."
        errors={errors.onCallCap}
        min={5}
        max={100}
        defaultValue={Math.round(caps.onCallCap * 100)}
        inputMode="decimal"
      />
    </TeamSettingForm>
  );
}
