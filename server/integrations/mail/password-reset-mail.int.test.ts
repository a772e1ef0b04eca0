import { expect, test } from "vitest";
import { callerAs } from "@/server/testing/fixtures";
import { mailTestWorld } from "@/server/testing/smtp-server";
import { testEngine } from "@/server/testing/test-db";

/** With TOILCAP_SMTP_URL set, a password-reset link goes out by email to a real SMTP server as well as to the admin. */
const world = mailTestWorld();

test(`the person receives the reset link by email on ${testEngine}`, async () => {
  const { smtp, database, fx } = world();
  const engineer = fx.erika;
  const issued = await (await callerAs(database.db, fx.admin.id)).access.issuePasswordReset({ personId: engineer.id });
  expect(issued.emailed).toBe(true);
  const link = `http://toilcap.test${issued.path}`;
  const mail = await smtp.receivedWith(link);
  expect(mail).toContain(`To: ${engineer.email}`);
  expect(mail).toContain("Subject: Set a new password for Toilcap");
  expect(mail).toContain("Ada Admin");
  expect(mail).toContain(link);
});
