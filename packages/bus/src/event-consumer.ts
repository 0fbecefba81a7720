import { SpanKind, SpanStatusCode, context, trace } from "@opentelemetry/api";
import type { ConsumerMessages, JsMsg } from "@nats-io/jetstream";
import { EventEnvelope, isSubject, subjects, type EventData, type Subject } from "@mcb/contracts";
import type { Logger } from "@mcb/telemetry";
import type { Bus } from "./connection";
import { deadLetter } from "./dead-letter";
import type { HandlerOutcome } from "./handler-outcome";
import { ensureConsumer, type DurableSpec } from "./topology";
import { extractTraceContext } from "./trace-headers";

export interface ConsumedEvent<S extends Subject> {
  subject: S;
  envelope: EventEnvelope;
  data: EventData<S>;
  deliveryCount: number;
}

export interface EventConsumerSpec<S extends Subject> extends DurableSpec {
  subjects: readonly S[];
  handle(event: ConsumedEvent<S>): Promise<HandlerOutcome>;
  /** Messages handled at once by this copy. */
  concurrency?: number;
  /** Delay before the n-th retry; the last entry repeats. */
  backoffMs?: readonly number[];
}

export interface RunningConsumer {
  /** Stops pulling, waits for the messages in hand to settle. */
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a durable consumer the way the nats.js authors recommend: consume() inside an outer loop
 * that rebuilds it after errors or missed heartbeats, exactly one settlement per message, and
 * bounded concurrency. Nothing in here can end the loop except stop().
 */
export async function startEventConsumer<S extends Subject>(bus: Bus, spec: EventConsumerSpec<S>, logger: Logger): Promise<RunningConsumer> {
  await ensureConsumer(bus, spec);
  const log = logger.child({ consumer: spec.durable });
  const concurrency = spec.concurrency ?? 4;
  const backoff = spec.backoffMs ?? [500, 2_000, 10_000];
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let current: ConsumerMessages | undefined;

  const settle = async (msg: JsMsg, outcome: HandlerOutcome): Promise<void> => {
    const tries = msg.info.deliveryCount;
    if (outcome.kind === "ok") {
      // A plain ack (no confirmation round trip): if it is lost, the redelivery meets an
      // idempotent handler, which is the guarantee we rely on anyway.
      msg.ack();
      return;
    }
    if (outcome.kind === "retry" && tries < spec.maxDeliver) {
      const delay = outcome.delayMs ?? backoff[Math.min(tries - 1, backoff.length - 1)] ?? 1_000;
      log.warn("event will be retried", { subject: msg.subject, seq: msg.info.streamSequence, tries, delay_ms: delay, reason: outcome.reason });
      msg.nak(delay);
      return;
    }
    const reason = outcome.kind === "retry" ? `gave up after ${tries} tries: ${outcome.reason}` : outcome.reason;
    try {
      await deadLetter(bus, msg, reason);
      // No reason argument: NATS before 2.10.4 ignores a "+TERM <reason>". It is in the dead letter.
      msg.term();
      log.error("event dead-lettered", { subject: msg.subject, seq: msg.info.streamSequence, reason });
    } catch (error) {
      // Without a dead letter the message must stay in the stream: try again later.
      log.error("dead-lettering failed; will retry", { error });
      msg.nak(backoff[backoff.length - 1] ?? 5_000);
    }
  };

  const decide = async (msg: JsMsg): Promise<HandlerOutcome> => {
    const subject = bus.names.unprefix(msg.subject);
    if (!isSubject(subject) || !(spec.subjects as readonly string[]).includes(subject)) {
      return { kind: "give_up", reason: `no handler for subject ${subject}` };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder().decode(msg.data));
    } catch {
      return { kind: "give_up", reason: "payload is not JSON" };
    }
    const envelope = EventEnvelope.safeParse(raw);
    if (!envelope.success) return { kind: "give_up", reason: `invalid envelope: ${envelope.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}` };
    const data = subjects[subject].schema.safeParse(envelope.data.data);
    if (!data.success) return { kind: "give_up", reason: `invalid ${subject} data: ${data.error.issues.map((i) => `${i.path.join(".") || "data"}: ${i.message}`).join("; ")}` };
    const parentContext = extractTraceContext(msg.headers);
    const span = trace.getTracer("mcb-bus").startSpan(`${subject} process`, { kind: SpanKind.CONSUMER, attributes: { "messaging.system": "nats", "messaging.destination.name": subject } }, parentContext);
    try {
      return await context.with(trace.setSpan(parentContext, span), () =>
        spec.handle({ subject: subject as S, envelope: envelope.data, data: data.data as EventData<S>, deliveryCount: msg.info.deliveryCount }),
      );
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      log.error("event handler threw", { subject, seq: msg.info.streamSequence, error });
      return { kind: "retry", reason: error instanceof Error ? error.message : String(error) };
    } finally {
      span.end();
    }
  };

  const processOne = async (msg: JsMsg): Promise<void> => {
    try {
      await settle(msg, await decide(msg));
    } catch (error) {
      // Settlement itself failed (connection lost): the server redelivers after ack_wait.
      log.error("could not settle message", { seq: msg.info.streamSequence, error });
    }
  };

  const loop = async () => {
    while (!stopped) {
      try {
        const consumer = await bus.js.consumers.get(bus.names.stream(spec.stream), spec.durable);
        const messages = await consumer.consume({ max_messages: Math.max(concurrency * 2, 10), idle_heartbeat: 5_000, expires: 30_000 });
        current = messages;
        void (async () => {
          for await (const status of messages.status()) {
            if (status.type === "heartbeats_missed" && status.count >= 3) {
              log.warn("heartbeats missed; rebuilding consumer", { count: status.count });
              messages.stop();
            }
          }
        })();
        for await (const msg of messages) {
          const task = processOne(msg).finally(() => inFlight.delete(task));
          inFlight.add(task);
          if (inFlight.size >= concurrency) await Promise.race(inFlight);
        }
      } catch (error) {
        if (!stopped) log.error("consumer loop failed; restarting", { error });
      }
      if (!stopped) await sleep(1_000);
    }
  };
  const done = loop();

  return {
    async stop() {
      stopped = true;
      await current?.close();
      await done;
      await Promise.all(inFlight);
    },
  };
}
