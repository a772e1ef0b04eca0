/** A webhook body read whole, or why it was not. */
export type LimitedBody = { ok: true; text: string } | { ok: false; status: 400 | 408 | 413; reason: string };

/** 1 MiB: a notification of a thousand alerts with long annotations fits several times over. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/** A webhook body arrives in well under a second; a sender trickling it for longer is holding a connection open. */
export const DEFAULT_BODY_DEADLINE_MS = 10_000;

const TIMED_OUT = Symbol("timed out");

/** The next chunk, or TIMED_OUT once the deadline (an epoch in milliseconds) has passed. */
async function readBefore(reader: ReadableStreamDefaultReader<Uint8Array>, deadline: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, deadline - performance.now()));
  });
  try {
    return await Promise.race([reader.read(), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reads a request body as UTF-8 text, refusing it past `limit` bytes: first by its Content-Length, then while
 * reading (a sender may omit or understate the header, as with chunked encoding), so an oversized body is never
 * held in memory whole; and refusing a body still arriving after `deadlineMs` (408), so a slow sender cannot hold a
 * request for the server's own timeout. Never throws.
 */
export async function readLimitedBody(
  request: Request,
  limit = DEFAULT_BODY_LIMIT_BYTES,
  deadlineMs = DEFAULT_BODY_DEADLINE_MS,
): Promise<LimitedBody> {
  const tooLarge = { ok: false, status: 413, reason: `The body is larger than the limit of ${limit} bytes.` } as const;
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) return tooLarge;
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  const deadline = performance.now() + deadlineMs;
  try {
    for (;;) {
      const chunk = await readBefore(reader, deadline);
      if (chunk === TIMED_OUT) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, status: 408, reason: `The body did not arrive within ${deadlineMs / 1000} seconds.` };
      }
      const { done, value } = chunk;
      if (done) break;
      received += value.byteLength;
      if (received > limit) {
        await reader.cancel().catch(() => undefined);
        return tooLarge;
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, status: 400, reason: "The body could not be read completely." };
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, status: 400, reason: "The body is not valid UTF-8 text." };
  }
}
