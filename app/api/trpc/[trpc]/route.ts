import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { viewerFromHeaders } from "@/server/auth";
import { getDatabase } from "@/server/db/runtime";
import { appRouter } from "@/server/trpc/root";

/** Browsers always send Origin on cross-site POSTs: refuse state changes coming from another site. */
function isCrossSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (request.method !== "POST" || origin === null) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

async function handle(request: Request): Promise<Response> {
  if (isCrossSite(request)) return Response.json({ error: "Cross-site request refused" }, { status: 403 });
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async () => ({
      db: (await getDatabase()).db,
      viewer: await viewerFromHeaders(request.headers),
      now: () => new Date(),
    }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}

export { handle as GET, handle as POST };
