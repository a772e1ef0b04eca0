import { TRPCClientError } from "@trpc/client";

export type FieldErrors = Record<string, string[] | undefined>;

/** The per-field messages the server's error formatter attaches (zod issues or a domain error's field). */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (error instanceof TRPCClientError) {
    const data: unknown = error.data;
    if (data && typeof data === "object" && "fieldErrors" in data) {
      const fieldErrors = (data as { fieldErrors: unknown }).fieldErrors;
      if (fieldErrors && typeof fieldErrors === "object") return fieldErrors as FieldErrors;
    }
  }
  return {};
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : "Something went wrong.";
}
