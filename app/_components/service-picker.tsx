"use client";

import type { FieldControl } from "./field";
import type { ServiceOption } from "./work/types";

/**
 * The one way to pick a service: the team's services by name, or none. Entries keep the service's id; an
 * interrupt keeps its name (alerts name services in free text), so callers map the pick themselves.
 */
export function ServicePicker({
  control,
  services,
  value,
  onPick,
}: {
  control: FieldControl;
  services: ServiceOption[];
  /** The picked service's id, or "" for none. */
  value: string;
  onPick: (service: ServiceOption | undefined) => void;
}) {
  return (
    <select {...control} value={value} onChange={(event) => onPick(services.find((s) => s.id === event.target.value))}>
      <option value="">No particular service</option>
      {services.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </select>
  );
}
