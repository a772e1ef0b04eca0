"use client";

import { useMutation } from "@tanstack/react-query";
import {
  createContext,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from "react";
import { duration as durationSchema, startTimerInput } from "@/server/schemas/work-log";
import { z } from "zod";
import { formatMinutes } from "@/app/_lib/format";
import { type FieldErrors, fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "./app-status";
import { EntryFields } from "./entry-form";
import { Modal, ModalHead } from "./modal";
import { useWorkLogCache } from "./work/cache";
import { toLocalInput } from "./work/datetime";
import { checkDraft, draftOfEntry, emptyDraft, type EntryDraft, inputOfDraft } from "./work/draft";
import type { WeekEntry } from "./work/types";
import { optimisticEntry, useLogFromTemplate, useStartTimer } from "./work/use-log";
import { useWork } from "./work/work-context";

type Mode = { kind: "create" } | { kind: "edit"; entry: WeekEntry };

interface QuickLogApi {
  /** Opens the dialog to log new work; an unsaved draft from before is kept. */
  openCreate: () => void;
  openEdit: (entry: WeekEntry) => void;
}

const QuickLogContext = createContext<QuickLogApi>({ openCreate: () => undefined, openEdit: () => undefined });

export function useQuickLog(): QuickLogApi {
  return useContext(QuickLogContext);
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The quick-log dialog, mounted once for the whole app: `n` (outside a field) or "Log toil" opens it.
 * Saving closes it at once and shows the entry optimistically; a refusal reopens it with what was typed
 * and the server's message at the field.
 */
export function QuickLogProvider({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const cache = useWorkLogCache();
  const announce = useStatus();
  const { teamId, timeZone, services, templates } = useWork();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<Mode>({ kind: "create" });
  const [draft, setDraft] = useState<EntryDraft>(() => emptyDraft(timeZone));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const reopenWith = useCallback((kept: EntryDraft, keptMode: Mode, error: unknown) => {
    const fields = fieldErrorsOf(error);
    setMode(keptMode);
    setDraft(kept);
    setErrors(fields);
    setFormError(Object.keys(fields).length === 0 ? messageOf(error) : "Not saved: check the fields marked below.");
    setOpen(true);
  }, []);

  const create = useMutation(
    trpc.workLog.create.mutationOptions({
      onMutate: async (input) => {
        const snapshot = await cache.snapshot();
        const check = checkDraftMinutes(input.duration);
        if (check === null) return { snapshot, tempId: null };
        const entry = optimisticEntry({
          teamId: input.teamId ?? "",
          summary: input.summary,
          minutes: check,
          endsAt: input.endsAt ?? new Date(),
          category: input.category,
          serviceId: input.serviceId ?? null,
          serviceName: services.find((s) => s.id === input.serviceId)?.name ?? null,
          link: input.link ?? null,
          traits: input.traits,
          templateId: input.templateId ?? null,
          templateName: templates.find((t) => t.id === input.templateId)?.name ?? null,
          interruptId: input.interruptId ?? null,
        });
        cache.put(entry, timeZone);
        return { snapshot, tempId: entry.id };
      },
      onError: (_error, _input, context) => cache.rollback(context?.snapshot),
      onSuccess: (entry, _input, context) => {
        cache.put(entry, timeZone, context?.tempId ?? undefined);
        announce({ text: `Logged ${formatMinutes(entry.minutes)}: ${entry.summary}.` });
      },
      onSettled: () => cache.refresh(),
    }),
  );

  const update = useMutation(
    trpc.workLog.update.mutationOptions({
      onMutate: async (input) => {
        const snapshot = await cache.snapshot();
        const minutes = checkDraftMinutes(input.duration);
        if (minutes !== null) {
          const entry = optimisticEntry({
            teamId: input.teamId ?? "",
            summary: input.summary,
            minutes,
            endsAt: input.endsAt ?? new Date(),
            category: input.category,
            serviceId: input.serviceId ?? null,
            serviceName: services.find((s) => s.id === input.serviceId)?.name ?? null,
            link: input.link ?? null,
            traits: input.traits,
            templateId: input.templateId ?? null,
            templateName: templates.find((t) => t.id === input.templateId)?.name ?? null,
            interruptId: input.interruptId ?? null,
          });
          cache.put({ ...entry, id: input.id }, timeZone);
        }
        return { snapshot };
      },
      onError: (_error, _input, context) => cache.rollback(context?.snapshot),
      onSuccess: (entry) => {
        cache.put(entry, timeZone);
        announce({ text: `Saved: ${entry.summary}.` });
      },
      onSettled: () => cache.refresh(),
    }),
  );

  const logTemplate = useLogFromTemplate();
  const startTimer = useStartTimer(() => {
    setDraft(emptyDraft(timeZone));
    setOpen(false);
  });

  const openCreate = useCallback(() => {
    if (mode.kind === "edit") setDraft(emptyDraft(timeZone));
    else
      setDraft((current) => (current.whenTouched ? current : { ...current, when: toLocalInput(new Date(), timeZone) }));
    setMode({ kind: "create" });
    setErrors({});
    setFormError(null);
    setOpen(true);
  }, [mode.kind, timeZone]);

  const openEdit = useCallback(
    (entry: WeekEntry) => {
      setMode({ kind: "edit", entry });
      setDraft(draftOfEntry(entry, timeZone));
      setErrors({});
      setFormError(null);
      setOpen(true);
    },
    [timeZone],
  );

  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      if (event.key !== "n" || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (!teamId || isTyping(event.target) || document.querySelector("dialog[open]")) return;
      event.preventDefault();
      openCreate();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [openCreate, teamId]);

  function save(event?: FormEvent) {
    event?.preventDefault();
    if (!teamId) return;
    const input = inputOfDraft(draft, teamId, timeZone);
    const check = checkDraft(input);
    if (!check.ok) {
      setErrors(check.errors);
      setFormError(null);
      focusFirstInvalid();
      return;
    }
    const kept = draft;
    const keptMode = mode;
    setOpen(false);
    if (mode.kind === "edit") {
      update.mutate(
        { ...input, teamId: mode.entry.teamId, id: mode.entry.id },
        { onError: (error) => reopenWith(kept, keptMode, error) },
      );
    } else {
      setDraft(emptyDraft(timeZone));
      create.mutate(input, { onError: (error) => reopenWith(kept, keptMode, error) });
    }
  }

  function start() {
    if (!teamId) return;
    const input = {
      teamId,
      summary: draft.summary,
      serviceId: draft.serviceId || null,
      templateId: draft.templateId || null,
    };
    const parsed = startTimerInput.safeParse(input);
    if (!parsed.success) {
      setErrors(z.flattenError(parsed.error).fieldErrors);
      focusFirstInvalid();
      return;
    }
    startTimer.mutate(input, {
      onError: (error) => {
        setErrors(fieldErrorsOf(error));
        setFormError(messageOf(error));
      },
    });
  }

  function logTemplateNow() {
    if (!draft.templateId) return;
    logTemplate.mutate({ templateId: draft.templateId }, { onError: (error) => reopenWith(draft, mode, error) });
    setDraft(emptyDraft(timeZone));
    setOpen(false);
  }

  // Enter saves from any field, not only text inputs (a checkbox or select would otherwise swallow it).
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    if (target.tagName === "BUTTON" || target.tagName === "TEXTAREA" || target.tagName === "A") return;
    event.preventDefault();
    save();
  }

  const api = useMemo(() => ({ openCreate, openEdit }), [openCreate, openEdit]);
  const editing = mode.kind === "edit";
  const pending = startTimer.isPending || logTemplate.isPending;

  return (
    <QuickLogContext.Provider value={api}>
      {children}
      <Modal open={open} onClose={() => setOpen(false)} labelledBy="quick-log-title" className="quick-log">
        <form onSubmit={save} onKeyDown={onKeyDown} noValidate>
          <ModalHead titleId="quick-log-title" onClose={() => setOpen(false)}>
            {editing ? "Edit entry" : "Log toil"}
          </ModalHead>
          <div className="modal-body">
            {!teamId && (
              <div className="alert info" role="status">
                Join a team to log work: entries belong to a team.
              </div>
            )}
            {formError && (
              <div className="alert error" role="alert">
                {formError}
              </div>
            )}
            <EntryFields
              idPrefix="quick-log"
              draft={draft}
              setDraft={setDraft}
              errors={errors}
              services={services}
              templates={editing ? [] : templates}
              timeZone={timeZone}
              disabled={pending || !teamId}
            />
          </div>
          <div className="modal-foot">
            <div className="modal-actions">
              <button className="button" type="submit" disabled={pending || !teamId}>
                {editing ? "Save changes" : "Save entry"}
              </button>
              {!editing && draft.templateId && (
                <button className="button secondary" type="button" onClick={logTemplateNow} disabled={pending}>
                  Log it now
                </button>
              )}
              {!editing && (
                <button className="button secondary" type="button" onClick={start} disabled={pending || !teamId}>
                  {startTimer.isPending ? "Starting…" : "Start timer instead"}
                </button>
              )}
              <button className="button secondary" type="button" onClick={() => setOpen(false)}>
                Cancel
              </button>
            </div>
            <p className="kbd-hint">
              <kbd>Enter</kbd> saves · <kbd>Esc</kbd> closes
            </p>
          </div>
        </form>
      </Modal>
    </QuickLogContext.Provider>
  );
}

function checkDraftMinutes(duration: string): number | null {
  const parsed = durationSchema.safeParse(duration);
  return parsed.success ? parsed.data : null;
}

function focusFirstInvalid() {
  window.requestAnimationFrame(() =>
    document.querySelector<HTMLElement>('dialog[open] [aria-invalid="true"]')?.focus(),
  );
}

/** Opens quick log: the header's "Log toil" and the quick actions on My work. */
export function QuickLogButton({
  className = "button",
  children = "Log toil",
}: {
  className?: string;
  children?: ReactNode;
}) {
  const { openCreate } = useQuickLog();
  return (
    <button type="button" className={className} onClick={openCreate} aria-keyshortcuts="n">
      {children}
    </button>
  );
}
