import type { z } from "zod";

/**
 * "email: Enter a valid email address; roles: Pick at least one role": each zod issue as the field's path, then
 * what is wrong with it, rather than a JSON dump. `limit` keeps a huge bad payload's answer short.
 */
export function issuesText(error: z.ZodError, limit = Number.POSITIVE_INFINITY): string {
  return error.issues
    .slice(0, limit)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}
