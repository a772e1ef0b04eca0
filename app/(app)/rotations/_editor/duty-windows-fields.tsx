"use client";

import { clockTime, weekdayName } from "@/app/_lib/format";
import { FieldError } from "@/app/_components/field-error";
import { DUTY_PRESETS, type DutyPreset } from "@/app/_components/rotations/duty-windows";
import { MAX_DUTY_WINDOWS } from "@/server/schemas/rotations";
import { addedWindowRow, minuteOf, type WindowRow, windowErrorKey } from "./form-state";
import type { FieldProps } from "./settings-fields";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

const CHOICES: ReadonlyArray<{ preset: DutyPreset; label: string; hint: string }> = [
  ...DUTY_PRESETS.map(({ preset, label, hint }) => ({ preset, label, hint })),
  {
    preset: "custom",
    label: "Custom windows",
    hint: "Pick days and times; a window that ends at or before its start runs into the next day.",
  },
];

/** One custom window: the days it starts on, from and to; removing it is one button. */
function WindowRowFields({
  row,
  index,
  count,
  errors,
  change,
  remove,
}: {
  row: WindowRow;
  index: number;
  count: number;
  errors: FieldProps["errors"];
  change: (row: WindowRow) => void;
  remove: () => void;
}) {
  const id = `duty-window-${index}`;
  const crosses = minuteOf(row.to) <= minuteOf(row.from);
  const rowErrors = errors[windowErrorKey(index)];
  const toggleDay = (day: number, on: boolean) =>
    change({
      ...row,
      days: on ? [...new Set([...row.days, day])].sort((a, b) => a - b) : row.days.filter((d) => d !== day),
    });
  return (
    <li>
      <fieldset className="duty-window" aria-describedby={`${id}-error`}>
        <legend>Window {index + 1}</legend>
        <div
          className="checks day-checks"
          role="group"
          aria-label={`Window ${index + 1} days`}
          aria-describedby={`${id}-days-error`}
        >
          {WEEKDAYS.map((day) => (
            <label key={day}>
              <input
                type="checkbox"
                aria-label={`Window ${index + 1} ${weekdayName(day)}`}
                checked={row.days.includes(day)}
                onChange={(event) => toggleDay(day, event.target.checked)}
              />
              <span aria-hidden="true">{weekdayName(day).slice(0, 3)}</span>
            </label>
          ))}
        </div>
        <FieldError id={`${id}-days-error`} messages={errors[windowErrorKey(index, "days")]} />
        <div className="row duty-window-times">
          <div className="field">
            <label htmlFor={`${id}-from`}>From</label>
            <input
              id={`${id}-from`}
              type="time"
              value={row.from}
              onChange={(event) => change({ ...row, from: event.target.value })}
              aria-invalid={errors[windowErrorKey(index, "startMinute")] ? true : undefined}
              aria-describedby={`${id}-from-error`}
            />
            <FieldError id={`${id}-from-error`} messages={errors[windowErrorKey(index, "startMinute")]} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>To</label>
            <input
              id={`${id}-to`}
              type="time"
              value={row.to}
              onChange={(event) => change({ ...row, to: event.target.value })}
              aria-invalid={errors[windowErrorKey(index, "endMinute")] ? true : undefined}
              aria-describedby={`${id}-to-hint ${id}-to-error`}
            />
            <span className="hint" id={`${id}-to-hint`}>
              {crosses && !Number.isNaN(minuteOf(row.to)) ? `${clockTime(minuteOf(row.to))} the next day` : "\u00a0"}
            </span>
            <FieldError id={`${id}-to-error`} messages={errors[windowErrorKey(index, "endMinute")]} />
          </div>
        </div>
        <FieldError id={`${id}-error`} messages={rowErrors} />
        {count > 1 && (
          <button type="button" className="button secondary small" onClick={remove}>
            Remove window {index + 1}
          </button>
        )}
      </fieldset>
    </li>
  );
}

/** When the rotation holds duty (all the time, a named pattern or the planner's own weekly windows) and when it ends. */
export function DutyWindowsFields({ form, errors, update }: FieldProps) {
  const setRow = (index: number, row: WindowRow) =>
    update({ windows: form.windows.map((r, i) => (i === index ? row : r)) });
  return (
    <div className="duty-windows">
      <fieldset className="field" aria-describedby="duty-preset-hint duty-windows-error">
        <legend>Duty windows</legend>
        <div className="checks duty-presets">
          {CHOICES.map((choice) => (
            <label key={choice.preset}>
              <input
                type="radio"
                name="duty-preset"
                value={choice.preset}
                checked={form.dutyPreset === choice.preset}
                onChange={() => update({ dutyPreset: choice.preset })}
              />
              {choice.label}
            </label>
          ))}
        </div>
        <span className="hint" id="duty-preset-hint">
          {CHOICES.find((c) => c.preset === form.dutyPreset)?.hint} Times are on the rotation&apos;s time zone; outside
          them nobody is on duty and no turn is used up.
        </span>
        <FieldError id="duty-windows-error" messages={errors.dutyWindows} />
      </fieldset>
      {form.dutyPreset === "custom" && (
        <div className="duty-windows">
          <ol className="duty-window-list">
            {form.windows.map((row, index) => (
              <WindowRowFields
                key={row.key}
                row={row}
                index={index}
                count={form.windows.length}
                errors={errors}
                change={(next) => setRow(index, next)}
                remove={() => update({ windows: form.windows.filter((_, i) => i !== index) })}
              />
            ))}
          </ol>
          {form.windows.length < MAX_DUTY_WINDOWS && (
            <button
              type="button"
              className="button secondary small"
              onClick={() => update({ windows: [...form.windows, addedWindowRow()] })}
            >
              Add a window
            </button>
          )}
        </div>
      )}
      <div className="field">
        <label htmlFor="rotation-ends-on">
          Last day <span className="optional">(optional)</span>
        </label>
        <input
          id="rotation-ends-on"
          type="date"
          value={form.endsOn}
          onChange={(event) => update({ endsOn: event.target.value })}
          aria-invalid={errors.endsOn ? true : undefined}
          aria-describedby="rotation-ends-on-hint rotation-ends-on-error"
        />
        <span className="hint" id="rotation-ends-on-hint">
          Duty stops on this day at the hand-off time ({form.handoffTime || "--:--"}). Leave empty to keep going.
        </span>
        <FieldError id="rotation-ends-on-error" messages={errors.endsOn} />
      </div>
    </div>
  );
}
