import http from "node:http";

/**
 * One HTTP request over keep-alive connections (node:http rather than fetch, for `reusedSocket`). A server
 * may close an idle kept-alive connection just as the next request goes out on it: the request never reached
 * the app, and browsers send it again. So does this, once, and says so (`retried`), as Node's documentation of
 * `request.reusedSocket` recommends. Any other failure is reported.
 */

const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  retried: boolean;
}

export interface HttpRequest {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

function once(
  url: string,
  options: HttpRequest,
): Promise<{ answer?: HttpAnswer; error?: NodeJS.ErrnoException; reused: boolean }> {
  return new Promise((resolve) => {
    const request = http.request(
      url,
      { method: options.method ?? "GET", headers: options.headers, agent, signal: options.signal },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            answer: {
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString("utf8"),
              retried: false,
            },
            reused: request.reusedSocket,
          }),
        );
        response.on("error", (error: NodeJS.ErrnoException) => resolve({ error, reused: false }));
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) => resolve({ error, reused: request.reusedSocket }));
    request.end(options.body);
  });
}

export async function httpRequest(url: string, options: HttpRequest): Promise<HttpAnswer> {
  const first = await once(url, options);
  if (first.answer) return first.answer;
  if (first.error?.code === "ECONNRESET" && first.reused && !options.signal.aborted) {
    const second = await once(url, options);
    if (second.answer) return { ...second.answer, retried: true };
    throw second.error ?? new Error("no answer");
  }
  throw first.error ?? new Error("no answer");
}
