/**
 * The production HTTP server: Next's request handler behind a plain Node server, so Toilcap knows each
 * client's address from the socket (`next start` only has X-Forwarded-For, which any client can write) and
 * listens on HOSTNAME when set. Environment problems stop it before it listens.
 */
import { createServer } from "node:http";
import next from "next";
import { parseEnv } from "@/server/env";
import { requestGate } from "@/server/http/request-gate";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "@/server/security/client-address";

const EMBEDDED_CONCURRENCY = 4;
const POOLED_CONCURRENCY = 16;
const SLOWEST_HOLD_MS = 15_000;

const parsed = parseEnv(process.env);
if (!parsed.ok) {
  console.error(`Toilcap cannot start: ${parsed.problems.join("; ")}`);
  process.exit(1);
}
const { PORT: port, HOSTNAME: hostname, TOILCAP_TRUSTED_PROXIES: trusted } = parsed.env;
const embedded = parsed.env.DATABASE_URL === undefined;
// PGlite answers one statement at a time for the whole process, so a few requests at once keep it busy; a
// PostgreSQL pool of connections serves more. Measured with `npm run load` (README, Mixed load).
const gate = requestGate(
  parsed.env.TOILCAP_CONCURRENT_REQUESTS ?? (embedded ? EMBEDDED_CONCURRENCY : POOLED_CONCURRENCY),
);

const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();

await app.prepare();
createServer((request, response) => {
  const forwarded = request.headers["x-forwarded-for"];
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(
    request.socket.remoteAddress ?? "",
    Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    trusted,
  );
  void gate.enter().then((done) => {
    // Released when the handler is done or the client went away; a client too slow to read its answer holds
    // the place at most SLOWEST_HOLD_MS, so it cannot stall the requests behind it.
    if (request.socket.destroyed) return done();
    response.once("close", done);
    setTimeout(done, SLOWEST_HOLD_MS).unref();
    void handle(request, response).finally(done);
  });
}).listen(port, hostname, () => {
  console.info(`Toilcap: listening on ${hostname ?? "every interface"}, port ${port}`);
});
