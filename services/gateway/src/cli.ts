import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { baseEnvSchema, loadConfig } from "@mcb/config";
import { connectBus, ensureStreams, listDeadLetters, publishEvent, replayDeadLetter } from "@mcb/bus";
import { SellerStageChanged } from "@mcb/contracts";
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
  pnpm cli dlq replay <sequence>
  pnpm cli events seller-stage --tenant <id> --seller <id> --contact <contact-id> --stage <stage> [--from <stage>]`;

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

/** Publishes what a GHL pipeline move would: a validated seller.stage.changed. */
async function events(command: string | undefined, values: Record<string, string | undefined>): Promise<number> {
  if (command !== "seller-stage" || !values.tenant || !values.seller || !values.contact || !values.stage) {
    say(usage);
    return 2;
  }
  const config = loadConfig(baseEnvSchema);
  const data = SellerStageChanged.parse({ seller_id: values.seller, contact_id: values.contact, to_stage: values.stage, ...(values.from ? { from_stage: values.from } : {}) });
  const bus = await connectBus({ url: config.NATS_URL, prefix: config.NATS_SUBJECT_PREFIX, name: "cli", logger: createLogger({ cli: true }, "warn") });
  try {
    await ensureStreams(bus, ["SELLER"]);
    const ack = await publishEvent(bus, "seller.stage.changed", { tenantId: values.tenant, data });
    say(`published seller.stage.changed (stream ${ack.stream}, sequence ${ack.seq})`);
    return 0;
  } finally {
    await bus.nc.close();
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { tenant: { type: "string" }, label: { type: "string" }, seller: { type: "string" }, contact: { type: "string" }, stage: { type: "string" }, from: { type: "string" } },
    allowPositionals: true,
  });
  const [group, command, ...rest] = positionals;
  if (group === "tokens") return tokens(command, rest, values);
  if (group === "dlq") return deadLetters(command, rest);
  if (group === "events") return events(command, values);
  say(usage);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof ZodError ? error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") : error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${message}\n`);
    process.exit(1);
  },
);
