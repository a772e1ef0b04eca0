import { serverNow } from "@/server/clock";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { viewerFromHeaders } from "@/server/auth";
import { getDatabase } from "@/server/db/runtime";
import { requestLogger } from "@/server/logging/logger";
import { boundedRequest, TRPC_BODY_BOUNDS } from "@/server/security/bounded-request";
import { crossSiteRefusal, crossSiteResponse } from "@/server/security/cross-site";
import { MAX_BATCH_SIZE } from "@/server/trpc/limits";
import { appRouter } from "@/server/trpc/root";

async function handle(incoming: Request): Promise<Response> {
  // proxy.ts refuses these already; checked again here so the endpoint holds without it (and in tests).
  const refusal = crossSiteRefusal({
    method: incoming.method,
    pathname: new URL(incoming.url).pathname,
    headers: incoming.headers,
  });
  if (refusal) return crossSiteResponse(refusal);
  const request = await boundedRequest(incoming, TRPC_BODY_BOUNDS);
  if (request instanceof Response) return request;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: async () => ({
      db: (await getDatabase()).db,
      viewer: await viewerFromHeaders(request.headers),
      now: serverNow,
    }),
    // Answers carry people's figures and secrets shown once: no browser or proxy may keep a copy.
    responseMeta: () => ({ headers: { "cache-control": "no-store" } }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        requestLogger(request.headers).error({ err: error.cause ?? error, procedure: path }, "tRPC procedure failed");
    },
  });
}

export { handle as GET, handle as POST };
