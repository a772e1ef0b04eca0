import type { CSSProperties, ReactNode } from "react";
import { FieldError } from "./field-error";

/** What the control inside a `<Field>` spreads onto itself: its id and the aria wiring to the hint and error. */
export interface FieldControl {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string;
}

/**
 * One form field: the label, the control (an input, select or textarea the caller renders with `control`'s
 * props), an optional hint and the field's error messages, wired so a screen reader reads the hint and the error
 * with the control and announces it invalid.
 */
export function Field({
  id,
  label,
  hint,
  errors,
  className = "field",
  style,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  className?: string;
  style?: CSSProperties;
  children: (control: FieldControl) => ReactNode;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = errors !== undefined && errors.length > 0;
  return (
    <div className={className} style={style}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        "aria-invalid": invalid ? true : undefined,
        "aria-describedby": hint ? `${hintId} ${errorId}` : errorId,
      })}
      {hint && (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      )}
      <FieldError id={errorId} messages={errors} />
    </div>
  );
}

/** A label with its quiet note after it: "Note optional", "Cause (optional)", "Root-cause fix (link, optional)". */
export function noted(label: string, note = "optional"): ReactNode {
  return (
    <>
      {label} <span className="optional">{note}</span>
    </>
  );
}
