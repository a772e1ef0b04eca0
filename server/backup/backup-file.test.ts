import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import {
  type BackupHeader,
  BackupFileError,
  BackupWriter,
  backupRows,
  readBackupHeader,
  verifyBackup,
} from "./backup-file";

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "toilcap-backup-file-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const FIELDS = {
  createdAt: "2025-05-07T15:00:00.000Z",
  engine: "pglite" as const,
  migrations: { count: 6, last: "1764000000000" },
  sequences: [],
};

async function writeSample(file: string): Promise<BackupHeader> {
  const writer = new BackupWriter(file);
  writer.startTable("team", [
    { name: "id", type: "uuid" },
    { name: "name", type: "text" },
  ]);
  await writer.writeRow(["00000000-0000-4000-8000-000000000001", "Platform SRE"]);
  await writer.writeRow(["00000000-0000-4000-8000-000000000002", 'quotes " and\nnew lines, ünïcode']);
  writer.startTable("empty", [{ name: "id", type: "uuid" }]);
  writer.startTable("entry", [
    { name: "id", type: "uuid" },
    { name: "note", type: "text" },
  ]);
  await writer.writeRow(["00000000-0000-4000-8000-000000000003", null]);
  return writer.finish(FIELDS);
}

function edit(file: string, change: (text: string) => string): void {
  fs.writeFileSync(file, change(fs.readFileSync(file, "utf8")));
}

describe("the backup file", () => {
  test("round-trips rows, nulls and awkward text, with counts and checksums in the header", async () => {
    const file = path.join(tempDir(), "b.backup");
    const header = await writeSample(file);
    expect(header.tables.map((t) => [t.name, t.rows])).toEqual([
      ["team", 2],
      ["empty", 0],
      ["entry", 1],
    ]);
    expect(await readBackupHeader(file)).toEqual(header);
    expect(await verifyBackup(file)).toEqual(header);
    const rows: Array<[string, Array<string | null>]> = [];
    for await (const { table, values } of backupRows(file, header)) rows.push([table.name, values]);
    expect(rows).toEqual([
      ["team", ["00000000-0000-4000-8000-000000000001", "Platform SRE"]],
      ["team", ["00000000-0000-4000-8000-000000000002", 'quotes " and\nnew lines, ünïcode']],
      ["entry", ["00000000-0000-4000-8000-000000000003", null]],
    ]);
    // One header line and one line per row: a row's new line is escaped inside its JSON.
    expect(fs.readFileSync(file, "utf8").split("\n")).toHaveLength(5);
    // Readable by its owner only: it holds password hashes and the auth secret.
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  test("is written atomically: an existing backup stays whole until the new one is complete, and no temporary file is left", async () => {
    const dir = tempDir();
    const file = path.join(dir, "b.backup");
    await writeSample(file);
    const before = fs.readFileSync(file, "utf8");
    const writer = new BackupWriter(file);
    writer.startTable("team", [{ name: "id", type: "uuid" }]);
    await writer.writeRow(["x"]);
    expect(fs.readFileSync(file, "utf8")).toBe(before);
    await writer.abort();
    expect(fs.readFileSync(file, "utf8")).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(["b.backup"]);
    await writeSample(file);
    expect(fs.readdirSync(dir)).toEqual(["b.backup"]);
  });

  test.each([
    [
      "a changed byte in a row",
      (text: string) => text.replace("Platform SRE", "Platform SRF"),
      /damaged: the rows of team do not match their checksum/,
    ],
    [
      "a row removed",
      (text: string) =>
        text
          .split("\n")
          .filter((_, i) => i !== 1)
          .join("\n"),
      /damaged or cut short: entry has 0 of its 1 rows/,
    ],
    [
      "a file cut in the middle of a row",
      (text: string) => text.slice(0, text.length - 20),
      /damaged: a row of entry is not JSON \(was the file cut short\?\)/,
    ],
    [
      "a row with a column too many",
      (text: string) => text.replace('"Platform SRE"]', '"Platform SRE","x"]'),
      /a row of team does not have its 2 columns/,
    ],
    ["an extra row", (text: string) => `${text}["00000000-0000-4000-8000-000000000004",null]\n`, /damaged/],
    [
      "a header that is not JSON",
      (text: string) => `#${text}`,
      /is not a Toilcap backup \(its first line is not a JSON header\)/,
    ],
    [
      "another format",
      (text: string) => text.replace('"toilcap-backup"', '"toilcap-workspace"'),
      /is not a Toilcap backup \(format is not "toilcap-backup"\)/,
    ],
    [
      "a newer version",
      (text: string) => text.replace('"version":1', '"version":2'),
      /is a version 2 backup; this Toilcap reads version 1/,
    ],
    [
      "a damaged header",
      (text: string) => text.replace('"engine":"pglite"', '"engine":"sqlite"'),
      /has a damaged header/,
    ],
  ])("%s is refused with a clear message", async (_label, change, message) => {
    const file = path.join(tempDir(), "b.backup");
    await writeSample(file);
    edit(file, change);
    await expect(verifyBackup(file)).rejects.toThrow(BackupFileError);
    await expect(verifyBackup(file)).rejects.toThrow(message);
  });

  test("a missing file is refused", async () => {
    await expect(verifyBackup(path.join(tempDir(), "none.backup"))).rejects.toThrow(/does not exist/);
  });
});
