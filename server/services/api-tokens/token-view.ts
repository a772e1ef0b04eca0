import type { apiToken } from "@/db/schema";

/** A token as its owner sees it in Settings: never the secret, never its hash. */
export interface ApiTokenView {
  id: string;
  name: string;
  /** The first characters of the secret, to tell tokens apart. */
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  /** When it stops working; null for the few made before tokens expired. */
  expiresAt: Date | null;
}

export function tokenView(row: typeof apiToken.$inferSelect): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
  };
}
