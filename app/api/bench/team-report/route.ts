import { getDatabase } from "@/server/db/runtime";
import { benchRoutesEnabled, json, notFound } from "@/server/bench/baselines/enabled";
import { baselineTeamReport } from "@/server/bench/baselines/team-report";

export const dynamic = "force-dynamic";

/** Benchmark baseline (TOILCAP_BENCH=1 only, see enabled.ts): `GET ?team=ID&zone=IANA`, a team's quarter. */
export async function GET(request: Request): Promise<Response> {
  if (!benchRoutesEnabled()) return notFound();
  const params = new URL(request.url).searchParams;
  const { db } = await getDatabase();
  return json(await baselineTeamReport(db, params.get("team") ?? "", params.get("zone") ?? "UTC", new Date()));
}
