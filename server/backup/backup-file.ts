import { createHash, randomBytes, type Hash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { pipeline } from "node:stream/promises";
import { z } from "zod";

/**
 * The backup file: one JSON header line, then one JSON array per row (every value as PostgreSQL's text output,
 * or null), table after table in the header's order. The text form reads back identically into either engine.
 * The header carries each table's row count and SHA-256, and the whole body's, so a damaged or cut file is
 * refused before anything is written.
 */
export const BACKUP_FORMAT = "toilcap-backup";
export const BACKUP_VERSION = 1;

const tableSchema = z.strictObject({
  name: z.string().min(1),
  columns: z.array(z.strictObject({ name: z.string().min(1), type: z.string().min(1) })).min(1),
  rows: z.int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const headerSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.int(),
  createdAt: z.iso.datetime({ offset: true }),
  engine: z.enum(["pglite", "postgres"]),
  migrations: z.strictObject({ count: z.int().min(0), last: z.string().nullable() }),
  tables: z.array(tableSchema),
  sequences: z.array(
    z.strictObject({ table: z.string(), column: z.string(), lastValue: z.string(), isCalled: z.boolean() }),
  ),
  body: z.strictObject({ bytes: z.int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
});

export type BackupHeader = z.infer<typeof headerSchema>;
export type BackupTable = BackupHeader["tables"][number];
export type BackupSequence = BackupHeader["sequences"][number];
export type BackupRow = Array<string | null>;

/** The file cannot be used: the message says why, in a sentence for the operator. */
export class BackupFileError extends Error {}

const sha256 = () => createHash("sha256");

/** A temporary name beside `file`, so the final rename stays on one file system (and is atomic). */
function tempBeside(file: string, tag: string): string {
  return path.join(
    path.dirname(file),
    `.${path.basename(file)}.${tag}-${process.pid}-${randomBytes(4).toString("hex")}`,
  );
}

async function write(stream: fs.WriteStream, text: string): Promise<void> {
  if (stream.write(text)) return;
  await new Promise<void>((resolve, reject) => {
    const drained = () => {
      stream.off("error", failed);
      resolve();
    };
    const failed = (error: Error) => {
      stream.off("drain", drained);
      reject(error);
    };
    stream.once("drain", drained);
    stream.once("error", failed);
  });
}

function closeStream(stream: fs.WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once("error", reject);
    stream.end(resolve);
  });
}

function fsyncPath(target: string, flags: "r" | "r+"): void {
  const fd = fs.openSync(target, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes a backup: rows go to a temporary body file while their hashes are taken; `finish` then writes the
 * header and the body to a second temporary file, flushes it to disk and renames it over `file`. A backup
 * cut short (a crash, a full disk) leaves at most a temporary file, never a half-written FILE.
 */
export class BackupWriter {
  private readonly bodyFile: string;
  private readonly body: fs.WriteStream;
  private readonly bodyHash: Hash = sha256();
  private bodyBytes = 0;
  private tables: BackupTable[] = [];
  private current: { table: BackupTable; hash: Hash } | null = null;

  constructor(private readonly file: string) {
    this.bodyFile = tempBeside(file, "body");
    // Owner-only: the file holds everything, password hashes and the auth secret included.
    this.body = fs.createWriteStream(this.bodyFile, { flags: "wx", mode: 0o600 });
  }

  startTable(name: string, columns: BackupTable["columns"]): void {
    this.endTable();
    this.current = { table: { name, columns, rows: 0, sha256: "" }, hash: sha256() };
  }

  async writeRow(values: BackupRow): Promise<void> {
    if (!this.current) throw new Error("writeRow before startTable");
    const line = `${JSON.stringify(values)}\n`;
    this.current.hash.update(line);
    this.current.table.rows += 1;
    this.bodyHash.update(line);
    this.bodyBytes += Buffer.byteLength(line);
    await write(this.body, line);
  }

  private endTable(): void {
    if (!this.current) return;
    this.tables.push({ ...this.current.table, sha256: this.current.hash.digest("hex") });
    this.current = null;
  }

  async finish(fields: Omit<BackupHeader, "format" | "version" | "tables" | "body">): Promise<BackupHeader> {
    this.endTable();
    await closeStream(this.body);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      ...fields,
      tables: this.tables,
      body: { bytes: this.bodyBytes, sha256: this.bodyHash.digest("hex") },
    };
    const whole = tempBeside(this.file, "partial");
    try {
      const out = fs.createWriteStream(whole, { flags: "wx", mode: 0o600 });
      await write(out, `${JSON.stringify(header)}\n`);
      await pipeline(fs.createReadStream(this.bodyFile), out);
      fsyncPath(whole, "r+");
      fs.renameSync(whole, this.file);
      // The rename itself is durable only once the directory is flushed.
      fsyncPath(path.dirname(path.resolve(this.file)), "r");
    } catch (error) {
      fs.rmSync(whole, { force: true });
      throw error;
    } finally {
      fs.rmSync(this.bodyFile, { force: true });
    }
    return header;
  }

  /** Removes the temporary file after a failure; FILE is left as it was. */
  async abort(): Promise<void> {
    if (!this.body.closed) await closeStream(this.body).catch(() => undefined);
    fs.rmSync(this.bodyFile, { force: true });
  }
}

function lines(file: string): readline.Interface {
  return readline.createInterface({ input: fs.createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
}

/** The header line, checked for shape; the body is not read. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  if (!fs.existsSync(file)) throw new BackupFileError(`${file} does not exist.`);
  const reader = lines(file);
  let first: string | undefined;
  for await (const line of reader) {
    first = line;
    break;
  }
  reader.close();
  let json: unknown;
  try {
    json = JSON.parse(first ?? "");
  } catch {
    throw new BackupFileError(`${file} is not a Toilcap backup (its first line is not a JSON header).`);
  }
  const probe = z.object({ format: z.unknown(), version: z.unknown() }).safeParse(json);
  if (!probe.success || probe.data.format !== BACKUP_FORMAT) {
    throw new BackupFileError(`${file} is not a Toilcap backup (format is not "${BACKUP_FORMAT}").`);
  }
  if (probe.data.version !== BACKUP_VERSION) {
    throw new BackupFileError(
      `${file} is a version ${String(probe.data.version)} backup; this Toilcap reads version ${BACKUP_VERSION}.`,
    );
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success)
    throw new BackupFileError(`${file} has a damaged header: ${parsed.error.issues[0]?.message ?? "invalid"}.`);
  return parsed.data;
}

function parseRow(line: string, table: BackupTable, file: string): BackupRow {
  let values: unknown;
  try {
    values = JSON.parse(line);
  } catch {
    throw new BackupFileError(`${file} is damaged: a row of ${table.name} is not JSON (was the file cut short?).`);
  }
  if (
    !Array.isArray(values) ||
    values.length !== table.columns.length ||
    !values.every((v) => v === null || typeof v === "string")
  ) {
    throw new BackupFileError(
      `${file} is damaged: a row of ${table.name} does not have its ${table.columns.length} columns.`,
    );
  }
  return values as BackupRow;
}

/** Every row in file order, with its table; checks each row's shape but not the checksums (see verifyBackup). */
export async function* backupRows(
  file: string,
  header: BackupHeader,
): AsyncGenerator<{ table: BackupTable; values: BackupRow; line: string }> {
  let tableIndex = 0;
  let seen = 0;
  let first = true;
  for await (const line of lines(file)) {
    if (first) {
      first = false;
      continue;
    }
    while (tableIndex < header.tables.length && seen === header.tables[tableIndex]?.rows) {
      tableIndex += 1;
      seen = 0;
    }
    const table = header.tables[tableIndex];
    if (!table) throw new BackupFileError(`${file} is damaged: it has more rows than its header counts.`);
    seen += 1;
    yield { table, values: parseRow(line, table, file), line };
  }
}

/**
 * Reads the whole file once and compares it with its header: every row's shape, each table's row count and
 * SHA-256, the body's size and SHA-256. Returns the header when all agree.
 */
export async function verifyBackup(file: string): Promise<BackupHeader> {
  const header = await readBackupHeader(file);
  const body = sha256();
  let bytes = 0;
  const counts = header.tables.map(() => 0);
  const hashes = header.tables.map(() => sha256());
  for await (const { table, line } of backupRows(file, header)) {
    const i = header.tables.indexOf(table);
    const bytesOfLine = `${line}\n`;
    body.update(bytesOfLine);
    bytes += Buffer.byteLength(bytesOfLine);
    counts[i] = (counts[i] ?? 0) + 1;
    hashes[i]?.update(bytesOfLine);
  }
  // Counts first: a missing row shifts the rows after it into the previous table, whose checksum then fails too.
  header.tables.forEach((table, i) => {
    if (counts[i] !== table.rows) {
      throw new BackupFileError(
        `${file} is damaged or cut short: ${table.name} has ${counts[i] ?? 0} of its ${table.rows} rows.`,
      );
    }
  });
  header.tables.forEach((table, i) => {
    if (hashes[i]?.digest("hex") !== table.sha256)
      throw new BackupFileError(`${file} is damaged: the rows of ${table.name} do not match their checksum.`);
  });
  if (bytes !== header.body.bytes || body.digest("hex") !== header.body.sha256) {
    throw new BackupFileError(`${file} is damaged: its rows do not match the header's checksum.`);
  }
  return header;
}
