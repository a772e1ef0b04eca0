"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { templateFromEntryInput } from "@/server/schemas/work-log";
import { z } from "zod";
import { type FieldErrors, fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";
import { Field } from "@/app/_components/field";
import { Modal, ModalHead, ModalSaveFoot } from "@/app/_components/modal";
import type { WeekEntry } from "@/app/_components/work/types";

/** Names a template made from an entry: its service, duration, category and traits come along. */
export function SaveTemplateDialog({ entry, onClose }: { entry: WeekEntry | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useStatus();
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const create = useMutation(
    trpc.templates.createFromEntry.mutationOptions({
      onSuccess: (template) => {
        announce({ text: `Template saved: ${template.name}. It is on My work and in quick log.` });
        onClose();
      },
      onError: (error) => {
        const fields = fieldErrorsOf(error);
        setErrors(fields);
        setFailure(Object.keys(fields).length === 0 ? messageOf(error) : null);
      },
      onSettled: () => queryClient.invalidateQueries(trpc.templates.list.pathFilter()),
    }),
  );

  useEffect(() => {
    if (entry) {
      setName(entry.summary);
      setErrors({});
      setFailure(null);
    }
  }, [entry]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!entry) return;
    const input = { entryId: entry.id, name };
    const parsed = templateFromEntryInput.safeParse(input);
    if (!parsed.success) {
      setErrors(z.flattenError(parsed.error).fieldErrors);
      return;
    }
    create.mutate(input);
  }

  return (
    <Modal open={entry !== null} onClose={onClose} labelledBy="template-title" className="small-dialog">
      <form onSubmit={onSubmit} noValidate>
        <ModalHead titleId="template-title" onClose={onClose}>
          Save as template
        </ModalHead>
        <div className="modal-body">
          {failure && (
            <div className="alert error" role="alert">
              {failure}
            </div>
          )}
          <Field
            id="template-name"
            label="Template name"
            hint={
              entry
                ? `Logs ${entry.minutes} min of ${entry.category}${entry.serviceName ? ` on ${entry.serviceName}` : ""} in one click.`
                : ""
            }
            errors={errors.name}
          >
            {(control) => (
              <input
                {...control}
                data-autofocus
                autoComplete="off"
                value={name}
                onChange={(event) => setName(event.target.value)}
                disabled={create.isPending}
              />
            )}
          </Field>
        </div>
        <ModalSaveFoot label="Save template" pending={create.isPending} onCancel={onClose} />
      </form>
    </Modal>
  );
}
