import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

/**
 * The command-line scripts run under plain Node (tsx), where `import "server-only"` throws: a module marked
 * server-only must never be in their import graph (it broke `npm run import` and `npm run token` once).
 * Walks static and dynamic imports from each script, following `@/` and relative paths.
 */
const ROOT = process.cwd();
const IMPORT = /^(?:import|export)\s+(?!type\b)[^;]*?from\s+"([^"]+)"|^import\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/gm;

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  return (
    [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find(
      (file) => fs.existsSync(file) && fs.statSync(file).isFile(),
    ) ?? null
  );
}

/** Each server-only module reachable from `entry`, with the chain of imports that reaches it. */
function serverOnlyChains(entry: string): string[] {
  const parent = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  const chains: string[] = [];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const match of fs.readFileSync(file, "utf8").matchAll(IMPORT)) {
      const spec = match[1] ?? match[2] ?? match[3] ?? "";
      if (spec === "server-only") {
        const chain: string[] = [];
        for (let at: string | null | undefined = file; at; at = parent.get(at)) chain.push(path.relative(ROOT, at));
        chains.push(chain.join(" <- "));
        continue;
      }
      const next = resolve(file, spec);
      if (next && !parent.has(next)) {
        parent.set(next, file);
        queue.push(next);
      }
    }
  }
  return chains;
}

const SCRIPTS = fs
  .readdirSync(path.join(ROOT, "server", "cli"))
  .filter((name) => name.endsWith(".ts") && !name.includes(".test."));

describe("command-line scripts load outside Next", () => {
  test.each(SCRIPTS)("%s imports no server-only module", (script) => {
    expect(serverOnlyChains(path.join(ROOT, "server", "cli", script))).toEqual([]);
  });
});
