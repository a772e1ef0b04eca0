import { authFor } from "@/server/auth";
import { AUTH_BODY_BOUNDS, boundedRequest } from "@/server/security/bounded-request";
import { crossSiteRefusal, crossSiteResponse } from "@/server/security/cross-site";

/** better-auth checks origins itself too; refusing here first gives the same answer as every other endpoint. */
async function handle(incoming: Request): Promise<Response> {
  const refusal = crossSiteRefusal({
    method: incoming.method,
    pathname: new URL(incoming.url).pathname,
    headers: incoming.headers,
  });
  if (refusal) return crossSiteResponse(refusal);
  const request = await boundedRequest(incoming, AUTH_BODY_BOUNDS);
  if (request instanceof Response) return request;
  const auth = await authFor(request.headers);
  return auth.handler(request);
}

export { handle as GET, handle as POST };
