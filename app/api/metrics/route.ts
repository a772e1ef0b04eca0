import { serverNow } from "@/server/clock";
import { getDatabase } from "@/server/db/runtime";
import { requestLogger } from "@/server/logging/logger";
import { scrapeToilMetrics } from "@/server/integrations/metrics/toil-metrics";
import { authenticateBearer, bearerSecret } from "@/server/services/api-tokens/authenticate-token";
import { apiError, unauthorized } from "../v1/responses";

export const dynamic = "force-dynamic";

/**
 * `GET /api/metrics` with `Authorization: Bearer <personal API token>` of an admin or a manager: Prometheus
 * exposition of the current month's toil and on-call shares per team and engineer, and interrupt counts.
 */
export async function GET(request: Request): Promise<Response> {
  const now = serverNow();
  try {
    const { db } = await getDatabase();
    const viewer = await authenticateBearer(db, request.headers, now);
    if (!viewer) return unauthorized(bearerSecret(request.headers) !== null);
    const scrape = await scrapeToilMetrics(db, viewer, now);
    if (!scrape.ok)
      return apiError(403, "forbidden", "Metrics name every engineer: only admins and team managers may scrape them.");
    return new Response(await scrape.registry.metrics(), {
      headers: { "content-type": scrape.registry.contentType, "cache-control": "no-store" },
    });
  } catch (error) {
    requestLogger(request.headers).error({ err: error }, "GET /api/metrics failed");
    // The scrape failed on our side (most likely the database): Prometheus marks the target down and retries.
    return apiError(503, "internal", "The metrics could not be collected; try again shortly.", {
      headers: { "retry-after": "30" },
    });
  }
}
