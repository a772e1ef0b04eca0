import http from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { startWebhookReceiver, type WebhookReceiver } from "@/server/testing/webhook-receiver";
import { ALLOW_HOSTS_ENV, REFUSED_DESTINATION } from "./destination";
import { postJson } from "./post-json";

let receiver: WebhookReceiver;
const port = () => new URL(receiver.url).port;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterEach(() => {
  vi.unstubAllEnvs();
});
afterAll(async () => receiver?.close());

/** A server that answers every request with a redirect to `location`. */
async function redirectingTo(location: string) {
  const server = http.createServer((_req, res) => res.writeHead(307, { location }).end());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("posting a webhook to the server's own network", () => {
  test.each([
    "http://127.0.0.1:PORT/hook",
    "http://localhost:PORT/hook",
    "http://2130706433:PORT/hook",
    "http://0x7f.1:PORT/hook",
    "http://[::ffff:127.0.0.1]:PORT/hook",
    "http://[::1]:PORT/hook",
    "http://0.0.0.0:PORT/hook",
  ])("%s is refused, and the receiver never hears of it", async (url) => {
    vi.stubEnv(ALLOW_HOSTS_ENV, "");
    const before = receiver.requests.length;
    const answer = await postJson(url.replace("PORT", port()), "{}");
    expect(answer).toMatchObject({ ok: false, status: null, error: REFUSED_DESTINATION });
    expect(receiver.requests).toHaveLength(before);
  });

  test("a closed port, PostgreSQL's port and an open one all read alike: nothing tells them apart", async () => {
    vi.stubEnv(ALLOW_HOSTS_ENV, "");
    const errors = await Promise.all(
      ["1", "5432", port()].map(async (p) => (await postJson(`http://127.0.0.1:${p}/`, "{}")).error),
    );
    expect(new Set(errors)).toEqual(new Set([REFUSED_DESTINATION]));
  });

  test("an allow-listed host is reached; its failures name no address or port", async () => {
    vi.stubEnv(ALLOW_HOSTS_ENV, "127.0.0.1");
    expect(await postJson(receiver.url, '{"a":1}')).toMatchObject({ ok: true, status: 200, error: null });
    expect(receiver.requests.at(-1)?.body).toEqual({ a: 1 });
    const closed = await postJson("http://127.0.0.1:1/hook", "{}");
    expect(closed).toMatchObject({ ok: false, status: null, error: "could not connect" });
    expect(closed.error).not.toMatch(/ECONN|127\.0\.0\.1|:1\b/);
  });

  test("a redirect is not followed, not even from an allowed host to another local one", async () => {
    vi.stubEnv(ALLOW_HOSTS_ENV, "127.0.0.1");
    const redirect = await redirectingTo(`http://localhost:${port()}/hook`);
    const before = receiver.requests.length;
    try {
      expect(await postJson(redirect.url, "{}")).toMatchObject({
        ok: false,
        status: 307,
        error: "HTTP 307 (redirects are not followed)",
      });
      expect(receiver.requests).toHaveLength(before);
    } finally {
      await redirect.close();
    }
  });
});
