import "server-only";
import { serverNow } from "@/server/clock";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { viewerFromHeaders } from "@/server/auth";
import { getDatabase } from "@/server/db/runtime";
import type { Context } from "./context";
import { createCaller } from "./root";

/** One context per server render: the viewer is resolved once however many components ask. */
export const serverContext = cache(async (): Promise<Context> => {
  // headers() first: it marks the render dynamic, so `next build` never opens the database to prerender.
  const requestHeaders = await headers();
  const { db } = await getDatabase();
  return { db, viewer: await viewerFromHeaders(requestHeaders), now: serverNow };
});

/** The server-side caller for server components: same procedures, same checks as over HTTP. */
export async function serverCaller() {
  return createCaller(await serverContext());
}

/**
 * The caller for pages behind sign-in. Next renders a page alongside its layout, so the layout's redirect
 * alone would still let the page's first query throw UNAUTHORIZED into the server log: redirect here too.
 */
export async function signedInCaller() {
  const context = await serverContext();
  if (!context.viewer) redirect("/sign-in");
  return createCaller(context);
}

/**
 * The teams the signed-in viewer sees, read once per server render: the shell and most pages both need them (the
 * team switcher, and the team the page shows). Through the procedure, so its checks still apply.
 */
export const viewerTeams = cache(async () => (await signedInCaller()).teams.list());
