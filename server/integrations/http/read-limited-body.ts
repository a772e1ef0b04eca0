/** A webhook body read whole, or why it was not. */
export type LimitedBody = { ok: true; text: string } | { ok: false; status: 400 | 413; reason: string };

/** 1 MiB: a notification of a thousand alerts with long annotations fits several times over. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Reads a request body as UTF-8 text, refusing it past `limit` bytes: first by its Content-Length, then while
 * reading (a sender may omit or understate the header, as with chunked encoding), so an oversized body is never
 * held in memory whole. Never throws.
 */
export async function readLimitedBody(request: Request, limit = DEFAULT_BODY_LIMIT_BYTES): Promise<LimitedBody> {
  const tooLarge = { ok: false, status: 413, reason: `The body is larger than the limit of ${limit} bytes.` } as const;
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) return tooLarge;
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
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
