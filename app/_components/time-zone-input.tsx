"use client";

import { type ChangeEvent, useEffect, useState, useSyncExternalStore } from "react";
import type { FieldControl } from "./field";

function zoneNames(): string[] {
  try {
    const names = Intl.supportedValuesOf("timeZone");
    // Some engines leave plain UTC out of the list although every one accepts it.
    return names.includes("UTC") ? names : [...names, "UTC"];
  } catch {
    return ["UTC"];
  }
}

const noSubscription = () => () => {};

/** The browser's own zone (null while rendering on the server, which cannot know it). */
export function useBrowserZone(): string | null {
  return useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
}

/**
 * An IANA time zone, typed or picked from the browser's list of zones (searchable as you type). The list is
 * filled after mounting: the server's list and the browser's may differ.
 */
export function TimeZoneInput({
  control,
  name,
  defaultValue,
  value,
  onChange,
}: {
  control: FieldControl;
  name?: string;
  defaultValue?: string;
  value?: string;
  onChange?: (zone: string) => void;
}) {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => setNames(zoneNames()), []);
  const listId = `${control.id}-zones`;
  return (
    <>
      <input
        {...control}
        name={name}
        list={listId}
        autoComplete="off"
        spellCheck={false}
        placeholder="Europe/Berlin"
        defaultValue={defaultValue}
        value={value}
        onChange={onChange ? (event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value) : undefined}
      />
      <datalist id={listId}>
        {names.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
