import { ROLE_SHORT } from "./roles";
import type { RotationRole } from "./types";

/**
 * A role as a coloured, patterned chip with its letter (P, S, T, Sh), so it reads without colour. Marks: ⇄ a
 * cover or swap, ! during the holder's leave. `spoken` is what a screen reader hears instead of the marks.
 */
export function RoleChip({
  role,
  when,
  cover = false,
  onLeave = false,
  past = false,
  spoken,
  title,
}: {
  role: RotationRole;
  when?: string;
  cover?: boolean;
  onLeave?: boolean;
  past?: boolean;
  spoken: string;
  title?: string;
}) {
  const classes = ["chip", `role-${role}`, cover ? "is-cover" : "", onLeave ? "on-leave" : "", past ? "is-past" : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <span className={classes} title={title ?? spoken}>
      <span className="chip-role" aria-hidden="true">
        {ROLE_SHORT[role]}
      </span>
      {when && (
        <span className="chip-when" aria-hidden="true">
          {when}
        </span>
      )}
      {cover && (
        <span className="chip-mark" aria-hidden="true">
          ⇄
        </span>
      )}
      {onLeave && (
        <span className="chip-mark leave-mark" aria-hidden="true">
          !
        </span>
      )}
      <span className="visually-hidden">{spoken}</span>
    </span>
  );
}

const LEGEND_ROLES: ReadonlyArray<[RotationRole, string]> = [
  ["primary", "Primary on-call"],
  ["secondary", "Secondary on-call"],
  ["ticket", "Ticket duty"],
  ["shadow", "Shadow (not duty)"],
];

/** The key to the grid's colours, patterns and marks; cells speak whole sentences, so the samples are hidden. */
export function GridLegend() {
  return (
    <ul className="grid-legend" aria-label="Key to the schedule">
      {LEGEND_ROLES.map(([role, label]) => (
        <li key={role}>
          <span aria-hidden="true">
            <RoleChip role={role} spoken="" title={label} />
          </span>
          {label}
        </li>
      ))}
      <li>
        <span className="chip-mark legend-mark" aria-hidden="true">
          ⇄
        </span>
        cover or swap
      </li>
      <li>
        <span className="chip-mark leave-mark legend-mark" aria-hidden="true">
          !
        </span>
        during their leave
      </li>
    </ul>
  );
}
