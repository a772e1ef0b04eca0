import type { z } from "zod";

/** "email: Enter a valid email address": each zod issue as the field's path, then what is wrong with it. */
export function issueLines(error: z.ZodError, limit = Number.POSITIVE_INFINITY): string[] {
  return error.issues
    .slice(0, limit)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join(".")}: ${issue.message}` : issue.message));
}

/**
 * "email: Enter a valid email address; roles: Pick at least one role": the issues on one line, rather than a JSON
 * dump. `limit` keeps a huge bad payload's answer short.
 */
export function issuesText(error: z.ZodError, limit = Number.POSITIVE_INFINITY): string {
  return issueLines(error, limit).join("; ");
}
