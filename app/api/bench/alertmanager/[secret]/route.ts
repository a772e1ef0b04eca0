import { getDatabase } from "@/server/db/runtime";
import { benchRoutesEnabled, json, notFound } from "@/server/bench/baselines/enabled";
import { baselineAlertmanager } from "@/server/bench/baselines/alertmanager";

export const dynamic = "force-dynamic";

/** Benchmark baseline (TOILCAP_BENCH=1 only, see enabled.ts): an Alertmanager notification stored with raw SQL. */
export async function POST(request: Request, context: { params: Promise<{ secret: string }> }): Promise<Response> {
  if (!benchRoutesEnabled()) return notFound();
  const { secret } = await context.params;
  const { db } = await getDatabase();
  const outcome = await baselineAlertmanager(db, secret, await request.text());
  return json(outcome, outcome.status);
}
