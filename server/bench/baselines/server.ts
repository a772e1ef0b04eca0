/**
 * The benchmark's baseline server: `node --import tsx server/bench/baselines/server.ts PORT`, on the database
 * named by DATABASE_URL or TOILCAP_DATA_DIR, as the app would be. Started and stopped by `npm run bench` only.
 */
import http from "node:http";
import { openPglite, openPostgres } from "@/db/client";
import { answerBaseline } from "./routes";

const port = Number(process.argv[2]);
const url = process.env.DATABASE_URL;
const dataDir = process.env.TOILCAP_DATA_DIR;
if (!Number.isInteger(port) || (!url && !dataDir)) {
  console.error(
    "usage: DATABASE_URL=... | TOILCAP_DATA_DIR=... node --import tsx server/bench/baselines/server.ts PORT",
  );
  process.exit(2);
}
const database = url ? await openPostgres(url) : await openPglite(dataDir);

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

const server = http.createServer(async (request, response) => {
  try {
    const answer = await answerBaseline(
      database.db,
      {
        method: request.method ?? "GET",
        url: new URL(request.url ?? "/", `http://127.0.0.1:${port}`),
        cookie: request.headers.cookie ?? null,
        body: await readBody(request),
      },
      new Date(),
    );
    response.writeHead(answer.status, { "content-type": "application/json" });
    response.end(JSON.stringify(answer.body));
  } catch (error) {
    response.writeHead(500, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
  }
});

server.listen(port, "127.0.0.1", () => console.info(`bench baselines on http://127.0.0.1:${port}`));
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close();
    void database.close().then(() => process.exit(0));
  });
}
