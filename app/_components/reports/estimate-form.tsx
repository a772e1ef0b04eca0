"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Field } from "@/app/_components/field";
import { fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import type { ToilSourceRow } from "./types";

/** A manager's estimate of automating one source: build hours, upkeep a month, and the day it went live. */
export function EstimateForm({
  teamId,
  source,
  onDone,
}: {
  teamId: string;
  source: ToilSourceRow & { key: string };
  onDone: (message: string) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const estimate = source.estimate;
  const [buildHours, setBuildHours] = useState(estimate ? String(estimate.buildHours) : "");
  const [maintenance, setMaintenance] = useState(estimate ? String(estimate.maintenanceHoursPerMonth) : "0");
  const [automatedOn, setAutomatedOn] = useState(estimate?.automatedOn ?? "");
  const save = useMutation(
    trpc.reports.saveEstimate.mutationOptions({
      onSuccess: () => {
        router.refresh();
        onDone(`Estimate for ${source.label} saved.`);
      },
    }),
  );
  const errors = fieldErrorsOf(save.error);
  const id = (field: string) => `estimate-${source.key}-${field}`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      teamId,
      sourceKind: source.kind,
      sourceKey: source.key,
      buildHours: buildHours.trim() === "" ? Number.NaN : Number(buildHours),
      maintenanceHoursPerMonth: maintenance.trim() === "" ? 0 : Number(maintenance),
      automatedOn: automatedOn === "" ? null : automatedOn,
    });
  }

  const hoursField = (
    name: "buildHours" | "maintenanceHoursPerMonth",
    label: string,
    value: string,
    setValue: (value: string) => void,
  ) => (
    <Field id={id(name)} label={label} errors={errors[name]}>
      {(control) => (
        <input
          {...control}
          type="number"
          min={0}
          step="any"
          inputMode="decimal"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form
      className="estimate-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={`Automation estimate for ${source.label}`}
    >
      {hoursField("buildHours", "Build hours", buildHours, setBuildHours)}
      {hoursField("maintenanceHoursPerMonth", "Maintenance h/month", maintenance, setMaintenance)}
      <Field id={id("automatedOn")} label="Automated on (optional)" errors={errors.automatedOn}>
        {(control) => (
          <input {...control} type="date" value={automatedOn} onChange={(e) => setAutomatedOn(e.target.value)} />
        )}
      </Field>
      <button className="button" type="submit" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save estimate"}
      </button>
      {save.error && Object.keys(errors).length === 0 && (
        <div className="alert error" role="alert">
          {messageOf(save.error)}
        </div>
      )}
    </form>
  );
}
