import { describe, expect, test } from "vitest";
import { readLimitedBody } from "./read-limited-body";

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://localhost/hook", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readLimitedBody", () => {
  test("reads a body within the limit", async () => {
    expect(await readLimitedBody(post('{"a":1}'), 100)).toEqual({ ok: true, text: '{"a":1}' });
    expect(await readLimitedBody(post("é".repeat(50)), 100)).toEqual({ ok: true, text: "é".repeat(50) });
  });

  test("refuses by Content-Length before reading", async () => {
    expect(await readLimitedBody(post("small", { "content-length": "5000" }), 100)).toMatchObject({
      ok: false,
      status: 413,
    });
  });

  test("refuses while reading when the header is missing or understated (chunked)", async () => {
    const result = await readLimitedBody(post(streamOf(["x".repeat(60), "x".repeat(60)])), 100);
    expect(result).toMatchObject({ ok: false, status: 413, reason: expect.stringContaining("100 bytes") });
  });

  test("counts bytes, not characters", async () => {
    expect(await readLimitedBody(post("é".repeat(60)), 100)).toMatchObject({ ok: false, status: 413 });
  });

  test("refuses bytes that are not UTF-8, and reads an empty body as empty", async () => {
    expect(await readLimitedBody(post(new Uint8Array([0xff, 0xfe, 0x00])), 100)).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(await readLimitedBody(post(null), 100)).toEqual({ ok: true, text: "" });
  });

  test("refuses a body still trickling in after the deadline", async () => {
    const encoder = new TextEncoder();
    const trickle = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode("{"));
      },
    });
    const started = performance.now();
    const result = await readLimitedBody(post(trickle), 100, 200);
    expect(result).toMatchObject({ ok: false, status: 408, reason: expect.stringContaining("0.2 seconds") });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
