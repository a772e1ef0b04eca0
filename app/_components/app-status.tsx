"use client";

import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from "react";

export interface StatusAction {
  label: string;
  run: () => void;
}

export interface StatusMessage {
  text: string;
  tone?: "ok" | "error" | "info";
  action?: StatusAction;
}

type Announce = (message: StatusMessage) => void;

const StatusContext = createContext<Announce>(() => undefined);

/** Plain confirmations fade; a message offering an action (Undo) stays until replaced or dismissed. */
const FADE_AFTER_MS = 8000;

/**
 * One polite live region for the whole app: "Logged 25 min", "Entry deleted. Undo". Kept mounted so
 * screen readers announce each new message; it has no role="status" so pages keep their own.
 */
export function StatusProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<(StatusMessage & { key: number }) | null>(null);
  const counter = useRef(0);
  const announce = useCallback<Announce>((next) => {
    counter.current += 1;
    setMessage({ ...next, key: counter.current });
  }, []);

  useEffect(() => {
    if (!message || message.action) return;
    const timer = window.setTimeout(() => setMessage(null), FADE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [message]);

  return (
    <StatusContext.Provider value={announce}>
      {children}
      <div className="toast-region" aria-live={message?.tone === "error" ? "assertive" : "polite"} aria-atomic="true">
        {message && (
          <div key={message.key} className={`toast ${message.tone ?? "ok"}`} data-testid="toast">
            <span>{message.text}</span>
            {message.action && (
              <button
                type="button"
                className="button secondary small"
                onClick={() => {
                  const action = message.action;
                  setMessage(null);
                  action?.run();
                }}
              >
                {message.action.label}
              </button>
            )}
            <button type="button" className="toast-close" aria-label="Dismiss message" onClick={() => setMessage(null)}>
              ×
            </button>
          </div>
        )}
      </div>
    </StatusContext.Provider>
  );
}

export function useStatus(): Announce {
  return useContext(StatusContext);
}
