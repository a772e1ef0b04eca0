import { spawn } from "node:child_process";
import path from "node:path";
import { CpuMeter } from "./cpu-meter";
import type { LoadResult, LoadSpec, MeasuredLoad } from "./load-spec";

const WORKER = path.join(process.cwd(), "server", "bench", "http", "load-worker.ts");

/** Runs one load in a separate process (see load-worker.ts) and reads its result. */
function runWorker(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", WORKER, JSON.stringify(spec)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      out += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || line === "") return reject(new Error(`load worker exited with ${code ?? "a signal"}`));
      resolve(JSON.parse(line) as LoadResult);
    });
  });
}

/** A warm-up run, thrown away, then the measured run with the CPU it cost the server and the database. */
export async function runLoad(spec: LoadSpec, meter: CpuMeter): Promise<MeasuredLoad> {
  if (spec.warmupSeconds > 0) await runWorker({ ...spec, seconds: spec.warmupSeconds });
  const before = await meter.snapshot();
  const result = await runWorker(spec);
  const spent = CpuMeter.spent(before, await meter.snapshot());
  const perRequest = (ms: number | null) => (ms === null || result.requests === 0 ? null : ms / result.requests);
  return {
    ...result,
    serverCpuMsPerRequest: perRequest(spent.server),
    databaseCpuMsPerRequest: perRequest(spent.database),
  };
}
