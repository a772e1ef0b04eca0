import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { afterAll, beforeAll, vi } from "vitest";
import type { Database } from "@/db/client";
import { makeReportTeam, type ReportTeamFixture } from "./report-fixtures";
import { createTestDatabase } from "./test-db";

/**
 * A real SMTP server for tests: Python's aiosmtpd (Debian package python3-aiosmtpd), which prints every message it
 * receives to its standard output. Never a mock: nodemailer speaks SMTP to it over a socket.
 */
export interface SmtpServer {
  url: string;
  /** Everything received so far, as aiosmtpd printed it (headers and body of each message), quoted-printable decoded. */
  received: () => string;
  /** What has been received once it includes `text` (or after 5 s, so the test's expectations say what is missing). */
  receivedWith: (text: string) => Promise<string>;
  close: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function startSmtpServer(): Promise<SmtpServer> {
  const port = await freePort();
  // Debian's interpreter, where python3-aiosmtpd installs the module, even when another python3 is first on PATH.
  const python = fs.existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const child: ChildProcess = spawn(python, ["-u", "-m", "aiosmtpd", "-n", "-l", `127.0.0.1:${port}`], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let errors = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString("utf8")));
  for (let attempt = 0; attempt < 100 && !(await accepting(port)); attempt++) {
    if (child.exitCode !== null) throw new Error(`aiosmtpd exited: ${errors} (install python3-aiosmtpd)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const received = () => decodeQuotedPrintable(output);
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    receivedWith: async (text) => {
      for (let attempt = 0; attempt < 50 && !received().includes(text); attempt++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      return received();
    },
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Undoes quoted-printable: soft line breaks (a long link is wrapped) and =XX escapes (the link's "=" is "=3D"). */
function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * A mail test file's world, set up once around its tests: a real SMTP server that the app sends through
 * (TOILCAP_SMTP_URL), links on http://toilcap.test, and a fresh database with the report team. Call at the top
 * level; read the world inside tests.
 */
export function mailTestWorld(): () => MailWorld {
  let world: MailWorld | null = null;
  beforeAll(async () => {
    const smtp = await startSmtpServer();
    const database = await createTestDatabase();
    world = { smtp, database, fx: await makeReportTeam(database.db) };
    vi.stubEnv("TOILCAP_SMTP_URL", smtp.url);
    vi.stubEnv("BETTER_AUTH_URL", "http://toilcap.test");
  }, 180_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await world?.smtp.close();
    await world?.database.close();
  });
  return () => {
    if (!world) throw new Error("the mail test world is not set up yet");
    return world;
  };
}

export interface MailWorld {
  smtp: SmtpServer;
  database: Database;
  fx: ReportTeamFixture;
}
