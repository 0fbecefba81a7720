import { Redis } from "ioredis";
import { sql, type Kysely, type Migration } from "kysely";
import type { z } from "zod";
import { baseEnvSchema, loadConfig, ConfigError, type BaseEnv } from "@mcb/config";
import type { ServiceName, Subject } from "@mcb/contracts";
import { connectBus, ensureStreams, RpcClient, RpcServer, startEventConsumer, type Bus, type EventConsumerSpec, type RunningConsumer } from "@mcb/bus";
import { connectDb, ensureDatabase, migrateSchema, OutboxRelay, type DbHandle } from "@mcb/db";
import { createLogger, startTracing, type Logger } from "@mcb/telemetry";

export interface ServiceContext<DB, Env extends BaseEnv> {
  name: ServiceName;
  config: Env;
  logger: Logger;
  bus: Bus;
  rpc: RpcClient;
  server: RpcServer;
  db: Kysely<DB>;
  redis: Redis | undefined;
  /** Present when the service publishes through an outbox; kick() after committing events. */
  outbox: OutboxRelay | undefined;
  consume<S extends Subject>(spec: EventConsumerSpec<S>): Promise<void>;
  onShutdown(step: () => Promise<void>): void;
}

export interface ServiceDefinition<DB, S extends z.ZodType<BaseEnv>> {
  name: ServiceName;
  /** The service's Postgres schema; every table it owns lives there. */
  schema: string;
  migrations: Record<string, Migration>;
  env?: S;
  useRedis?: boolean;
  useOutbox?: boolean;
  setup(ctx: ServiceContext<DB, z.infer<S>>): Promise<void>;
}

/** Applies one service's migrations, for the `migrate` command and for start-up. */
export async function migrateService(definition: { schema: string; migrations: Record<string, Migration> }, databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const handle = connectDb<unknown>(databaseUrl, definition.schema, { max: 1 });
  try {
    return await migrateSchema(handle.db, definition.schema, definition.migrations);
  } finally {
    await handle.close();
  }
}

/**
 * The lifecycle every service shares: parse config, connect NATS/Postgres/Redis, migrate, let
 * the service register its handlers, then on SIGINT/SIGTERM stop taking work, finish what is in
 * hand, drain NATS and close pools — in that order, so no half-handled message is lost.
 */
export async function runService<DB, S extends z.ZodType<BaseEnv>>(definition: ServiceDefinition<DB, S>): Promise<void> {
  let config: z.infer<S>;
  try {
    config = loadConfig(definition.env ?? baseEnvSchema, process.env) as z.infer<S>;
  } catch (error) {
    process.stderr.write(`${definition.name}: ${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const logger = createLogger({ service: definition.name }, config.LOG_LEVEL);
  // Every message is settled explicitly and every handler is idempotent, so a stray rejection is
  // a bug to log loudly, not a reason to drop everything in hand.
  process.on("unhandledRejection", (reason) => logger.error("unhandled promise rejection", { error: reason }));
  const tracing = startTracing(definition.name);
  const shutdownSteps: (() => Promise<void>)[] = [];
  const consumers: RunningConsumer[] = [];
  let dbHandle: DbHandle<DB> | undefined;
  let redis: Redis | undefined;

  try {
    await migrateService(definition, config.DATABASE_URL);
    dbHandle = connectDb<DB>(config.DATABASE_URL, definition.schema, { onIdleError: (error) => logger.warn("idle Postgres connection lost; the pool will reconnect", { error }) });
    const db = dbHandle.db;
    const bus = await connectBus({ url: config.NATS_URL, prefix: config.NATS_SUBJECT_PREFIX, name: definition.name, logger });
    await ensureStreams(bus);
    if (definition.useRedis) {
      redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
      await redis.ping();
    }
    const server = new RpcServer(bus, definition.name, logger);
    const outbox = definition.useOutbox ? new OutboxRelay(db, bus, logger) : undefined;
    const ctx: ServiceContext<DB, z.infer<S>> = {
      name: definition.name,
      config,
      logger,
      bus,
      rpc: new RpcClient(bus),
      server,
      db,
      redis,
      outbox,
      consume: async (spec) => {
        consumers.push(await startEventConsumer(bus, spec, logger));
      },
      onShutdown: (step) => shutdownSteps.push(step),
    };
    const activeRedis = redis;
    server.ping(async () => ({
      postgres: await sql`select 1`.execute(db).then(() => "up" as const, () => "down" as const),
      ...(activeRedis ? { redis: await activeRedis.ping().then(() => "up" as const, () => "down" as const) } : {}),
    }));
    await definition.setup(ctx);
    outbox?.start();
    logger.info("ready", { pid: process.pid });

    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info("shutting down", { signal });
      const timer = setTimeout(() => {
        logger.error("shutdown timed out; exiting");
        process.exit(1);
      }, config.SHUTDOWN_TIMEOUT_MS);
      try {
        await server.stop();
        await Promise.all(consumers.map((c) => c.stop()));
        for (const step of shutdownSteps.reverse()) await step();
        await outbox?.stop();
        await bus.nc.drain();
        await dbHandle?.close();
        await redis?.quit();
        await tracing.shutdown();
        logger.info("stopped");
        clearTimeout(timer);
        process.exit(0);
      } catch (error) {
        logger.error("shutdown failed", { error });
        process.exit(1);
      }
    };
    process.on("SIGINT", () => void stop("SIGINT"));
    process.on("SIGTERM", () => void stop("SIGTERM"));
  } catch (error) {
    logger.error("start-up failed", { error });
    await dbHandle?.close().catch(() => undefined);
    redis?.disconnect();
    process.exit(1);
  }
}
