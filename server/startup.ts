import { getDatabase } from "@/server/db/runtime";
import { prepareAuth } from "@/server/auth";
import { getSetting, setSetting } from "@/server/db/instance";

/**
 * Opens and migrates the database, loads the demo once when asked (TOILCAP_SEED=demo, which `npm start`
 * sets), and prints where to go. Any failure stops the process with one clear line, because Next would
 * otherwise keep serving 500s.
 */
export async function startServer(): Promise<void> {
  try {
    const database = await getDatabase();
    await prepareAuth();
    const where =
      database.engine === "postgres" ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite at ${process.env.TOILCAP_DATA_DIR ?? "./data/pglite"}`;
    console.info(`Toilcap: database ready on ${where}`);
    if (process.env.TOILCAP_SEED === "demo") {
      const { seedDemoOnce } = await import("@/server/services/demo/seed-once");
      const accounts = await seedDemoOnce(database.db, { now: new Date(), getSetting, setSetting });
      if (accounts) {
        console.info("Toilcap: demo accounts (password for all: toilcap-demo):");
        for (const account of accounts) console.info(`  ${account.email.padEnd(30)} ${account.roles}`);
      }
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`Toilcap cannot start: ${reason}`);
    process.exit(1);
  }
}
