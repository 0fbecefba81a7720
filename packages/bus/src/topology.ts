import { AckPolicy, DeliverPolicy, JetStreamApiError, type ConsumerConfig } from "@nats-io/jetstream";
import { nanos } from "@nats-io/transport-node";
import { streams, type StreamName } from "@mcb/contracts";
import type { Bus } from "./connection";

/** Duplicate window for Nats-Msg-Id: long enough to cover an outbox relay restart. */
const DUPLICATE_WINDOW_MS = 10 * 60_000;

function isNotFound(error: unknown): boolean {
  return error instanceof JetStreamApiError && error.status === 404;
}

/** Creates or updates every stream of the catalog; safe to run from every copy of every service. */
export async function ensureStreams(bus: Bus, names: readonly StreamName[] = Object.keys(streams) as StreamName[]): Promise<void> {
  for (const name of names) {
    const config = {
      name: bus.names.stream(name),
      subjects: streams[name].map((s) => bus.names.subject(s)),
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
      max_age: nanos(name === "DEAD_LETTER" ? 30 * 86_400_000 : 7 * 86_400_000),
    };
    try {
      await bus.jsm.streams.info(config.name);
      await bus.jsm.streams.update(config.name, config);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      try {
        await bus.jsm.streams.add(config);
      } catch (addError) {
        // Another copy created it between our info and add: that is the state we wanted.
        if (!(addError instanceof JetStreamApiError && addError.message.includes("already in use"))) throw addError;
      }
    }
  }
}

export interface DurableSpec {
  stream: StreamName;
  durable: string;
  /** Total deliveries before the message is dead-lettered. */
  maxDeliver: number;
  ackWaitMs: number;
  /** Only when the stream carries more subjects than this consumer wants. */
  filterSubject?: string;
}

/** Creates the durable consumer, or brings an existing one's settings up to date. */
export async function ensureConsumer(bus: Bus, spec: DurableSpec): Promise<void> {
  const stream = bus.names.stream(spec.stream);
  const config: Partial<ConsumerConfig> = {
    durable_name: spec.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    // Above our own bound: we dead-letter on the last try ourselves, with the reason, and a
    // dead-lettering that fails (NATS briefly away) gets a few more deliveries to succeed.
    max_deliver: spec.maxDeliver + 3,
    ack_wait: nanos(spec.ackWaitMs),
    max_ack_pending: 1000,
    ...(spec.filterSubject ? { filter_subject: bus.names.subject(spec.filterSubject) } : {}),
  };
  try {
    await bus.jsm.consumers.info(stream, spec.durable);
    const { durable_name: _ignored, deliver_policy: _fixed, ...updatable } = config;
    await bus.jsm.consumers.update(stream, spec.durable, updatable);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await bus.jsm.consumers.add(stream, config);
  }
}
