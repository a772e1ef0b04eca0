import type { RotationForm } from "./form-state";

const FIELD_LABEL: Record<keyof RotationForm, string> = {
  name: "name",
  role: "role",
  timeZone: "time zone",
  shiftUnit: "shift unit",
  shiftCount: "shift length",
  handoffWeekday: "hand-off day",
  handoffTime: "hand-off time",
  startsOn: "first day",
  endsOn: "end date",
  dutyPreset: "duty windows",
  windows: "duty windows",
  participants: "participants",
  onDutyNow: "who is on duty",
  nextUp: "who is next",
};

/** The fields whose saved value moved from what this editor opened: what the other planner changed. */
export function changedFields(opened: RotationForm, theirs: RotationForm): string[] {
  const keys = Object.keys(FIELD_LABEL) as Array<keyof RotationForm>;
  const changed = keys.filter((key) => JSON.stringify(opened[key]) !== JSON.stringify(theirs[key]));
  return [...new Set(changed.map((key) => FIELD_LABEL[key]))];
}

/**
 * A concurrent save: nothing of this planner's was saved, and nothing of it is lost. They choose to save over
 * the other version (knowing what it changed) or to load it and drop their own edits.
 */
export function ConflictAlert({
  theirs,
  busy,
  onOverwrite,
  onLoadTheirs,
}: {
  theirs: { version: number; changed: string[] } | null;
  busy: boolean;
  onOverwrite: () => void;
  onLoadTheirs: () => void;
}) {
  return (
    <div className="alert error conflict" role="alert">
      <p>
        <strong>Not saved: someone else saved this rotation after you opened it.</strong> Your changes are still in the
        form.
      </p>
      {theirs && (
        <p>
          {theirs.changed.length > 0
            ? `Their version (${theirs.version}) changed: ${theirs.changed.join(", ")}.`
            : `Their version (${theirs.version}) has the same settings as the one you opened.`}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="button small" onClick={onOverwrite} disabled={busy || !theirs}>
          Save mine over theirs
        </button>
        <button type="button" className="button secondary small" onClick={onLoadTheirs} disabled={busy || !theirs}>
          Discard mine, load theirs
        </button>
      </div>
    </div>
  );
}
