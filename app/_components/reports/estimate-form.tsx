"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useState } from "react";
import { FieldError } from "@/app/_components/field-error";
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

  const field = (name: "buildHours" | "maintenanceHoursPerMonth" | "automatedOn", label: string, input: ReactNode) => (
    <div className="field">
      <label htmlFor={id(name)}>{label}</label>
      {input}
      <FieldError id={id(`${name}-error`)} messages={errors[name]} />
    </div>
  );
  const invalid = (name: string) => (errors[name] ? true : undefined);

  return (
    <form
      className="estimate-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={`Automation estimate for ${source.label}`}
    >
      {field(
        "buildHours",
        "Build hours",
        <input
          id={id("buildHours")}
          type="number"
          min={0}
          step="any"
          inputMode="decimal"
          value={buildHours}
          onChange={(e) => setBuildHours(e.target.value)}
          aria-invalid={invalid("buildHours")}
          aria-describedby={id("buildHours-error")}
        />,
      )}
      {field(
        "maintenanceHoursPerMonth",
        "Maintenance h/month",
        <input
          id={id("maintenanceHoursPerMonth")}
          type="number"
          min={0}
          step="any"
          inputMode="decimal"
          value={maintenance}
          onChange={(e) => setMaintenance(e.target.value)}
          aria-invalid={invalid("maintenanceHoursPerMonth")}
          aria-describedby={id("maintenanceHoursPerMonth-error")}
        />,
      )}
      {field(
        "automatedOn",
        "Automated on (optional)",
        <input
          id={id("automatedOn")}
          type="date"
          value={automatedOn}
          onChange={(e) => setAutomatedOn(e.target.value)}
          aria-invalid={invalid("automatedOn")}
          aria-describedby={id("automatedOn-error")}
        />,
      )}
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
