import { randomBytes } from "node:crypto";
import { connect } from "@nats-io/transport-node";
import { jetstreamManager } from "@nats-io/jetstream";
import { dropDatabase, ensureDatabase } from "@mcb/db";

export interface TestEnv {
  /** A database of its own, created for this run. */
  databaseUrl: string;
  natsUrl: string;
  redisUrl: string;
  /** Subject/stream namespace of this run (NATS_SUBJECT_PREFIX). */
  prefix: string;
  /** Redis key namespace of this run. */
  redisPrefix: string;
  /** Environment for a service process started by this run. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

const base = {
  pg: process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
  nats: process.env.NATS_URL ?? "nats://127.0.0.1:4222",
  redis: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
};

/**
 * Isolates one test file (or one end-to-end run) on the real local Postgres, NATS and Redis:
 * a fresh database and a fresh subject/stream prefix, both removed by cleanup().
 */
export async function createTestEnv(label = "t"): Promise<TestEnv> {
  const id = `${label}${randomBytes(4).toString("hex")}`.toLowerCase();
  const url = new URL(base.pg);
  url.pathname = `/mcb_test_${id}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  const prefix = `test-${id}`;
  return {
    databaseUrl,
    natsUrl: base.nats,
    redisUrl: base.redis,
    prefix,
    redisPrefix: `${prefix}:`,
    env: {
      DATABASE_URL: databaseUrl,
      NATS_URL: base.nats,
      REDIS_URL: base.redis,
      NATS_SUBJECT_PREFIX: prefix,
      REDIS_KEY_PREFIX: `${prefix}:`,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "warn",
    },
    async cleanup() {
      await dropDatabase(databaseUrl);
      const nc = await connect({ servers: base.nats });
      try {
        const jsm = await jetstreamManager(nc);
        const streamPrefix = `${prefix.toUpperCase().replace(/-/g, "_")}_`;
        for await (const name of jsm.streams.names()) {
          if (name.startsWith(streamPrefix)) await jsm.streams.delete(name);
        }
      } finally {
        await nc.close();
      }
    },
  };
}

/** Polls until `probe` returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, options: { timeoutMs?: number; intervalMs?: number; what?: string } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 100));
  }
  throw new Error(`timed out waiting for ${options.what ?? "condition"}${lastError ? `: ${String(lastError)}` : ""}`);
}
