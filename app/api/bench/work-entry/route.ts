import { getDatabase } from "@/server/db/runtime";
import { benchRoutesEnabled, json, notFound } from "@/server/bench/baselines/enabled";
import { baselineLogEntry, sessionToken } from "@/server/bench/baselines/work-entry";

export const dynamic = "force-dynamic";

/** Benchmark baseline (TOILCAP_BENCH=1 only, see enabled.ts): `POST {summary, minutes, category}` with the session cookie. */
export async function POST(request: Request): Promise<Response> {
  if (!benchRoutesEnabled()) return notFound();
  const token = sessionToken(request.headers.get("cookie"));
  if (!token) return json({ error: "no session" }, 401);
  const body = (await request.json()) as { summary: string; minutes: number; category: "toil" | "overhead" };
  const { db } = await getDatabase();
  const entry = await baselineLogEntry(db, token, body);
  return entry ? json(entry, 201) : json({ error: "no session" }, 401);
}
