"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { z } from "zod";
import {
  createInterruptInput,
  duration as durationSchema,
  type interruptKind,
  type severity,
} from "@/server/schemas/work-log";
import { type FieldErrors, fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { formatMinutes } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "./app-status";
import { Field } from "./field";
import { FieldError } from "./field-error";
import { ServicePicker } from "./service-picker";
import { Modal, ModalHead, ModalSaveFoot } from "./modal";
import { useWorkLogCache } from "./work/cache";
import { fromLocalInput, toLocalInput } from "./work/datetime";
import { useWork } from "./work/work-context";

type Kind = z.infer<typeof interruptKind>;
type Severity = z.infer<typeof severity>;

interface InterruptDraft {
  kind: Kind;
  summary: string;
  source: string;
  service: string;
  severity: Severity;
  isIncident: boolean;
  actionable: "" | "yes" | "no";
  openedAt: string;
  resolvedAt: string;
  timeSpent: string;
}

const KINDS: ReadonlyArray<[Kind, string]> = [
  ["page", "Page: answer in minutes"],
  ["ticket", "Ticket: hours to days"],
  ["request", "Request: someone asked"],
];
const SEVERITIES: Severity[] = ["critical", "high", "medium", "low", "info"];

function emptyInterrupt(timeZone: string): InterruptDraft {
  return {
    kind: "page",
    summary: "",
    source: "manual",
    service: "",
    severity: "medium",
    isIncident: false,
    actionable: "",
    openedAt: toLocalInput(new Date(), timeZone),
    resolvedAt: "",
    timeSpent: "",
  };
}

/** "Log interrupt": a page, ticket or request, and optionally the time spent on it in the same step. */
export function InterruptDialogButton({ className = "button secondary" }: { className?: string }) {
  const trpc = useTRPC();
  const cache = useWorkLogCache();
  const announce = useStatus();
  const { teamId, timeZone, services } = useWork();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<InterruptDraft>(() => emptyInterrupt(timeZone));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const create = useMutation(trpc.interrupts.create.mutationOptions());
  const logTime = useMutation(trpc.interrupts.logTime.mutationOptions());
  const pending = create.isPending || logTime.isPending;
  const update = (patch: Partial<InterruptDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const invalid = (name: string) => (errors[name] ? true : undefined);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!teamId) return;
    const input = {
      teamId,
      kind: draft.kind,
      summary: draft.summary,
      source: draft.source,
      service: draft.service.trim() || null,
      severity: draft.severity,
      isIncident: draft.isIncident,
      actionable: draft.actionable === "" ? null : draft.actionable === "yes",
      openedAt: fromLocalInput(draft.openedAt, timeZone) ?? new Date(Number.NaN),
      resolvedAt: draft.resolvedAt ? (fromLocalInput(draft.resolvedAt, timeZone) ?? new Date(Number.NaN)) : null,
    };
    const found: FieldErrors = {};
    const parsed = createInterruptInput.safeParse(input);
    if (!parsed.success) Object.assign(found, z.flattenError(parsed.error).fieldErrors);
    const spent = draft.timeSpent.trim() ? durationSchema.safeParse(draft.timeSpent) : null;
    if (spent && !spent.success) found.timeSpent = spent.error.issues.map((issue) => issue.message);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setErrors({});
    setFailure(null);
    try {
      const created = await create.mutateAsync(input);
      if (spent?.success) {
        try {
          await logTime.mutateAsync({
            interruptId: created.id,
            duration: draft.timeSpent,
            endsAt: input.resolvedAt ?? undefined,
          });
        } catch (error) {
          announce({ text: `Interrupt logged, but not its time: ${messageOf(error)}`, tone: "error" });
        }
      }
      announce({
        text: `Interrupt logged: ${created.summary}${spent?.success ? `, with ${formatMinutes(spent.data)}` : ""}.`,
      });
      setDraft(emptyInterrupt(timeZone));
      setOpen(false);
      await cache.refresh();
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields);
      setFailure(Object.keys(fields).length === 0 ? messageOf(error) : "Not saved: check the fields marked below.");
    }
  }

  if (!teamId) return null;
  return (
    <>
      <button
        type="button"
        className={className}
        onClick={() => {
          setDraft((current) => (current.summary ? current : emptyInterrupt(timeZone)));
          setErrors({});
          setFailure(null);
          setOpen(true);
        }}
      >
        Log interrupt
      </button>
      <Modal open={open} onClose={() => setOpen(false)} labelledBy="interrupt-title" className="interrupt-dialog">
        <form onSubmit={onSubmit} noValidate>
          <ModalHead titleId="interrupt-title" onClose={() => setOpen(false)}>
            Log an interrupt
          </ModalHead>
          <div className="modal-body">
            {failure && (
              <div className="alert error" role="alert">
                {failure}
              </div>
            )}
            <fieldset className="entry-fields" disabled={pending}>
              <div className="row">
                <div className="field">
                  <label htmlFor="interrupt-kind">Kind</label>
                  <select
                    id="interrupt-kind"
                    value={draft.kind}
                    onChange={(event) => update({ kind: event.target.value as Kind })}
                  >
                    {KINDS.map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="interrupt-severity">Severity</label>
                  <select
                    id="interrupt-severity"
                    value={draft.severity}
                    onChange={(event) => update({ severity: event.target.value as Severity })}
                  >
                    {SEVERITIES.map((value) => (
                      <option key={value} value={value}>
                        {value}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <div className="field">
                <label htmlFor="interrupt-summary">What happened?</label>
                <input
                  id="interrupt-summary"
                  data-autofocus
                  autoComplete="off"
                  value={draft.summary}
                  onChange={(event) => update({ summary: event.target.value })}
                  aria-invalid={invalid("summary")}
                  aria-describedby="interrupt-summary-error"
                  placeholder="Disk almost full on db-3"
                />
                <FieldError id="interrupt-summary-error" messages={errors.summary} />
              </div>
              <div className="row">
                <div className="field">
                  <label htmlFor="interrupt-source">Source</label>
                  <input
                    id="interrupt-source"
                    value={draft.source}
                    onChange={(event) => update({ source: event.target.value })}
                    aria-invalid={invalid("source")}
                    aria-describedby="interrupt-source-hint interrupt-source-error"
                  />
                  <span className="hint" id="interrupt-source-hint">
                    manual, pagerduty, a queue name…
                  </span>
                  <FieldError id="interrupt-source-error" messages={errors.source} />
                </div>
                <Field id="interrupt-service" label="Service" errors={errors.service}>
                  {(control) => (
                    <ServicePicker
                      control={control}
                      services={services}
                      value={services.find((s) => s.name === draft.service)?.id ?? ""}
                      onPick={(service) => update({ service: service?.name ?? "" })}
                    />
                  )}
                </Field>
              </div>
              <div className="row">
                <div className="field">
                  <label htmlFor="interrupt-opened">Opened</label>
                  <input
                    id="interrupt-opened"
                    type="datetime-local"
                    value={draft.openedAt}
                    onChange={(event) => update({ openedAt: event.target.value })}
                    aria-invalid={invalid("openedAt")}
                    aria-describedby="interrupt-opened-error"
                  />
                  <FieldError id="interrupt-opened-error" messages={errors.openedAt} />
                </div>
                <div className="field">
                  <label htmlFor="interrupt-resolved">
                    Resolved <span className="optional">optional</span>
                  </label>
                  <input
                    id="interrupt-resolved"
                    type="datetime-local"
                    value={draft.resolvedAt}
                    onChange={(event) => update({ resolvedAt: event.target.value })}
                    aria-invalid={invalid("resolvedAt")}
                    aria-describedby="interrupt-resolved-error"
                  />
                  <FieldError id="interrupt-resolved-error" messages={errors.resolvedAt} />
                </div>
              </div>
              <div className="row">
                <div className="field">
                  <label htmlFor="interrupt-actionable">Actionable?</label>
                  <select
                    id="interrupt-actionable"
                    value={draft.actionable}
                    onChange={(event) => update({ actionable: event.target.value as InterruptDraft["actionable"] })}
                  >
                    <option value="">Not reviewed yet</option>
                    <option value="yes">Yes: it needed a person</option>
                    <option value="no">No: noise</option>
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="interrupt-time">
                    Time spent <span className="optional">optional</span>
                  </label>
                  <input
                    id="interrupt-time"
                    autoComplete="off"
                    value={draft.timeSpent}
                    onChange={(event) => update({ timeSpent: event.target.value })}
                    placeholder="45m"
                    aria-invalid={invalid("timeSpent")}
                    aria-describedby="interrupt-time-hint interrupt-time-error"
                  />
                  <span className="hint" id="interrupt-time-hint">
                    Logged as toil linked to this interrupt
                  </span>
                  <FieldError id="interrupt-time-error" messages={errors.timeSpent} />
                </div>
              </div>
              <label className="check">
                <input
                  type="checkbox"
                  checked={draft.isIncident}
                  onChange={(event) => update({ isIncident: event.target.checked })}
                />{" "}
                It was an incident
              </label>
            </fieldset>
          </div>
          <ModalSaveFoot label="Save interrupt" pending={pending} onCancel={() => setOpen(false)} />
        </form>
      </Modal>
    </>
  );
}
