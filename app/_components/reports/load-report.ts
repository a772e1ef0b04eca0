import { TRPCError } from "@trpc/server";

export type Loaded<T> = { ok: true; data: T } | { ok: false; message: string; code: string };

/**
 * Runs a report procedure for a server page, turning a refusal (FORBIDDEN, NOT_FOUND, a bad period) into a
 * message the page shows rather than an error page. Anything else is a bug and still throws.
 */
export async function loadReport<T>(run: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") {
      return { ok: false, code: error.code, message: refusalText(error) };
    }
    throw error;
  }
}

function refusalText(error: TRPCError): string {
  const cause: unknown = error.cause;
  // zod issues arrive as a JSON list of messages; show the first one's words, not the JSON.
  if (cause && typeof cause === "object" && "issues" in cause && Array.isArray(cause.issues)) {
    const first: unknown = cause.issues[0];
    if (first && typeof first === "object" && "message" in first && typeof first.message === "string")
      return first.message;
  }
  return error.message;
}
