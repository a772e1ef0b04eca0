import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { GET as trpcGet } from "@/app/api/trpc/[trpc]/route";
import { callerAs, makeTeam } from "./fixtures";
import { tokenOf } from "./sign-up-requests";

/**
 * Real accounts through the app's own HTTP handlers (the database must be in use: useDatabase): the first admin
 * of an empty instance, then people invited into a team who sign up with their link.
 */
export const HOST = "toilcap.test";
export const PASSWORD = "correct horse battery";
let address = 0;

export function authRequest(path: string, body: unknown, cookie?: string): Request {
  address += 1;
  return new Request(`http://${HOST}/api/auth${path}`, {
    method: "POST",
    headers: {
      host: HOST,
      origin: `http://${HOST}`,
      "content-type": "application/json",
      "x-toilcap-client-address": `198.51.101.${(address % 250) + 1}`,
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify(body),
  });
}

export function cookieOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .join("; ");
}

/** The status of a signed-in request with this cookie: 200 while the session lives, 401 once it is ended. */
export async function sessionStatus(cookie: string): Promise<number> {
  return (await trpcGet(new Request(`http://${HOST}/api/trpc/viewer.me`, { headers: { host: HOST, cookie } }))).status;
}

export async function signIn(email: string, password: string): Promise<Response> {
  return authPost(authRequest("/sign-in/email", { email, password }));
}

async function personIdOf(db: Db, email: string): Promise<string> {
  const result = (await db.execute(sql`select id from person where lower(email) = lower(${email})`)) as unknown as {
    rows: Array<{ id: string }>;
  };
  const id = result.rows[0]?.id;
  if (!id) throw new Error(`no person ${email}`);
  return id;
}

/** The first admin of an empty instance, and a team of theirs. */
export async function firstAdmin(db: Db, email = "admin@example.test") {
  const response = await authPost(authRequest("/sign-up/email", { email, password: PASSWORD, name: "Admin" }));
  if (response.status !== 200) throw new Error(`admin sign-up answered ${response.status}`);
  const personId = await personIdOf(db, email);
  const result = (await db.execute(sql`select organisation_id from person where id = ${personId}`)) as unknown as {
    rows: Array<{ organisation_id: string }>;
  };
  const organisationId = result.rows[0]?.organisation_id ?? "";
  const team = await makeTeam(db, organisationId, "Platform");
  return { personId, organisationId, team, cookie: cookieOf(response) };
}

/** Someone the admin invites into the team as an engineer, signed up with their link: their person and session. */
export async function invitedEngineer(
  db: Db,
  admin: { personId: string; team: { id: string } },
  name: string,
  email: string,
) {
  const invited = await (await callerAs(db, admin.personId)).teams.invite({
    teamId: admin.team.id,
    name,
    email,
    timeZone: "Europe/Berlin",
    roles: ["engineer"],
  });
  if (invited.outcome !== "link") throw new Error(`expected a link, got ${invited.outcome}`);
  const response = await authPost(
    authRequest("/sign-up/email", { email, password: PASSWORD, name, invitation: tokenOf(invited.path) }),
  );
  if (response.status !== 200) throw new Error(`sign-up answered ${response.status}`);
  return { personId: await personIdOf(db, email), email, cookie: cookieOf(response) };
}
