import pg from "pg";

const LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres";

/** TEST_DATABASE_URL, else the local server when one answers: where scratch databases are created. */
export async function postgresForScratch(): Promise<string | undefined> {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  const probe = new pg.Client({ connectionString: LOCAL_POSTGRES, connectionTimeoutMillis: 1500 });
  try {
    await probe.connect();
    await probe.end();
    return LOCAL_POSTGRES;
  } catch {
    return undefined;
  }
}
