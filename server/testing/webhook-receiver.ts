import http from "node:http";
import { Webhook } from "standardwebhooks";

/** What a webhook receiver got: one POST. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  /** The body as sent, for checking its signature. */
  rawBody: string;
}

/** How the receiver answers its n-th request (0-based): an HTTP status, or "hang" to never answer. */
export type Answer = number | "hang";

export interface WebhookReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Changes how later requests are answered. */
  answer(next: (n: number) => Answer): void;
  close(): Promise<void>;
}

/**
 * A real HTTP server on a random local port that records every request and answers as told: the other end of
 * the breach webhooks in tests.
 */
export async function startWebhookReceiver(initial: (n: number) => Answer = () => 200): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  let answerFor = initial;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: kept as text, and the test will say so.
      }
      const n = requests.length;
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body, rawBody: text });
      const answer = answerFor(n);
      if (answer === "hang") return;
      res.writeHead(answer, { "content-type": "text/plain" }).end(answer < 300 ? "ok" : "not ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("the receiver has no port");
  const { port } = address;
  return {
    url: `http://127.0.0.1:${port}/hooks/toilcap?token=s3cret`,
    requests,
    answer(next) {
      answerFor = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Checks a request's Standard Webhooks signature with the reference library; returns the verified JSON. */
export function verifiedBody(request: ReceivedRequest | undefined, signingSecret: string): unknown {
  if (!request) throw new Error("no request was received");
  const header = (name: string) => {
    const value = request.headers[name];
    return typeof value === "string" ? value : "";
  };
  const headers = {
    "webhook-id": header("webhook-id"),
    "webhook-timestamp": header("webhook-timestamp"),
    "webhook-signature": header("webhook-signature"),
  };
  return new Webhook(signingSecret).verify(request.rawBody, headers);
}
