import { authFor } from "@/server/auth";
import { crossSiteRefusal, crossSiteResponse } from "@/server/security/cross-site";

/** better-auth checks origins itself too; refusing here first gives the same answer as every other endpoint. */
async function handle(request: Request): Promise<Response> {
  const refusal = crossSiteRefusal({ method: request.method, pathname: new URL(request.url).pathname, headers: request.headers });
  if (refusal) return crossSiteResponse(refusal);
  const auth = await authFor(request.headers);
  return auth.handler(request);
}

export { handle as GET, handle as POST };
