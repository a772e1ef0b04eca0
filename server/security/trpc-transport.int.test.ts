import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { useDatabase } from "@/server/db/runtime";
import { MAX_BATCH_SIZE } from "@/server/trpc/limits";
import { createTestDatabase } from "@/server/testing/test-db";
import { GET, POST } from "@/app/api/trpc/[trpc]/route";
import { POST as AUTH_POST } from "@/app/api/auth/[...all]/route";
import { boundedRequest } from "./bounded-request";

/** Issue 12's smaller items at the tRPC endpoint itself: batch size, caching, and request bodies. */
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
}, 120_000);

afterAll(async () => {
  await database?.close();
});

const ORIGIN = "http://localhost:3000";

function batchOf(calls: number): Request {
  const paths = Array.from({ length: calls }, () => "instance.status").join(",");
  const input = encodeURIComponent(
    JSON.stringify(Object.fromEntries(Array.from({ length: calls }, (_, i) => [i, { json: null }]))),
  );
  return new Request(`${ORIGIN}/api/trpc/${paths}?batch=1&input=${input}`);
}

test(`a batch of ${MAX_BATCH_SIZE} calls is answered; one more is refused with 400 before any runs`, async () => {
  expect((await GET(batchOf(MAX_BATCH_SIZE))).status).toBe(200);
  const refused = await GET(batchOf(MAX_BATCH_SIZE + 1));
  expect(refused.status).toBe(400);
  expect(await refused.text()).toContain("Batch call exceeds maximum size");
  expect((await GET(batchOf(100))).status).toBe(400);
});

test("every tRPC answer says Cache-Control: no-store, success or error", async () => {
  expect((await GET(new Request(`${ORIGIN}/api/trpc/instance.status`))).headers.get("cache-control")).toBe("no-store");
  expect((await GET(new Request(`${ORIGIN}/api/trpc/viewer.me`))).headers.get("cache-control")).toBe("no-store");
});

function bigPost(url: string, bytes: number): Request {
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", origin: ORIGIN, host: "localhost:3000" },
    body: JSON.stringify({ json: { summary: "x".repeat(bytes) } }),
  });
}

test("a tRPC body over 32 MiB is refused with 413; an auth body over 64 KiB too", async () => {
  expect((await POST(bigPost(`${ORIGIN}/api/trpc/workLog.create`, 33 * 1024 * 1024))).status).toBe(413);
  expect((await AUTH_POST(bigPost(`${ORIGIN}/api/auth/sign-in/email`, 65 * 1024))).status).toBe(413);
});

test("a body still arriving after the deadline is refused with 408 instead of holding the request", async () => {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"json":'));
      // Never closes: a sender trickling, or stopping, mid-body.
    },
  });
  const slow = new Request(`${ORIGIN}/api/trpc/workLog.create`, {
    method: "POST",
    body,
    duplex: "half",
  } as RequestInit);
  const started = Date.now();
  const answer = await boundedRequest(slow, { maxBytes: 1024, timeoutMs: 200 });
  expect(answer).toBeInstanceOf(Response);
  expect(answer instanceof Response ? answer.status : 0).toBe(408);
  expect(Date.now() - started).toBeLessThan(2000);
});
