"use client";

import type { Dispatch, SetStateAction } from "react";
import type { FieldErrors } from "@/app/_lib/field-errors";
import { Field } from "./field";
import { FieldError } from "./field-error";
import { ServicePicker } from "./service-picker";
import { draftWithService, draftWithTemplate, type EntryDraft, TRAITS } from "./work/draft";
import type { ServiceOption, Template } from "./work/types";

/**
 * The fields of an entry, shared by quick log and edit. Holds nothing itself: the draft lives with the
 * dialog, so a refused save reopens with everything as typed.
 */
export function EntryFields({
  idPrefix,
  draft,
  setDraft,
  errors,
  services,
  templates,
  timeZone,
  disabled,
}: {
  idPrefix: string;
  draft: EntryDraft;
  setDraft: Dispatch<SetStateAction<EntryDraft>>;
  errors: FieldErrors;
  services: ServiceOption[];
  templates: Template[];
  timeZone: string;
  disabled: boolean;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const invalid = (name: string) => (errors[name] ? true : undefined);
  const update = (patch: Partial<EntryDraft>) => setDraft((current) => ({ ...current, ...patch }));

  return (
    <fieldset className="entry-fields" disabled={disabled}>
      {templates.length > 0 && (
        <div className="field">
          <label htmlFor={id("template")}>Template</label>
          <select
            id={id("template")}
            value={draft.templateId}
            onChange={(event) => {
              const template = templates.find((t) => t.id === event.target.value);
              setDraft((current) => (template ? draftWithTemplate(current, template) : { ...current, templateId: "" }));
            }}
            aria-invalid={invalid("templateId")}
            aria-describedby={`${id("template-hint")} ${id("templateId-error")}`}
          >
            <option value="">None: describe it below</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <span className="hint" id={id("template-hint")}>
            Fills in everything below from recurring toil you logged before.
          </span>
          <FieldError id={id("templateId-error")} messages={errors.templateId} />
        </div>
      )}

      <div className="field">
        <label htmlFor={id("summary")}>What did you do?</label>
        <input
          id={id("summary")}
          data-autofocus
          autoComplete="off"
          value={draft.summary}
          onChange={(event) => update({ summary: event.target.value })}
          aria-invalid={invalid("summary")}
          aria-describedby={id("summary-error")}
          placeholder="Restarted the stuck batch job"
        />
        <FieldError id={id("summary-error")} messages={errors.summary} />
      </div>

      <div className="row">
        <div className="field">
          <label htmlFor={id("duration")}>Duration</label>
          <input
            id={id("duration")}
            autoComplete="off"
            inputMode="text"
            value={draft.duration}
            onChange={(event) => update({ duration: event.target.value })}
            aria-invalid={invalid("duration")}
            aria-describedby={`${id("duration-hint")} ${id("duration-error")}`}
            placeholder="25m"
          />
          <span className="hint" id={id("duration-hint")}>
            25m, 1h30, 1.5h or 90 (minutes)
          </span>
          <FieldError id={id("duration-error")} messages={errors.duration} />
        </div>
        <div className="field">
          <label htmlFor={id("when")}>Ended at</label>
          <input
            id={id("when")}
            type="datetime-local"
            value={draft.when}
            onChange={(event) => update({ when: event.target.value, whenTouched: true })}
            aria-invalid={invalid("endsAt")}
            aria-describedby={`${id("when-hint")} ${id("endsAt-error")}`}
          />
          <span className="hint" id={id("when-hint")}>
            {draft.whenTouched ? `Your time zone, ${timeZone}` : `Now, unless you change it (${timeZone})`}
          </span>
          <FieldError id={id("endsAt-error")} messages={errors.endsAt} />
        </div>
      </div>

      <div className="row">
        <fieldset className="field" aria-describedby={`${id("category-hint")} ${id("category-error")}`}>
          <legend>Category</legend>
          <div className="segmented">
            {(
              [
                ["toil", "Toil"],
                ["overhead", "Overhead"],
              ] as const
            ).map(([value, label]) => (
              <label key={value}>
                <input
                  type="radio"
                  name={id("category")}
                  value={value}
                  checked={draft.category === value}
                  onChange={() => update({ category: value })}
                />
                <span>{label}</span>
              </label>
            ))}
          </div>
          <span className="hint" id={id("category-hint")}>
            {draft.category === "toil"
              ? "Operational work: it counts toward your share."
              : "Meetings, hiring, training: not toil."}
          </span>
          <FieldError id={id("category-error")} messages={errors.category} />
        </fieldset>
        <Field id={id("serviceId")} label="Service" errors={errors.serviceId}>
          {(control) => (
            <ServicePicker
              control={control}
              services={services}
              value={draft.serviceId}
              onPick={(service) => setDraft((current) => draftWithService(current, service))}
            />
          )}
        </Field>
      </div>

      <div className="field">
        <label htmlFor={id("link")}>
          Link <span className="optional">optional</span>
        </label>
        <input
          id={id("link")}
          type="url"
          autoComplete="off"
          value={draft.link}
          onChange={(event) => update({ link: event.target.value })}
          aria-invalid={invalid("link")}
          aria-describedby={id("link-error")}
          placeholder="https://tickets.example/OPS-1234"
        />
        <FieldError id={id("link-error")} messages={errors.link} />
      </div>

      {draft.category === "toil" && (
        <fieldset className="field traits" aria-describedby={id("traits-hint")}>
          <legend>Toil traits</legend>
          <span className="hint" id={id("traits-hint")}>
            The more of these it has, the more it is toil.
          </span>
          <div className="trait-grid">
            {TRAITS.map((trait) => (
              <label key={trait.key} className="trait">
                <input
                  type="checkbox"
                  checked={draft.traits[trait.key]}
                  onChange={(event) => update({ traits: { ...draft.traits, [trait.key]: event.target.checked } })}
                  aria-describedby={id(`trait-${trait.key}`)}
                />
                <span>
                  <strong>{trait.label}</strong>
                  <span className="trait-hint" id={id(`trait-${trait.key}`)}>
                    {trait.hint}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </fieldset>
  );
}
