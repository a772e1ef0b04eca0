import type { z } from "zod";

/** NUL, or a UTF-16 surrogate without its other half: PostgreSQL refuses the first, and neither is text anyone typed. */
const UNSAFE_CHARACTER = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSAFE_TEXT_MESSAGE = "Contains a NUL byte or a broken Unicode character";

export function isSafeText(value: string): boolean {
  return !UNSAFE_CHARACTER.test(value);
}

/**
 * Where in a procedure's input a string carries an unsafe character, as zod issues: every text field of every
 * procedure is checked once, before its own schema, so no field can forget it.
 */
export function unsafeTextIssues(input: unknown, at: PropertyKey[] = []): z.core.$ZodIssue[] {
  if (typeof input === "string") {
    return isSafeText(input) ? [] : [{ code: "custom", path: at, message: UNSAFE_TEXT_MESSAGE, input }];
  }
  if (Array.isArray(input)) return input.flatMap((item, index) => unsafeTextIssues(item, [...at, index]));
  if (typeof input === "object" && input !== null && !(input instanceof Date)) {
    return Object.entries(input).flatMap(([key, value]) => [
      ...(isSafeText(key)
        ? []
        : [{ code: "custom" as const, path: [...at, key], message: UNSAFE_TEXT_MESSAGE, input: key }]),
      ...unsafeTextIssues(value, [...at, key]),
    ]);
  }
  return [];
}
