import "server-only";
import { getDatabase } from "@/server/db/runtime";
import { ensureAuthSecret } from "@/server/db/instance";
import { type Auth, createAuth } from "./auth";
import { loadViewerByUserId } from "./viewer";
import type { Viewer } from "./permissions";

const holder = globalThis as typeof globalThis & { __toilcapAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  holder.__toilcapAuth ??= getDatabase().then(async ({ db }) => createAuth(db, await ensureAuthSecret(db)));
  return holder.__toilcapAuth;
}

/** The signed-in person for these request headers, or null. */
export async function viewerFromHeaders(headers: Headers): Promise<Viewer | null> {
  const auth = await getAuth();
  const found = await auth.api.getSession({ headers });
  if (!found) return null;
  const { db } = await getDatabase();
  return loadViewerByUserId(db, found.user.id);
}
