import { Field, noted } from "@/app/_components/field";

/** The link to the root-cause fix an interrupt's review or an alert's silence waits for. */
export function FixUrlField({
  id,
  value,
  errors,
  busy,
  onChange,
}: {
  id: string;
  value: string;
  errors: string[] | undefined;
  /** Saving: the field waits. */
  busy: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={id} label={noted("Root-cause fix", "(link, optional)")} errors={errors}>
      {(control) => (
        <input
          {...control}
          type="url"
          inputMode="url"
          placeholder="https://…"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          disabled={busy}
        />
      )}
    </Field>
  );
}
