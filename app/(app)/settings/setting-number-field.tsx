import { Field } from "@/app/_components/field";

/**
 * A whole number of a team setting, read from the form on save (uncontrolled: `defaultValue`, remounted after a
 * save). Percentages are typed as whole percents with the decimal keyboard; counts with the numeric one.
 */
export function SettingNumberField({
  id,
  name,
  label,
  hint,
  errors,
  min,
  max,
  defaultValue,
  inputMode,
}: {
  id: string;
  name: string;
  label: string;
  hint: string;
  errors: string[] | undefined;
  min: number;
  max: number;
  defaultValue: number;
  inputMode: "numeric" | "decimal";
}) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(control) => (
        <input
          {...control}
          name={name}
          type="number"
          inputMode={inputMode}
          min={min}
          max={max}
          step={1}
          defaultValue={defaultValue}
        />
      )}
    </Field>
  );
}
