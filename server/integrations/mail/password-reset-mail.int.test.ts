import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { callerAs } from "@/server/testing/fixtures";
import { makeReportTeam, type ReportTeamFixture } from "@/server/testing/report-fixtures";
import { startSmtpServer, type SmtpServer } from "@/server/testing/smtp-server";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";

/** With TOILCAP_SMTP_URL set, a password-reset link goes out by email to a real SMTP server as well as to the admin. */
let smtp: SmtpServer;
let database: Database;
let fx: ReportTeamFixture;
const saved = { smtp: process.env.TOILCAP_SMTP_URL, origin: process.env.BETTER_AUTH_URL };

beforeAll(async () => {
  smtp = await startSmtpServer();
  database = await createTestDatabase();
  fx = await makeReportTeam(database.db);
  process.env.TOILCAP_SMTP_URL = smtp.url;
  process.env.BETTER_AUTH_URL = "http://toilcap.test";
}, 180_000);
afterAll(async () => {
  process.env.TOILCAP_SMTP_URL = saved.smtp;
  process.env.BETTER_AUTH_URL = saved.origin;
  if (saved.smtp === undefined) delete process.env.TOILCAP_SMTP_URL;
  if (saved.origin === undefined) delete process.env.BETTER_AUTH_URL;
  await smtp?.close();
  await database?.close();
});

async function until(condition: () => boolean) {
  for (let attempt = 0; attempt < 50 && !condition(); attempt++)
    await new Promise((resolve) => setTimeout(resolve, 100));
}

test(`the person receives the reset link by email on ${testEngine}`, async () => {
  const engineer = fx.erika;
  const issued = await (await callerAs(database.db, fx.admin.id)).access.issuePasswordReset({ personId: engineer.id });
  expect(issued.emailed).toBe(true);
  const link = `http://toilcap.test${issued.path}`;
  await until(() => smtp.received().includes(link));
  const mail = smtp.received();
  expect(mail).toContain(`To: ${engineer.email}`);
  expect(mail).toContain("Subject: Set a new password for Toilcap");
  expect(mail).toContain("Ada Admin");
  expect(mail).toContain(link);
});
