import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { toilTemplate } from "@/db/schema";
import { loadTemplateViews, type TemplateView } from "./template-view";

/** The team's templates. The caller's membership is checked by the procedure. */
export function listTemplates(db: Db, teamId: string): Promise<TemplateView[]> {
  return loadTemplateViews(db, eq(toilTemplate.teamId, teamId));
}
