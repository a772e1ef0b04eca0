"use client";

import { type ReactNode, useRef } from "react";
import { useStatus } from "@/app/_components/app-status";

/**
 * Copies `value` to the clipboard and says so; where the browser refuses (no permission, plain http), selects
 * the input holding it so Ctrl+C works instead. `what` names it in the announcements ("Invitation link").
 */
export function useCopy(value: string, what: string) {
  const announce = useStatus();
  const input = useRef<HTMLInputElement>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      announce({ text: `${what} copied.` });
    } catch {
      input.current?.select();
      announce({ text: `Press Ctrl+C (or ⌘C) to copy the selected ${what.toLowerCase()}.`, tone: "info" });
    }
  }
  return { input, copy };
}

/**
 * A secret shown once (an invitation or password-reset link, an API token): the sentence saying what it is,
 * the value in a read-only input with Copy, and Done to put it away.
 */
export function CopyOnce({
  value,
  what,
  label,
  onDone,
  children,
}: {
  value: string;
  /** Its name in the announcements: "Invitation link", "Token". */
  what: string;
  /** The input's accessible name. */
  label: string;
  onDone: () => void;
  children: ReactNode;
}) {
  const { input, copy } = useCopy(value, what);
  return (
    <div className="alert ok copy-once" role="status">
      <span>{children}</span>
      <div className="input-with-button">
        <input ref={input} readOnly value={value} aria-label={label} onFocus={(event) => event.target.select()} />
        <button type="button" className="button secondary small" onClick={copy}>
          Copy
        </button>
        <button type="button" className="button small" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
