import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { team } from "@/db/schema";
import { newSigningSecret } from "@/server/integrations/breach-webhook/signature";

/**
 * The team's webhook signing secret, made on first need: a team whose webhook was set before deliveries were
 * signed gets one at its next delivery (a manager sees it by rotating). Of concurrent callers the first write wins.
 */
export async function signingSecretOf(db: Db, teamId: string): Promise<string> {
  const [found] = await db.select({ secret: team.breachWebhookSecret }).from(team).where(eq(team.id, teamId));
  if (found?.secret) return found.secret;
  await db
    .update(team)
    .set({ breachWebhookSecret: newSigningSecret() })
    .where(and(eq(team.id, teamId), isNull(team.breachWebhookSecret)));
  const [made] = await db.select({ secret: team.breachWebhookSecret }).from(team).where(eq(team.id, teamId));
  if (!made?.secret) throw new Error("the team has no signing secret");
  return made.secret;
}
