/**
 * `npm run import -- FILE [--team NAME]`: reads a workspace file (README: "Workspace files") into a new team,
 * named NAME or as in the file. The whole file is checked first and every problem listed; then it is written all
 * or nothing. Opens the configured database: DATABASE_URL, else the embedded data directory (stop the server first).
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { openConfiguredDatabase } from "@/db/client";
import { importWorkspace, WorkspaceImportError } from "@/server/services/workspace/import-workspace";

const USAGE = "Usage: npm run import -- FILE [--team NAME]";

/** A refusal to explain without a stack. */
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
  return { file, teamName: parsed.values.team };
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = file === "-" ? fs.readFileSync(0, "utf8") : fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new Refusal(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Refusal(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function main(): Promise<number> {
  try {
    const { file, teamName } = parse();
    const json = readJson(file);
    const database = await openConfiguredDatabase();
    try {
      await database.migrate();
      const done = await importWorkspace(database.db, json, { teamName, actorPersonId: null }, new Date());
      console.info(
        `Imported team "${done.teamName}": ${done.peopleCreated} people created (they sign up with their email), ${done.peopleMatched} already here, ` +
          `${done.absences} absences, ${done.rotations} rotations (${done.shifts} past shifts, ${done.overrides} overrides), ` +
          `${done.interrupts} interrupts, ${done.entries} entries, ${done.services} services, ${done.templates} templates, ${done.estimates} estimates.`,
      );
    } finally {
      await database.close();
    }
    return 0;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(
      error instanceof Refusal || error instanceof WorkspaceImportError ? reason : `Cannot import: ${reason}`,
    );
    return 1;
  }
}

process.exitCode = await main();
