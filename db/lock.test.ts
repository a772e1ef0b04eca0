import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { acquireDataDirLock, DataDirLockedError } from "./lock";

const dirs: string[] = [];
function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "toilcap-lock-"));
  dirs.push(dir);
  return path.join(dir, "pglite");
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the embedded data directory lock", () => {
  test("a live process holding the lock keeps others out, with one clear message", async () => {
    const dataDir = tempDataDir();
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
    try {
      fs.writeFileSync(`${dataDir}.lock`, String(holder.pid));
      expect(() => acquireDataDirLock(dataDir)).toThrow(DataDirLockedError);
      expect(() => acquireDataDirLock(dataDir)).toThrow(/is in use by another Toilcap server \(PID \d+\)/);
    } finally {
      holder.kill("SIGKILL");
    }
  });

  test("a lock left by a dead process is stale and taken over", async () => {
    const dataDir = tempDataDir();
    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => gone.on("exit", resolve));
    fs.writeFileSync(`${dataDir}.lock`, String(gone.pid));
    const release = acquireDataDirLock(dataDir);
    expect(fs.readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  test("acquire, release, acquire again", () => {
    const dataDir = tempDataDir();
    acquireDataDirLock(dataDir)();
    const release = acquireDataDirLock(dataDir);
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(true);
    release();
  });
});
