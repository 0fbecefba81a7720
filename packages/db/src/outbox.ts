import { RepeatingPass } from "./repeating-pass";
import type { AnyKysely } from "./any-kysely";
import { sql, type ColumnType, type Kysely } from "kysely";
import { publishEnvelope, buildEnvelope, type Bus, type NewEvent } from "@mcb/bus";
import type { EventEnvelope, Subject } from "@mcb/contracts";
import type { Logger } from "@mcb/telemetry";

/** The outbox table each publishing service creates in its own schema. */
export interface OutboxTable {
  id: string;
  subject: string;
  envelope: EventEnvelope;
  created_at: ColumnType<Date, never, never>;
  published_at: ColumnType<Date | null, never, ReturnType<typeof sql>>;
  attempts: ColumnType<number, number, ReturnType<typeof sql>>;
}

export interface OutboxDatabase {
  outbox: OutboxTable;
}

/** Records an event in the same transaction as the change it announces. */
export async function enqueueEvent<S extends Subject>(trx: AnyKysely, subject: S, event: NewEvent<S>): Promise<EventEnvelope> {
  const [envelope] = await enqueueEvents(trx, [{ subject, event }]);
  return envelope as EventEnvelope;
}

/** Several events in one statement (one round trip), same guarantees as enqueueEvent. */
export async function enqueueEvents<S extends Subject>(trx: AnyKysely, events: readonly { subject: S; event: NewEvent<S> }[]): Promise<EventEnvelope[]> {
  if (events.length === 0) return [];
  const envelopes = events.map(({ subject, event }) => buildEnvelope(subject, event));
  await (trx as unknown as Kysely<OutboxDatabase>)
    .insertInto("outbox")
    .values(envelopes.map((envelope) => ({ id: envelope.id, subject: envelope.type, envelope: JSON.stringify(envelope) as unknown as EventEnvelope, attempts: 0 })))
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
  return envelopes;
}

/**
 * Moves committed outbox rows to JetStream. A row is marked published only after the stream
 * acknowledged it; if we crash in between, the row is sent again and JetStream drops it as a
 * duplicate (same Nats-Msg-Id within the duplicate window). SKIP LOCKED lets copies share work.
 */
export class OutboxRelay {
  private readonly db: Kysely<OutboxDatabase>;
  private readonly runner: RepeatingPass;

  constructor(
    db: AnyKysely,
    private readonly bus: Bus,
    private readonly logger: Logger,
    private readonly options: { pollMs?: number; batch?: number } = {},
  ) {
    this.db = db as Kysely<OutboxDatabase>;
    this.runner = new RepeatingPass(() => this.drain(), (error) => this.logger.error("outbox relay pass failed", { error }));
  }

  start(): void {
    this.runner.start(this.options.pollMs ?? 1_000);
  }

  /** Asks for a pass now (called right after a commit that enqueued events). */
  kick(): void {
    this.runner.kick();
  }

  async stop(): Promise<void> {
    await this.runner.stop();
  }

  /** Publishes until the outbox is empty; returns how many rows were sent. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.publishBatch();
      total += sent;
      if (sent === 0) return total;
    }
  }

  private async publishBatch(): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom("outbox")
        .select(["id", "subject", "envelope"])
        .where("published_at", "is", null)
        .orderBy("created_at")
        .orderBy("id")
        .limit(this.options.batch ?? 200)
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length === 0) return 0;
      const acks = await Promise.allSettled(rows.map((row) => publishEnvelope(this.bus, row.subject, row.envelope)));
      const published = rows.filter((_, i) => acks[i]?.status === "fulfilled").map((r) => r.id);
      const failed = rows.filter((_, i) => acks[i]?.status === "rejected").map((r) => r.id);
      if (published.length) await trx.updateTable("outbox").set({ published_at: sql`now()` }).where("id", "in", published).execute();
      if (failed.length) {
        await trx.updateTable("outbox").set({ attempts: sql`attempts + 1` }).where("id", "in", failed).execute();
        this.logger.warn("outbox publish failed; will retry", { failed: failed.length });
        return 0; // back off until the next tick rather than spin against a broken bus
      }
      return published.length;
    });
  }
}
