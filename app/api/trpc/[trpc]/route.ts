import { serverNow } from "@/server/clock";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { viewerFromHeaders } from "@/server/auth";
import { getDatabase } from "@/server/db/runtime";
import { requestLogger } from "@/server/logging/logger";
import { crossSiteRefusal, crossSiteResponse } from "@/server/security/cross-site";
import { appRouter } from "@/server/trpc/root";

async function handle(request: Request): Promise<Response> {
  // proxy.ts refuses these already; checked again here so the endpoint holds without it (and in tests).
  const refusal = crossSiteRefusal({ method: request.method, pathname: new URL(request.url).pathname, headers: request.headers });
  if (refusal) return crossSiteResponse(refusal);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async () => ({
      db: (await getDatabase()).db,
      viewer: await viewerFromHeaders(request.headers),
      now: serverNow,
    }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") requestLogger(request.headers).error({ err: error.cause ?? error, procedure: path }, "tRPC procedure failed");
    },
  });
}

export { handle as GET, handle as POST };
