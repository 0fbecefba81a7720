import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";

// bigint counts (COUNT(*)) arrive as strings by default; our counts fit in a JS number.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));
// numeric columns (money, scores) as numbers, not strings.
pg.types.setTypeParser(1700, (value) => Number.parseFloat(value));

export interface DbHandle<DB> {
  db: Kysely<DB>;
  pool: pg.Pool;
  close(): Promise<void>;
}

/**
 * A pool whose connections resolve unqualified names in the service's own schema, so queries
 * and migrations never spell the schema and one DATABASE_URL serves every service.
 */
export function connectDb<DB>(databaseUrl: string, schema: string, options: { max?: number; onIdleError?: (error: Error) => void } = {}): DbHandle<DB> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    options: `-c search_path=${schema}`,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection can be cut by the server (restart, failover, admin). The pool drops it and
  // opens another on demand; without a listener, node would treat the event as a crash.
  pool.on("error", (error) => options.onIdleError?.(error));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool, close: () => db.destroy() };
}

/** Creates the database named in the URL if it does not exist (first start on a new machine). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unsupported database name ${name}`);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) {
      await client.query(`create database "${name}"`).catch((error: { code?: string }) => {
        if (error.code !== "42P04") throw error; // created meanwhile by another process
      });
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}
