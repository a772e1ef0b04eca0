import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

export interface PageWeight {
  /** The route, "/reports/org". */
  route: string;
  files: number;
  /** Bytes as served, and gzip-compressed (level 9, as a CDN would). */
  rawBytes: number;
  gzipBytes: number;
}

/** Route groups, "(app)", are not part of the URL. */
function routeOf(pageKey: string): string {
  const parts = pageKey
    .replace(/\/page$/, "")
    .split("/")
    .filter((part) => part !== "" && !/^\(.*\)$/.test(part));
  return `/${parts.join("/")}`;
}

function manifestFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...manifestFiles(full));
    else if (entry.name === "page_client-reference-manifest.js") found.push(full);
  }
  return found;
}

/** Runs one of our build's manifest scripts in an empty context and reads what it assigned. */
function readClientManifest(file: string): Record<string, { entryJSFiles?: Record<string, string[]> }> {
  const sandbox: {
    globalThis?: unknown;
    __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }>;
  } = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
  return sandbox.__RSC_MANIFEST ?? {};
}

/**
 * The JavaScript a first visit to each page downloads, from the production build in `.next`: the runtime every
 * page loads (build-manifest rootMainFiles) plus the chunks of the page and its layouts (the page's client
 * reference manifest). Legacy-browser polyfills are left out (modern browsers skip them). Sorted by route.
 */
export function firstLoadJs(root = process.cwd()): PageWeight[] {
  const next = path.join(root, ".next");
  const build = JSON.parse(fs.readFileSync(path.join(next, "build-manifest.json"), "utf8")) as {
    rootMainFiles?: string[];
  };
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (file: string) => {
    let size = sizes.get(file);
    if (!size) {
      const bytes = fs.readFileSync(path.join(next, file));
      size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      sizes.set(file, size);
    }
    return size;
  };
  const pages: PageWeight[] = [];
  for (const file of manifestFiles(path.join(next, "server", "app"))) {
    for (const [pageKey, manifest] of Object.entries(readClientManifest(file))) {
      const route = routeOf(pageKey);
      if (route.startsWith("/_")) continue;
      const own = manifest.entryJSFiles?.[`[project]/app${pageKey}`] ?? [];
      const files = [...new Set([...(build.rootMainFiles ?? []), ...own])];
      const totals = files.map(sizeOf);
      pages.push({
        route,
        files: files.length,
        rawBytes: totals.reduce((sum, size) => sum + size.raw, 0),
        gzipBytes: totals.reduce((sum, size) => sum + size.gzip, 0),
      });
    }
  }
  return pages.sort((a, b) => a.route.localeCompare(b.route));
}
