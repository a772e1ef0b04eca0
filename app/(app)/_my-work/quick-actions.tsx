"use client";

import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { startTimerInput } from "@/server/schemas/work-log";
import { z } from "zod";
import { useTRPC } from "@/app/_lib/trpc";
import { formatMinutes } from "@/app/_lib/format";
import { type FieldErrors, fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { FieldError } from "@/app/_components/field-error";
import { InterruptDialogButton } from "@/app/_components/interrupt-dialog";
import { QuickLogButton } from "@/app/_components/quick-log";
import { useLogFromTemplate, useStartTimer } from "@/app/_components/work/use-log";
import { useWork } from "@/app/_components/work/work-context";

function StartTimerForm() {
  const trpc = useTRPC();
  const { teamId } = useWork();
  const running = useQuery(trpc.timer.current.queryOptions());
  const [summary, setSummary] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const start = useStartTimer(() => setSummary(""));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!teamId) return;
    const input = { teamId, summary };
    const parsed = startTimerInput.safeParse(input);
    if (!parsed.success) {
      setErrors(z.flattenError(parsed.error).fieldErrors);
      return;
    }
    setErrors({});
    setFailure(null);
    start.mutate(input, {
      onError: (error) => {
        const fields = fieldErrorsOf(error);
        setErrors(fields);
        setFailure(Object.keys(fields).length === 0 ? messageOf(error) : null);
      },
    });
  }

  if (running.data) {
    return (
      <p className="stat-note timer-note">
        A timer is running for <strong>{running.data.summary}</strong>: stop it in the header when you are done.
      </p>
    );
  }
  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor="timer-summary">Start a timer</label>
        <div className="input-with-button">
          <input
            id="timer-summary"
            value={summary}
            onChange={(event) => setSummary(event.target.value)}
            placeholder="What are you starting on?"
            autoComplete="off"
            aria-invalid={errors.summary ? true : undefined}
            aria-describedby="timer-summary-error"
            disabled={start.isPending}
          />
          <button className="button secondary" type="submit" disabled={start.isPending || !teamId}>
            {start.isPending ? "Starting…" : "Start timer"}
          </button>
        </div>
        <FieldError id="timer-summary-error" messages={errors.summary} />
        {failure && (
          <span className="field-error" role="alert">
            {failure}
          </span>
        )}
      </div>
    </form>
  );
}

function TemplateButtons() {
  const { templates, loading } = useWork();
  const log = useLogFromTemplate();
  if (loading) return <p className="stat-note">Loading your templates…</p>;
  if (templates.length === 0) {
    return (
      <p className="stat-note">
        No templates yet: in My week, save a recurring entry as a template to log it in one click.
      </p>
    );
  }
  return (
    <ul className="template-buttons">
      {templates.map((template) => (
        <li key={template.id}>
          <button
            type="button"
            className="template-button"
            onClick={() => log.mutate({ templateId: template.id })}
            disabled={log.isPending && log.variables?.templateId === template.id}
          >
            <span className="template-name">{template.name}</span>
            <span className="template-minutes">{formatMinutes(template.defaultMinutes)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function QuickActions() {
  const { teamId } = useWork();
  if (!teamId) return null;
  return (
    <section className="card quick-actions" aria-labelledby="quick-actions-heading">
      <h2 id="quick-actions-heading">Quick actions</h2>
      <div className="action-row">
        <QuickLogButton>
          Log toil <kbd aria-hidden="true">N</kbd>
        </QuickLogButton>
        <InterruptDialogButton />
      </div>
      <StartTimerForm />
    </section>
  );
}

/** Recurring toil as one-click buttons: each logs the template's usual work, ending now. */
export function TemplateShortcuts() {
  const { teamId } = useWork();
  if (!teamId) return null;
  return (
    <section className="card home-templates" aria-labelledby="template-heading">
      <h2 id="template-heading">Log from a template</h2>
      <TemplateButtons />
    </section>
  );
}
