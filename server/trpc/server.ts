import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { viewerFromHeaders } from "@/server/auth";
import { getDatabase } from "@/server/db/runtime";
import type { Context } from "./context";
import { createCaller } from "./root";

/** One context per server render: the viewer is resolved once however many components ask. */
export const serverContext = cache(async (): Promise<Context> => {
  const { db } = await getDatabase();
  return { db, viewer: await viewerFromHeaders(await headers()), now: () => new Date() };
});

/** The server-side caller for server components: same procedures, same checks as over HTTP. */
export async function serverCaller() {
  return createCaller(await serverContext());
}
