/**
 * `npm run token -- create EMAIL [--name NAME]`: creates a personal API token for that person and prints its
 * secret once (on stdout, alone, so scripts can capture it), for provisioning scripts and monitoring without a
 * browser. Opens the configured database: DATABASE_URL, else the embedded data directory (which must not be in
 * use by a running server: stop it first, or use the Settings page instead).
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { type Db, openConfiguredDatabase } from "@/db/client";
import { person } from "@/db/schema";
import { loadViewerByPersonId } from "@/server/auth/viewer";
import { tokenName } from "@/server/schemas/api-tokens";
import { createToken } from "@/server/services/api-tokens/create-token";
import { tokenOwnerProblem } from "@/server/services/api-tokens/token-owner";

const USAGE = "Usage: npm run token -- create EMAIL [--name NAME]";

/** A refusal to explain in one line, without a stack. */
class Refusal extends Error {}

function parse(): { email: string; name: string } {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { name: { type: "string" } } });
  } catch (error) {
    throw new Refusal(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const [command, email, ...extra] = parsed.positionals;
  if (command !== "create" || !email || extra.length > 0) throw new Refusal(USAGE);
  const name = tokenName.safeParse(parsed.values.name ?? "Command line");
  if (!name.success) throw new Refusal(`--name: ${name.error.issues[0]?.message ?? "invalid"}`);
  return { email: email.trim(), name: name.data };
}

async function create(db: Db, email: string, name: string): Promise<void> {
  const [owner] = await db.select({ id: person.id }).from(person).where(sql`lower(${person.email}) = lower(${email})`);
  if (!owner) throw new Refusal(`No person with the email ${email}.`);
  const problem = tokenOwnerProblem(await loadViewerByPersonId(db, owner.id));
  if (problem) throw new Refusal(`${email}: ${problem}`);
  const { token, secret } = await createToken(
    db,
    { personId: owner.id },
    { name },
    { now: new Date(), actorPersonId: null },
  );
  console.error(
    `Created token "${token.name}" (${token.prefix}…) for ${email}. It is shown only now; store it safely:`,
  );
  console.info(secret);
}

async function main(): Promise<number> {
  try {
    const { email, name } = parse();
    const database = await openConfiguredDatabase();
    try {
      await database.migrate();
      await create(database.db, email, name);
    } finally {
      await database.close();
    }
    return 0;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(error instanceof Refusal ? reason : `Cannot create the token: ${reason}`);
    return 1;
  }
}

process.exitCode = await main();
