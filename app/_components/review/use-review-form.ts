"use client";

import { useState } from "react";
import { z } from "zod";
import { type FieldErrors, fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useReviewRefresh } from "./use-review-refresh";

/**
 * The state two review dialogs (an interrupt's review, an alert's silence) share: the field errors of their form,
 * checked against the server's schema before a save and from the server's refusal after one, and the link to the
 * root-cause fix both ask for. `handlers` go to the save's mutationOptions: the review shown is refetched after it.
 */
export function useReviewForm(initialFixUrl: string) {
  const refresh = useReviewRefresh();
  const [fixUrl, setFixUrl] = useState(initialFixUrl);
  const [errors, setErrors] = useState<FieldErrors>({});
  /** A field's message goes once its value changes; the form's own stays until the next save. */
  const edited = (name: string) => setErrors(({ [name]: _fixed, ...rest }) => rest);
  return {
    errors,
    edited,
    fixUrl,
    /** The fix link as typed, null when blank. */
    fixUrlInput: fixUrl.trim() === "" ? null : fixUrl.trim(),
    fixChanged: (value: string) => {
      setFixUrl(value);
      edited("fixUrl");
    },
    /** The input to save when it passes `schema`; otherwise null, with its errors shown. */
    checked: <Input>(schema: z.ZodType<Input>, input: unknown): Input | null => {
      const parsed = schema.safeParse(input);
      setErrors(parsed.success ? {} : z.flattenError(parsed.error).fieldErrors);
      return parsed.success ? parsed.data : null;
    },
    handlers: <Saved>(onSaved: (saved: Saved) => void) => ({
      onSuccess: async (saved: Saved) => {
        await refresh();
        onSaved(saved);
      },
      onError: (failure: unknown) => {
        const fields = fieldErrorsOf(failure);
        setErrors(Object.keys(fields).length > 0 ? fields : { form: [messageOf(failure)] });
      },
    }),
  };
}
