import { z } from "zod";
import { createEntryInput, type ToilTraits } from "@/server/schemas/work-log";
import type { FieldErrors } from "@/app/_lib/field-errors";
import { endsInFuture, FUTURE_END_MESSAGE } from "@/server/domain/accounting";
import { durationText, fromLocalInput, toLocalInput } from "./datetime";
import type { Category, CreateEntryFields, ServiceOption, Template, WeekEntry } from "./types";

export const TRAITS: ReadonlyArray<{ key: keyof ToilTraits; label: string; hint: string }> = [
  { key: "manual", label: "Manual", hint: "A person does it by hand, running commands or clicking." },
  { key: "repetitive", label: "Repetitive", hint: "Done again and again, not a one-off." },
  { key: "automatable", label: "Automatable", hint: "A machine could do it as well as a person." },
  { key: "tactical", label: "Tactical", hint: "Interrupt-driven and reactive, not planned." },
  { key: "noEnduringValue", label: "No enduring value", hint: "The service is no better once it is done." },
  { key: "scalesLinearly", label: "Scales linearly", hint: "Grows with the size of the service or its traffic." },
];

export const NO_TRAITS: ToilTraits = {
  manual: false,
  repetitive: false,
  automatable: false,
  tactical: false,
  noEnduringValue: false,
  scalesLinearly: false,
};

/** What the quick-log form holds: text as typed, so an error never loses it. */
export interface EntryDraft {
  templateId: string;
  summary: string;
  duration: string;
  /** datetime-local value on the viewer's wall clock; used only once touched, else "ending now". */
  when: string;
  whenTouched: boolean;
  category: Category;
  serviceId: string;
  link: string;
  traits: ToilTraits;
}

export function emptyDraft(timeZone: string, now = new Date()): EntryDraft {
  return {
    templateId: "",
    summary: "",
    duration: "",
    when: toLocalInput(now, timeZone),
    whenTouched: false,
    category: "toil",
    serviceId: "",
    link: "",
    traits: NO_TRAITS,
  };
}

export function traitsOf(source: ToilTraits): ToilTraits {
  return {
    manual: source.manual,
    repetitive: source.repetitive,
    automatable: source.automatable,
    tactical: source.tactical,
    noEnduringValue: source.noEnduringValue,
    scalesLinearly: source.scalesLinearly,
  };
}

export function draftWithTemplate(draft: EntryDraft, template: Template): EntryDraft {
  return {
    ...draft,
    templateId: template.id,
    summary: template.name,
    duration: durationText(template.defaultMinutes),
    category: template.category,
    serviceId: template.serviceId ?? "",
    traits: traitsOf(template.traits),
  };
}

export function draftWithService(draft: EntryDraft, service: ServiceOption | undefined): EntryDraft {
  return { ...draft, serviceId: service?.id ?? "", traits: service ? traitsOf(service.traits) : draft.traits };
}

export function draftOfEntry(entry: WeekEntry, timeZone: string): EntryDraft {
  return {
    templateId: entry.templateId ?? "",
    summary: entry.summary,
    duration: durationText(entry.minutes),
    when: toLocalInput(entry.endsAt, timeZone),
    whenTouched: true,
    category: entry.category,
    serviceId: entry.serviceId ?? "",
    link: entry.link ?? "",
    traits: traitsOf(entry.traits),
  };
}

/** The procedure input a draft stands for (duration still as typed: the schema reads it). */
export function inputOfDraft(draft: EntryDraft, teamId: string, timeZone: string): CreateEntryFields {
  const endsAt = draft.whenTouched ? fromLocalInput(draft.when, timeZone) : null;
  return {
    teamId,
    summary: draft.summary,
    duration: draft.duration,
    ...(endsAt ? { endsAt } : {}),
    category: draft.category,
    serviceId: draft.serviceId || null,
    link: draft.link.trim() || null,
    traits: draft.category === "toil" ? draft.traits : NO_TRAITS,
    templateId: draft.templateId || null,
  };
}

/** The same checks the server makes, with the same messages, before anything is sent. */
export function checkDraft(
  input: CreateEntryFields,
  now = new Date(),
): { ok: true; minutes: number } | { ok: false; errors: FieldErrors } {
  const parsed = createEntryInput.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  if (input.endsAt && !errors.endsAt && endsInFuture(input.endsAt, now)) errors.endsAt = [FUTURE_END_MESSAGE];
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, minutes: parsed.data.duration };
  return { ok: false, errors };
}
