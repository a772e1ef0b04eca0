/**
 * The raw-SQL baseline routes under /api/bench exist only to measure the stack against (npm run bench). They skip
 * sign-in checks and validation on purpose, so they must never answer in production: they are off unless the
 * server was started with TOILCAP_BENCH=1, which only the benchmark runner sets, and then answer 404 like any
 * unknown path.
 */
export function benchRoutesEnabled(): boolean {
  return process.env.TOILCAP_BENCH === "1";
}

export function notFound(): Response {
  return new Response("Not Found", { status: 404 });
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}
