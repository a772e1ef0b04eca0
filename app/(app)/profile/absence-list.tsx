"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Field, noted } from "@/app/_components/field";
import { DateTime } from "luxon";
import { type FormEvent, useState } from "react";
import { z } from "zod";
import { absenceInput } from "@/server/schemas/work-log";
import { type FieldErrors, fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";
import { endOfDateInput, startOfDateInput } from "@/app/_components/work/datetime";
import type { Absence } from "@/app/_components/work/types";

const KINDS = ["leave", "holiday", "sick", "other"] as const;
type Kind = (typeof KINDS)[number];

function daysText(absence: Absence, zone: string): string {
  const first = DateTime.fromJSDate(absence.startsAt, { zone });
  const last = DateTime.fromJSDate(new Date(absence.endsAt.getTime() - 1), { zone });
  const wholeDays = first.hour === 0 && first.minute === 0 && DateTime.fromJSDate(absence.endsAt, { zone }).hour === 0;
  if (!wholeDays)
    return `${first.toFormat("ccc d LLL yyyy, HH:mm")} – ${DateTime.fromJSDate(absence.endsAt, { zone }).toFormat("ccc d LLL yyyy, HH:mm")}`;
  return first.hasSame(last, "day")
    ? first.toFormat("ccc d LLL yyyy")
    : `${first.toFormat("ccc d LLL")} – ${last.toFormat("ccc d LLL yyyy")}`;
}

/** Absences (leave, holidays) that take time out of the schedule; removing one offers Undo. */
export function AbsenceList({ initial, timeZone }: { initial: Absence[]; timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useStatus();
  const { data: absences } = useQuery(trpc.profile.absences.queryOptions(undefined, { initialData: initial }));
  const [kind, setKind] = useState<Kind>("leave");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.profile.absences.pathFilter()),
      queryClient.invalidateQueries(trpc.share.pathFilter()),
    ]);

  const add = useMutation(
    trpc.profile.addAbsence.mutationOptions({
      onSuccess: (absence) => {
        announce({ text: `Absence added: ${daysText(absence, timeZone)}.` });
        setFrom("");
        setTo("");
        setNote("");
      },
      onError: (error) => setErrors(fieldErrorsOf(error)),
      onSettled: refresh,
    }),
  );
  const restore = useMutation(
    trpc.profile.restoreAbsence.mutationOptions({
      onSuccess: () => announce({ text: "Absence restored." }),
      onError: (error) => announce({ text: `Could not restore: ${messageOf(error)}`, tone: "error" }),
      onSettled: refresh,
    }),
  );
  const remove = useMutation(
    trpc.profile.removeAbsence.mutationOptions({
      onMutate: async ({ id }) => {
        const key = trpc.profile.absences.queryKey();
        await queryClient.cancelQueries({ queryKey: key });
        const before = queryClient.getQueryData(key);
        queryClient.setQueryData(key, (list) => list?.filter((a) => a.id !== id));
        return { before };
      },
      onError: (error, _input, context) => {
        queryClient.setQueryData(trpc.profile.absences.queryKey(), context?.before);
        announce({ text: `Could not remove: ${messageOf(error)}`, tone: "error" });
      },
      onSuccess: (_result, { id }) =>
        announce({
          text: "Absence removed.",
          tone: "info",
          action: { label: "Undo", run: () => restore.mutate({ id }) },
        }),
      onSettled: refresh,
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = {
      kind,
      startsAt: startOfDateInput(from, timeZone) ?? new Date(Number.NaN),
      endsAt: endOfDateInput(to || from, timeZone) ?? new Date(Number.NaN),
      note: note.trim() || null,
    };
    const parsed = absenceInput.safeParse(input);
    if (!parsed.success) {
      setErrors(z.flattenError(parsed.error).fieldErrors);
      return;
    }
    setErrors({});
    add.mutate(input);
  }

  return (
    <>
      {absences.length === 0 ? (
        <p className="stat-note">No absences recorded.</p>
      ) : (
        <ul className="absence-list">
          {absences.map((absence) => (
            <li key={absence.id}>
              <span className={`badge absence-${absence.kind}`}>{absence.kind}</span>
              <span className="absence-days">{daysText(absence, timeZone)}</span>
              {absence.note && <span className="absence-note">{absence.note}</span>}
              <button type="button" className="link-button danger" onClick={() => remove.mutate({ id: absence.id })}>
                Remove<span className="visually-hidden"> absence {daysText(absence, timeZone)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3 className="subhead">Add an absence</h3>
      <form className="stack absence-form" onSubmit={onSubmit} noValidate>
        {add.error && Object.keys(fieldErrorsOf(add.error)).length === 0 && (
          <div className="alert error" role="alert">
            {messageOf(add.error)}
          </div>
        )}
        <fieldset className="stack" disabled={add.isPending}>
          <div className="row">
            <div className="field">
              <label htmlFor="absence-kind">Kind</label>
              <select id="absence-kind" value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </div>
            <Field id="absence-from" label="First day" errors={errors.startsAt}>
              {(control) => (
                <input {...control} type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
              )}
            </Field>
            <Field id="absence-to" label="Last day" hint="Included; leave empty for one day" errors={errors.endsAt}>
              {(control) => (
                <input {...control} type="date" value={to} onChange={(event) => setTo(event.target.value)} />
              )}
            </Field>
          </div>
          <Field id="absence-note" label={noted("Note")} errors={errors.note}>
            {(control) => <input {...control} value={note} onChange={(event) => setNote(event.target.value)} />}
          </Field>
          <div>
            <button className="button" type="submit">
              {add.isPending ? "Adding…" : "Add absence"}
            </button>
          </div>
        </fieldset>
      </form>
    </>
  );
}
