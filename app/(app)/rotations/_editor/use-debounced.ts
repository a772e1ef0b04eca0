"use client";

import { useEffect, useRef, useState } from "react";

/**
 * `value` once it has stopped changing for `ms`. Values compare by their JSON, so a draft rebuilt on every
 * render with the same fields does not restart the wait.
 */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const latest = useRef(value);
  latest.current = value;
  const key = JSON.stringify(value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the JSON key is the dependency, so an equal draft does not restart the wait
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(latest.current), ms);
    return () => window.clearTimeout(timer);
  }, [key, ms]);
  return settled;
}
