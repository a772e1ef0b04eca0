import { spawn } from "node:child_process";
import path from "node:path";
import type { LoadResult, LoadSpec } from "./load-spec";

const WORKER = path.join(process.cwd(), "server", "bench", "http", "load-worker.ts");

/** Runs one load in a separate process (see load-worker.ts) and reads its result. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", WORKER, JSON.stringify(spec)], { stdio: ["ignore", "pipe", "inherit"] });
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
