import { Migrator, sql, type Kysely, type Migration } from "kysely";

export class MigrationError extends Error {
  override readonly name = "MigrationError";
  readonly code = "MIGRATION_FAILED";
}

/**
 * Applies a service's migrations inside its own schema. Migrations are passed in as modules
 * (not read from disk) so the compiled service carries exactly the set it was built with.
 * Kysely's migrator takes a lock, so copies starting together apply each migration once.
 */
export async function migrateSchema(db: Kysely<unknown>, schema: string, migrations: Record<string, Migration>): Promise<string[]> {
  await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  const migrator = new Migrator({
    db,
    migrationTableSchema: schema,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new MigrationError(`migrating schema ${schema} failed`, { cause: error });
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
