/**
 * `npm run bench`: the in-process benchmarks (shift expansion), printed as a table and written to
 * reports/bench.json. The HTTP benchmarks of issue 7 (reports, logging, ingest under autocannon) are not
 * written yet; see README.md.
 */
import fs from "node:fs";
import path from "node:path";
import { benchShiftExpansion } from "@/server/bench/shift-expansion";

const expansion = benchShiftExpansion();
const rows = [{ benchmark: "shift expansion: 50 rotations x 1 year", target: "<= 50 ms p95", ...expansion }];
console.table(rows.map((r) => ({ ...r, p50: r.p50.toFixed(1), p95: r.p95.toFixed(1), p99: r.p99.toFixed(1) })));
const out = path.join(process.cwd(), "reports", "bench.json");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`);
console.info(`Written ${path.relative(process.cwd(), out)}`);
