/**
 * `npm run export -- FILE [--team NAME]`: writes one team as a workspace file (README: "Workspace files"), for
 * `npm run import` on another instance. Without --team the instance must have exactly one team. FILE "-" writes
 * to stdout. Opens the configured database: DATABASE_URL, else the embedded data directory (stop the server first).
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { and, asc, eq, isNull } from "drizzle-orm";
import { type Db, openConfiguredDatabase } from "@/db/client";
import { team } from "@/db/schema";
import { exportWorkspace } from "@/server/services/workspace/export-workspace";

const USAGE = "Usage: npm run export -- FILE [--team NAME]";

/** A refusal to explain in one line, without a stack. */
class Refusal extends Error {}

function parse(): { file: string; teamName: string | undefined } {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { team: { type: "string" } } });
  } catch (error) {
    throw new Refusal(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) throw new Refusal(USAGE);
  return { file, teamName: parsed.values.team?.trim() };
}

async function chooseTeam(db: Db, name: string | undefined): Promise<{ id: string; name: string }> {
  const teams = await db
    .select({ id: team.id, name: team.name })
    .from(team)
    .where(isNull(team.deletedAt))
    .orderBy(asc(team.name));
  const names = teams.map((t) => `"${t.name}"`).join(", ") || "none";
  if (name === undefined) {
    const [only, ...more] = teams;
    if (only && more.length === 0) return only;
    throw new Refusal(`Name the team to export with --team NAME (teams: ${names}).`);
  }
  const matches = await db
    .select({ id: team.id, name: team.name })
    .from(team)
    .where(and(eq(team.name, name), isNull(team.deletedAt)));
  const [found, ...others] = matches;
  if (!found) throw new Refusal(`No team named "${name}" (teams: ${names}).`);
  if (others.length > 0)
    throw new Refusal(
      `${matches.length} organisations have a team named "${name}"; export from the Settings page instead.`,
    );
  return found;
}

async function main(): Promise<number> {
  try {
    const { file, teamName } = parse();
    const database = await openConfiguredDatabase();
    try {
      await database.migrate();
      const chosen = await chooseTeam(database.db, teamName);
      const workspace = await exportWorkspace(database.db, { teamId: chosen.id, actorPersonId: null }, new Date());
      const text = `${JSON.stringify(workspace, null, 2)}\n`;
      if (file === "-") process.stdout.write(text);
      else fs.writeFileSync(file, text);
      const counts = `${workspace.people?.length ?? 0} people, ${workspace.rotations?.length ?? 0} rotations, ${workspace.entries?.length ?? 0} entries, ${workspace.interrupts?.length ?? 0} interrupts`;
      console.error(`Exported "${chosen.name}" (${counts})${file === "-" ? "" : ` to ${file}`}.`);
    } finally {
      await database.close();
    }
    return 0;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(error instanceof Refusal ? reason : `Cannot export: ${reason}`);
    return 1;
  }
}

process.exitCode = await main();
