import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Engine } from "@/db/client";
import { ENGINES, unavailable } from "./engines";
import { importedTeam, runImport, writeBigWorkspace } from "./import-crash";
import { type ScratchInstance, scratchInstance } from "./load-scenario";
import { createScratchDir, type ScratchDir } from "./scratch-database";

const TEAM = "Bulk Import";
const ENTRIES = 10_000;
// The import writes entries 500 to an INSERT: 20 of them; killed after the 5th, its transaction is open.
const KILL_AFTER_INSERTS = 5;

let files: ScratchDir;
let workspace: string;
beforeAll(() => {
  files = createScratchDir("toilcap-import-crash");
  workspace = writeBigWorkspace(files.root, TEAM, ENTRIES);
});
afterAll(() => files?.remove());

async function holding(instance: ScratchInstance) {
  const database = await instance.open();
  try {
    return await importedTeam(database.db, TEAM);
  } finally {
    await database.close();
  }
}

describe.each(ENGINES)("kill -9 of npm run import on %s halfway through", (engine: Engine) => {
  test.skipIf(unavailable(engine))("leaves nothing of the file or all of it; the import then succeeds", async () => {
    const instance = await scratchInstance(engine);
    try {
      // Migrated first, so the import spends its time importing.
      await (await instance.open()).close();
      const killed = await runImport(instance.where, workspace, KILL_AFTER_INSERTS);
      console.info(
        `${engine}: import killed (${killed.signal}) after ${killed.inserts} of ${ENTRIES / 500} entry INSERTs`,
      );
      expect(killed.signal, killed.output).toBe("SIGKILL");
      expect(killed.inserts).toBeGreaterThanOrEqual(KILL_AFTER_INSERTS);
      expect(killed.inserts).toBeLessThan(ENTRIES / 500);

      const afterKill = await holding(instance);
      // Nothing or everything, never part: killed before its last INSERT, before the commit, it must be nothing.
      expect(afterKill).toEqual({ teams: 0, entries: 0, people: 0 });

      const again = await runImport(instance.where, workspace);
      expect(again.code, again.output).toBe(0);
      expect(again.output).toContain(`Imported team "${TEAM}": 20 people created`);
      expect(await holding(instance)).toEqual({ teams: 1, entries: ENTRIES, people: 20 });
    } finally {
      await instance.remove();
    }
  });
});
