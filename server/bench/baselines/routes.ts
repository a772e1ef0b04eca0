import type { Db } from "@/db/client";
import { baselineAlertmanager } from "./alertmanager";
import { baselineOrgSummary } from "./org-summary";
import { baselineTeamReport } from "./team-report";
import { baselineLogEntry, sessionToken } from "./work-entry";

export interface BaselineResponse {
  status: number;
  body: unknown;
}

export interface BaselineRequest {
  method: string;
  url: URL;
  cookie: string | null;
  body: string;
}

const ALERTMANAGER_PATH = /^\/bench\/alertmanager\/([^/]+)$/;

/**
 * The raw-SQL baselines `npm run bench` measures the app against, by path. They skip sign-in checks and
 * validation on purpose, which is why they live in their own server (server.ts) and never in the app's build.
 */
export async function answerBaseline(db: Db, request: BaselineRequest, now: Date): Promise<BaselineResponse> {
  const { method, url } = request;
  const params = url.searchParams;
  if (method === "GET" && url.pathname === "/bench/team-report") {
    return {
      status: 200,
      body: await baselineTeamReport(db, params.get("team") ?? "", params.get("zone") ?? "UTC", now),
    };
  }
  if (method === "GET" && url.pathname === "/bench/org-summary") {
    return {
      status: 200,
      body: await baselineOrgSummary(db, params.get("org") ?? "", params.get("zone") ?? "UTC", now),
    };
  }
  if (method === "POST" && url.pathname === "/bench/work-entry") {
    const token = sessionToken(request.cookie);
    if (!token) return { status: 401, body: { error: "no session" } };
    const entry = await baselineLogEntry(db, token, JSON.parse(request.body));
    return entry ? { status: 201, body: entry } : { status: 401, body: { error: "no session" } };
  }
  if (url.pathname === "/bench/ready") return { status: 200, body: { ready: true } };
  const alertmanager = ALERTMANAGER_PATH.exec(url.pathname);
  if (method === "POST" && alertmanager?.[1]) {
    const outcome = await baselineAlertmanager(db, decodeURIComponent(alertmanager[1]), request.body);
    return { status: outcome.status, body: outcome };
  }
  return { status: 404, body: { error: "not found" } };
}
