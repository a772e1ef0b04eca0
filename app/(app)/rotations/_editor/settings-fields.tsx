"use client";

import { useMemo } from "react";
import type { FieldErrors } from "@/app/_lib/field-errors";
import { weekdayName } from "@/app/_lib/format";
import { FieldError } from "@/app/_components/field-error";
import { ROLE_LABEL, ROLES } from "@/app/_components/rotations/roles";
import type { RotationRole } from "@/app/_components/rotations/types";
import type { RotationForm, ShiftUnit } from "./form-state";

const UNITS: ReadonlyArray<[ShiftUnit, string]> = [
  ["hours", "hours"],
  ["days", "days"],
  ["weeks", "weeks"],
  ["months", "months"],
];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

const ROLE_HINT: Record<RotationRole, string> = {
  primary: "Carries the pager first; counts toward the 25% on-call cap.",
  secondary: "Backs up the primary; counts toward the 25% on-call cap.",
  ticket: "Works the ticket queue; interrupt time, not on-call.",
  shadow: "Learns alongside; not counted as duty.",
};

/** Every IANA zone the browser knows, for the time zone field's suggestions. */
function useZones(): string[] {
  return useMemo(() => (typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []), []);
}

export interface FieldProps {
  form: RotationForm;
  errors: FieldErrors;
  update: (patch: Partial<RotationForm>) => void;
}

/** Name, role, zone, shift length, hand-off and first day. */
export function SettingsFields({ form, errors, update }: FieldProps) {
  const zones = useZones();
  const invalid = (field: string) => (errors[field] ? true : undefined);
  return (
    <>
      <div className="field">
        <label htmlFor="rotation-name">Name</label>
        <input
          id="rotation-name"
          value={form.name}
          onChange={(event) => update({ name: event.target.value })}
          aria-invalid={invalid("name")}
          aria-describedby="rotation-name-error"
          placeholder="Weekend pager"
          autoComplete="off"
        />
        <FieldError id="rotation-name-error" messages={errors.name} />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor="rotation-role">Role</label>
          <select
            id="rotation-role"
            value={form.role}
            onChange={(event) => update({ role: event.target.value as RotationRole })}
            aria-invalid={invalid("role")}
            aria-describedby="rotation-role-hint rotation-role-error"
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABEL[role]}
              </option>
            ))}
          </select>
          <span className="hint" id="rotation-role-hint">
            {ROLE_HINT[form.role]}
          </span>
          <FieldError id="rotation-role-error" messages={errors.role} />
        </div>
        <div className="field">
          <label htmlFor="rotation-zone">Time zone</label>
          <input
            id="rotation-zone"
            list="rotation-zones"
            value={form.timeZone}
            onChange={(event) => update({ timeZone: event.target.value })}
            aria-invalid={invalid("timeZone")}
            aria-describedby="rotation-zone-hint rotation-zone-error"
            autoComplete="off"
          />
          <datalist id="rotation-zones">
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <span className="hint" id="rotation-zone-hint">
            Hand-offs keep this wall clock across daylight saving.
          </span>
          <FieldError id="rotation-zone-error" messages={errors.timeZone} />
        </div>
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor="rotation-shift-count">Shift length</label>
          <div className="input-with-button">
            <input
              id="rotation-shift-count"
              type="number"
              inputMode="numeric"
              min={1}
              value={form.shiftCount}
              onChange={(event) => update({ shiftCount: event.target.value })}
              aria-invalid={invalid("shiftCount")}
              aria-describedby="rotation-shift-count-error"
              className="short-number"
            />
            <label htmlFor="rotation-shift-unit" className="visually-hidden">
              Shift unit
            </label>
            <select
              id="rotation-shift-unit"
              value={form.shiftUnit}
              onChange={(event) => update({ shiftUnit: event.target.value as ShiftUnit })}
              aria-invalid={invalid("shiftUnit")}
            >
              {UNITS.map(([unit, label]) => (
                <option key={unit} value={unit}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <FieldError id="rotation-shift-count-error" messages={errors.shiftCount ?? errors.shiftUnit} />
        </div>
        <div className="field">
          <label htmlFor="rotation-starts-on">First day</label>
          <input
            id="rotation-starts-on"
            type="date"
            value={form.startsOn}
            onChange={(event) => update({ startsOn: event.target.value })}
            aria-invalid={invalid("startsOn")}
            aria-describedby="rotation-starts-on-hint rotation-starts-on-error"
          />
          <span className="hint" id="rotation-starts-on-hint">
            The first hand-off is on or after this day.
          </span>
          <FieldError id="rotation-starts-on-error" messages={errors.startsOn} />
        </div>
      </div>
      <div className="row">
        {form.shiftUnit !== "hours" && form.shiftUnit !== "months" && (
          <div className="field">
            <label htmlFor="rotation-handoff-day">
              {form.shiftUnit === "weeks" ? "Hand-off day" : "First hand-off day"}
            </label>
            <select
              id="rotation-handoff-day"
              value={form.handoffWeekday}
              onChange={(event) => update({ handoffWeekday: Number(event.target.value) })}
              aria-invalid={invalid("handoffWeekday")}
              aria-describedby="rotation-handoff-day-error"
            >
              {WEEKDAYS.map((day) => (
                <option key={day} value={day}>
                  {weekdayName(day)}
                </option>
              ))}
            </select>
            <FieldError id="rotation-handoff-day-error" messages={errors.handoffWeekday} />
          </div>
        )}
        <div className="field">
          <label htmlFor="rotation-handoff-time">Hand-off time</label>
          <input
            id="rotation-handoff-time"
            type="time"
            value={form.handoffTime}
            onChange={(event) => update({ handoffTime: event.target.value })}
            aria-invalid={invalid("handoffMinute")}
            aria-describedby="rotation-handoff-time-error"
          />
          <FieldError id="rotation-handoff-time-error" messages={errors.handoffMinute} />
        </div>
      </div>
    </>
  );
}
