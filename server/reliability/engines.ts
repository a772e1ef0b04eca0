import type { Engine } from "@/db/client";
import { postgresAdminUrl } from "./scratch-database";

/** Both engines, always listed: PostgreSQL's runs are skipped (visibly) when no TEST_DATABASE_URL is set. */
export const ENGINES: Engine[] = ["pglite", "postgres"];

export const unavailable = (engine: Engine): boolean => engine === "postgres" && postgresAdminUrl() === undefined;
