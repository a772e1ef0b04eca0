/**
 * The production HTTP server: Next's request handler behind a plain Node server, so Toilcap knows each
 * client's address from the socket (`next start` only has X-Forwarded-For, which any client can write) and
 * listens on HOSTNAME when set. Environment problems stop it before it listens.
 */
import { createServer } from "node:http";
import next from "next";
import { parseEnv } from "@/server/env";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "@/server/security/client-address";

const parsed = parseEnv(process.env);
if (!parsed.ok) {
  console.error(`Toilcap cannot start: ${parsed.problems.join("; ")}`);
  process.exit(1);
}
const { PORT: port, HOSTNAME: hostname, TOILCAP_TRUSTED_PROXIES: trusted } = parsed.env;

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
  void handle(request, response);
}).listen(port, hostname, () => {
  console.info(`Toilcap: listening on ${hostname ?? "every interface"}, port ${port}`);
});
