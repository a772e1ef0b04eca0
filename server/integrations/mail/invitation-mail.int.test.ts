import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { callerAs } from "@/server/testing/fixtures";
import { makeReportTeam, type ReportTeamFixture } from "@/server/testing/report-fixtures";
import { signUpOverHttp, TEST_AUTH_SECRET } from "@/server/testing/sign-up-requests";
import { startSmtpServer, type SmtpServer } from "@/server/testing/smtp-server";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { createAuth } from "@/server/auth/auth";

/** With TOILCAP_SMTP_URL set, an invitation goes out by email to a real SMTP server, and its link works. */
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

describe(`invitation emails on ${testEngine}`, () => {
  test("the invitee receives the link by email, and signing up with it works once", async () => {
    const manager = await callerAs(database.db, fx.manager.id);
    const result = await manager.teams.invite({
      teamId: fx.team.id,
      name: "Mia Mail",
      email: "mia.mail@example.test",
      timeZone: "Europe/Berlin",
      roles: ["engineer"],
    });
    expect(result).toMatchObject({ outcome: "link", emailed: true });
    if (result.outcome !== "link") throw new Error("expected a link");
    const link = `http://toilcap.test${result.path}`;
    await until(() => smtp.received().includes(link));
    const mail = smtp.received();
    expect(mail).toContain("To: mia.mail@example.test");
    expect(mail).toContain("Subject: You are invited to Platform SRE on Toilcap");
    expect(mail).toContain(link);

    const token = new URL(link).searchParams.get("invitation") ?? "";
    const auth = createAuth(database.db, TEST_AUTH_SECRET, { secureCookies: false });
    expect((await signUpOverHttp(auth, { email: "mia.mail@example.test", invitation: token })).status).toBe(200);
    expect((await signUpOverHttp(auth, { email: "mia.mail@example.test", invitation: token })).status).not.toBe(200);
  });

  test("an SMTP server that cannot be reached does not lose the invitation: the link is still shown", async () => {
    process.env.TOILCAP_SMTP_URL = "smtp://127.0.0.1:1";
    try {
      const manager = await callerAs(database.db, fx.manager.id);
      const result = await manager.teams.invite({
        teamId: fx.team.id,
        name: "Nat",
        email: "nat@example.test",
        timeZone: "Europe/Berlin",
        roles: ["engineer"],
      });
      expect(result).toMatchObject({ outcome: "link", emailed: false });
    } finally {
      process.env.TOILCAP_SMTP_URL = smtp.url;
    }
  });
});
