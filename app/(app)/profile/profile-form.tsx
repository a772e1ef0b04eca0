"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { z } from "zod";
import { profileInput } from "@/server/schemas/work-log";
import { type FieldErrors, fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { clockTime, weekdayName } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import { Field } from "@/app/_components/field";
import { FieldError } from "@/app/_components/field-error";
import { TimeZoneInput, useBrowserZone } from "@/app/_components/time-zone-input";
import type { Profile } from "@/app/_components/work/types";

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function minuteOf(clock: string): number {
  const [h, m] = clock.split(":").map(Number);
  return h === undefined || m === undefined || Number.isNaN(h) || Number.isNaN(m) ? Number.NaN : h * 60 + m;
}

export function ProfileForm({ initial }: { initial: Profile }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const browserZone = useBrowserZone();
  const [workDays, setWorkDays] = useState<number[]>(initial.workDays);
  const [start, setStart] = useState(clockTime(initial.workStartMinute));
  const [end, setEnd] = useState(clockTime(initial.workEndMinute));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const update = useMutation(
    trpc.profile.update.mutationOptions({
      onSuccess: (profile) => {
        setSaved(
          `Saved. Your week now runs ${clockTime(profile.workStartMinute)}–${clockTime(profile.workEndMinute)} in ${profile.timeZone}.`,
        );
        router.refresh();
      },
      onError: (error) => setErrors(fieldErrorsOf(error)),
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const input = { timeZone, workDays, workStartMinute: minuteOf(start), workEndMinute: minuteOf(end) };
    const parsed = profileInput.safeParse(input);
    if (!parsed.success) {
      setErrors(z.flattenError(parsed.error).fieldErrors);
      return;
    }
    setErrors({});
    update.mutate(input);
  }

  const hours = (minuteOf(end) - minuteOf(start)) / 60;
  const weekly = Number.isFinite(hours) && hours > 0 ? Math.round(hours * workDays.length * 10) / 10 : null;
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {saved && (
        <div className="alert ok" role="status">
          {saved}
        </div>
      )}
      {update.error && Object.keys(fieldErrorsOf(update.error)).length === 0 && (
        <div className="alert error" role="alert">
          {messageOf(update.error)}
        </div>
      )}
      <fieldset className="stack" disabled={update.isPending}>
        <Field
          id="profile-zone"
          label="Time zone"
          hint="Type to search, such as Europe/Berlin; days and weeks are counted on this wall clock."
          errors={errors.timeZone}
        >
          {(control) => <TimeZoneInput control={control} value={timeZone} onChange={setTimeZone} />}
        </Field>
        {browserZone && browserZone !== timeZone && (
          <div>
            <button type="button" className="button secondary small" onClick={() => setTimeZone(browserZone)}>
              Use this browser&apos;s zone ({browserZone})
            </button>
          </div>
        )}
        <fieldset className="field" aria-describedby="profile-days-error">
          <legend>Working days</legend>
          <div className="checks day-checks">
            {DAYS.map((day) => (
              <label key={day}>
                <input
                  type="checkbox"
                  aria-label={weekdayName(day)}
                  checked={workDays.includes(day)}
                  onChange={(event) =>
                    setWorkDays((current) =>
                      event.target.checked ? [...current, day].sort() : current.filter((d) => d !== day),
                    )
                  }
                />
                <span aria-hidden="true">{weekdayName(day).slice(0, 3)}</span>
              </label>
            ))}
          </div>
          <FieldError id="profile-days-error" messages={errors.workDays} />
        </fieldset>
        <div className="row">
          <Field id="profile-start" label="Workday starts" errors={errors.workStartMinute}>
            {(control) => (
              <input {...control} type="time" value={start} onChange={(event) => setStart(event.target.value)} />
            )}
          </Field>
          <Field id="profile-end" label="Workday ends" errors={errors.workEndMinute}>
            {(control) => (
              <input {...control} type="time" value={end} onChange={(event) => setEnd(event.target.value)} />
            )}
          </Field>
        </div>
        <p className="stat-note">{weekly !== null ? `${weekly} scheduled hours in a full week.` : "\u00a0"}</p>
        <div>
          <button className="button" type="submit">
            {update.isPending ? "Saving…" : "Save"}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
