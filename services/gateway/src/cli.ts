import { parseArgs } from "node:util";
import { baseEnvSchema, loadConfig } from "@mcb/config";
import { connectBus, listDeadLetters, replayDeadLetter } from "@mcb/bus";
import { connectDb } from "@mcb/db";
import { migrateService } from "@mcb/runtime";
import { createLogger } from "@mcb/telemetry";
import type { GatewayDatabase } from "./db";
import { migrations, schema } from "./migrations";
import { TokenStore } from "./tokens/token-store";

const usage = `usage:
  pnpm cli tokens create --tenant <tenant-id> [--label <text>]
  pnpm cli tokens list [--tenant <tenant-id>]
  pnpm cli tokens revoke <token-id>
  pnpm cli dlq list
  pnpm cli dlq replay <sequence>`;

const say = (line: string) => process.stdout.write(line + "\n");

async function tokens(command: string | undefined, positionals: string[], values: { tenant?: string; label?: string }): Promise<number> {
  const config = loadConfig(baseEnvSchema);
  await migrateService({ schema, migrations }, config.DATABASE_URL);
  const handle = connectDb<GatewayDatabase>(config.DATABASE_URL, schema, { max: 1 });
  const store = new TokenStore(handle.db);
  try {
    if (command === "create") {
      if (!values.tenant) throw new Error("--tenant is required");
      const created = await store.create(values.tenant, values.label);
      say(`created token ${created.token_id} for tenant ${created.tenant_id}; it is shown once, keep it safe:`);
      say(created.token); // the last line is the token alone, for scripts
      return 0;
    }
    if (command === "list") {
      for (const t of await store.list(values.tenant)) say(`${t.token_id}\t${t.tenant_id}\t${t.label ?? ""}\t${t.created_at.toISOString()}\t${t.revoked_at ? "revoked" : "active"}`);
      return 0;
    }
    if (command === "revoke" && positionals[0]) {
      say((await store.revoke(positionals[0])) ? `revoked ${positionals[0]}` : `no active token ${positionals[0]}`);
      return 0;
    }
    say(usage);
    return 2;
  } finally {
    await handle.close();
  }
}

async function deadLetters(command: string | undefined, positionals: string[]): Promise<number> {
  const config = loadConfig(baseEnvSchema);
  const bus = await connectBus({ url: config.NATS_URL, prefix: config.NATS_SUBJECT_PREFIX, name: "cli", logger: createLogger({ cli: true }, "warn") });
  try {
    if (command === "list") {
      for (const l of await listDeadLetters(bus)) say(`${l.sequence}\t${l.subject}\ttries=${l.deliveries}\t${l.reason}`);
      return 0;
    }
    if (command === "replay" && positionals[0]) {
      say(`replayed to ${await replayDeadLetter(bus, Number(positionals[0]))}`);
      return 0;
    }
    say(usage);
    return 2;
  } finally {
    await bus.nc.close();
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { tenant: { type: "string" }, label: { type: "string" } }, allowPositionals: true });
  const [group, command, ...rest] = positionals;
  if (group === "tokens") return tokens(command, rest, values);
  if (group === "dlq") return deadLetters(command, rest);
  say(usage);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
