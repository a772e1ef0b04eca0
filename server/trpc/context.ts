import "server-only";
import type { Db } from "@/db/client";
import type { Viewer } from "@/server/auth/permissions";

export interface Context {
  db: Db;
  viewer: Viewer | null;
  /** Injected so tests and reports agree on "now". */
  now: () => Date;
}
