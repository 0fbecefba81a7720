// Applies every service's migrations (each in its own schema). `pnpm migrate`; also run by `pnpm start`.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { services } = require("./services.cjs");
const { migrateService } = require("../packages/runtime/dist/index.js");

export async function migrateAll(databaseUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/marketing") {
  for (const service of services) {
    const { schema, migrations } = require(service.migrations);
    const applied = await migrateService({ schema, migrations }, databaseUrl);
    process.stdout.write(`${service.name}: schema ${schema} ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  migrateAll().catch((error) => {
    process.stderr.write(`migration failed: ${error?.cause?.message ?? error?.message ?? error}\n`);
    process.exit(1);
  });
}
