import { getDatabase } from "@/server/db/runtime";
import { benchRoutesEnabled, json, notFound } from "@/server/bench/baselines/enabled";
import { baselineOrgSummary } from "@/server/bench/baselines/org-summary";

export const dynamic = "force-dynamic";

/** Benchmark baseline (TOILCAP_BENCH=1 only, see enabled.ts): `GET ?org=ID&zone=IANA`, every team's quarter. */
export async function GET(request: Request): Promise<Response> {
  if (!benchRoutesEnabled()) return notFound();
  const params = new URL(request.url).searchParams;
  const { db } = await getDatabase();
  return json(await baselineOrgSummary(db, params.get("org") ?? "", params.get("zone") ?? "UTC", new Date()));
}
