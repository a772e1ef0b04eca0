import { describe, expect, test, vi } from "vitest";
import { callerAs } from "@/server/testing/fixtures";
import { signUpOverHttp, TEST_AUTH_SECRET } from "@/server/testing/sign-up-requests";
import { mailTestWorld } from "@/server/testing/smtp-server";
import { testEngine } from "@/server/testing/test-db";
import { createAuth } from "@/server/auth/auth";

/** With TOILCAP_SMTP_URL set, an invitation goes out by email to a real SMTP server, and its link works. */
const world = mailTestWorld();

describe(`invitation emails on ${testEngine}`, () => {
  test("the invitee receives the link by email, and signing up with it works once", async () => {
    const { smtp, database, fx } = world();
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
    const mail = await smtp.receivedWith(link);
    expect(mail).toContain("To: mia.mail@example.test");
    expect(mail).toContain("Subject: You are invited to Platform SRE on Toilcap");
    expect(mail).toContain(link);

    const token = new URL(link).searchParams.get("invitation") ?? "";
    const auth = createAuth(database.db, TEST_AUTH_SECRET, { secureCookies: false });
    expect((await signUpOverHttp(auth, { email: "mia.mail@example.test", invitation: token })).status).toBe(200);
    expect((await signUpOverHttp(auth, { email: "mia.mail@example.test", invitation: token })).status).not.toBe(200);
  });

  test("an SMTP server that cannot be reached does not lose the invitation: the link is still shown", async () => {
    const { smtp, database, fx } = world();
    vi.stubEnv("TOILCAP_SMTP_URL", "smtp://127.0.0.1:1");
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
      vi.stubEnv("TOILCAP_SMTP_URL", smtp.url);
    }
  });
});
