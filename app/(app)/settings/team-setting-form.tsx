import type { FormEvent, ReactNode } from "react";

/**
 * The frame of a team setting's form (see useUndoableTeamSetting): the note a save leaves (with its Undo), the
 * refusal that names no field, the fields in a row and the save button. Remounted by `formKey` after a save.
 */
export function TeamSettingForm({
  formKey,
  onSubmit,
  notice,
  failure,
  pending,
  saveLabel,
  children,
}: {
  formKey: number;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  notice: ReactNode;
  failure: string | null;
  pending: boolean;
  saveLabel: string;
  children: ReactNode;
}) {
  return (
    <form className="stack" onSubmit={onSubmit} noValidate key={formKey}>
      {notice}
      {failure && (
        <div className="alert error" role="alert">
          {failure}
        </div>
      )}
      <div className="row">{children}</div>
      <div>
        <button className="button" type="submit" disabled={pending}>
          {saveLabel}
        </button>
      </div>
    </form>
  );
}
