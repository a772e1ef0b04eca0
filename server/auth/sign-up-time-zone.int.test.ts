import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { person, user } from "@/db/schema";
import { callerAs, makeTeam } from "@/server/testing/fixtures";
import { signUpOverHttp, TEST_AUTH_SECRET, tokenOf } from "@/server/testing/sign-up-requests";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { type Auth, createAuth } from "./auth";

/** Sign-up keeps the zone the form sends (the browser's, editable), for the first admin and for invitees. */
let database: Database;
let auth: Auth;

beforeAll(async () => {
  database = await createTestDatabase();
  auth = createAuth(database.db, TEST_AUTH_SECRET, { secureCookies: false });
}, 180_000);
afterAll(async () => database?.close());

async function personByEmail(email: string) {
  const [row] = await database.db.select().from(person).where(eq(person.email, email));
  if (!row) throw new Error(`no person ${email}`);
  return row;
}

describe(`the time zone given at sign-up on ${testEngine}`, () => {
  test("a zone that is not a real one is refused naming the field, and no account is made", async () => {
    const refused = await signUpOverHttp(auth, { email: "ada@example.test", timeZone: "Mars/Olympus_Mons" });
    expect(refused.status).toBe(400);
    expect(refused.message).toMatch(/^timeZone: /);
    expect(await database.db.select().from(user)).toHaveLength(0);
  });

  test("the first admin gets the zone sent, not UTC; the teams they create follow it", async () => {
    expect((await signUpOverHttp(auth, { email: "ada@example.test", timeZone: "Europe/Berlin" })).status).toBe(200);
    const ada = await personByEmail("ada@example.test");
    expect(ada).toMatchObject({ isAdmin: true, timeZone: "Europe/Berlin" });
    const admin = await callerAs(database.db, ada.id);
    const created = await admin.teams.create({ name: "Platform SRE" });
    expect(created.timeZone).toBe("Europe/Berlin");
  });

  test("an invitee's own zone wins over the one the invitation proposed; without one the invitation's stays", async () => {
    const ada = await personByEmail("ada@example.test");
    const team = await makeTeam(database.db, ada.organisationId, "Search SRE", "Europe/Berlin");
    const admin = await callerAs(database.db, ada.id);
    const invite = async (email: string) => {
      const sent = await admin.teams.invite({
        teamId: team.id,
        name: "Invitee",
        email,
        timeZone: "Europe/Berlin",
        roles: ["engineer"],
      });
      if (sent.outcome !== "link") throw new Error(`expected a link, got ${sent.outcome}`);
      return tokenOf(sent.path);
    };
    const kenji = await signUpOverHttp(auth, {
      email: "kenji@example.test",
      invitation: await invite("kenji@example.test"),
      timeZone: "Asia/Tokyo",
    });
    expect(kenji.status).toBe(200);
    expect((await personByEmail("kenji@example.test")).timeZone).toBe("Asia/Tokyo");
    const lena = await signUpOverHttp(auth, {
      email: "lena@example.test",
      invitation: await invite("lena@example.test"),
    });
    expect(lena.status).toBe(200);
    expect((await personByEmail("lena@example.test")).timeZone).toBe("Europe/Berlin");
  });
});
