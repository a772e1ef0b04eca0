import { type HttpAnswer, httpRequest } from "./http-request";

/**
 * Clients of the running app, as a browser and Alertmanager reach it: better-auth's email sign-in, tRPC over
 * HTTP (superjson's `{ json }` envelope, no batching), pages, and the Alertmanager webhook.
 */

export interface Session {
  email: string;
  cookie: string;
}

const TIMEOUT_MS = 60_000;

export async function signIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const answer = await httpRequest(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    // As a browser sends it: better-auth refuses a cookie-setting POST without an Origin.
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (answer.status !== 200)
    throw new Error(`sign-in of ${email} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  const cookie = (answer.headers["set-cookie"] ?? [])
    .map((line) => line.split(";")[0] ?? "")
    .filter((pair) => pair.includes("="))
    .join("; ");
  if (!cookie) throw new Error(`sign-in of ${email} set no cookie`);
  return { email, cookie };
}

export type Answer = HttpAnswer;

function trpcUrl(baseUrl: string, procedure: string, input?: unknown): string {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return `${baseUrl}/api/trpc/${procedure}${query}`;
}

export function trpcQuery(
  baseUrl: string,
  session: Session,
  procedure: string,
  input?: unknown,
  signal?: AbortSignal,
): Promise<Answer> {
  return httpRequest(trpcUrl(baseUrl, procedure, input), {
    headers: { cookie: session.cookie },
    signal: signal ?? AbortSignal.timeout(TIMEOUT_MS),
  });
}

export function trpcMutation(
  baseUrl: string,
  session: Session,
  procedure: string,
  input: unknown,
  signal?: AbortSignal,
): Promise<Answer> {
  return httpRequest(trpcUrl(baseUrl, procedure), {
    method: "POST",
    headers: { cookie: session.cookie, "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ json: input }),
    signal: signal ?? AbortSignal.timeout(TIMEOUT_MS),
  });
}

/** The procedure's result from a 200 answer (superjson's `json` part; dates stay ISO strings). */
export function trpcData<T>(answer: Answer): T {
  if (answer.status !== 200) throw new Error(`tRPC answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  const parsed = JSON.parse(answer.body) as { result?: { data?: { json?: T } } };
  const data = parsed.result?.data?.json;
  if (data === undefined) throw new Error(`tRPC answered without data: ${answer.body.slice(0, 300)}`);
  return data;
}

export function getPage(baseUrl: string, session: Session, pathname: string, signal?: AbortSignal): Promise<Answer> {
  return httpRequest(`${baseUrl}${pathname}`, {
    headers: { cookie: session.cookie },
    signal: signal ?? AbortSignal.timeout(TIMEOUT_MS),
  });
}

/** One firing alert, as Alertmanager 0.27 posts it (webhook version 4). */
export function firingAlert(fingerprint: string, startsAt: string) {
  return {
    receiver: "toilcap",
    status: "firing",
    alerts: [
      {
        status: "firing",
        labels: { alertname: "LoadTestAlert", severity: "warning", service: "load-test" },
        annotations: { summary: `load test alert ${fingerprint}` },
        startsAt,
        endsAt: "0001-01-01T00:00:00Z",
        generatorURL: "http://prometheus.example.test/graph",
        fingerprint,
      },
    ],
    groupLabels: { alertname: "LoadTestAlert" },
    commonLabels: { alertname: "LoadTestAlert" },
    commonAnnotations: {},
    externalURL: "http://alertmanager.example.test:9093",
    version: "4",
    groupKey: `{}:{alertname="LoadTestAlert", fingerprint="${fingerprint}"}`,
    truncatedAlerts: 0,
  };
}

export function postAlert(baseUrl: string, secret: string, body: unknown, signal?: AbortSignal): Promise<Answer> {
  return httpRequest(`${baseUrl}/api/integrations/alertmanager/${secret}`, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "Alertmanager/0.27.0" },
    body: JSON.stringify(body),
    signal: signal ?? AbortSignal.timeout(TIMEOUT_MS),
  });
}
