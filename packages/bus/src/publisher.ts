import { randomUUID } from "node:crypto";
import { headers as natsHeaders } from "@nats-io/transport-node";
import type { PubAck } from "@nats-io/jetstream";
import { subjects, type EventData, type EventEnvelope, type Subject } from "@mcb/contracts";
import type { Bus } from "./connection";
import { injectTraceContext } from "./trace-headers";

export interface NewEvent<S extends Subject> {
  tenantId: string;
  data: EventData<S>;
  /** Deterministic ids make a retried publish a duplicate the stream drops. */
  id?: string;
  correlationId?: string | undefined;
  occurredAt?: Date;
}

/** Builds a validated envelope without sending it (the outbox stores these). */
export function buildEnvelope<S extends Subject>(subject: S, event: NewEvent<S>): EventEnvelope {
  const spec = subjects[subject];
  const data = spec.schema.parse(event.data);
  return {
    id: event.id ?? randomUUID(),
    type: subject,
    version: spec.version,
    occurred_at: (event.occurredAt ?? new Date()).toISOString(),
    tenant_id: event.tenantId,
    ...(event.correlationId ? { correlation_id: event.correlationId } : {}),
    data,
  };
}

/** Publishes an envelope to JetStream with Nats-Msg-Id = envelope id and the trace context. */
export async function publishEnvelope(bus: Bus, subject: string, envelope: EventEnvelope, extraHeaders?: Record<string, string>): Promise<PubAck> {
  const hdrs = natsHeaders();
  injectTraceContext(hdrs);
  if (extraHeaders) for (const [k, v] of Object.entries(extraHeaders)) hdrs.set(k, v);
  return bus.js.publish(bus.names.subject(subject), JSON.stringify(envelope), { msgID: envelope.id, headers: hdrs });
}

export async function publishEvent<S extends Subject>(bus: Bus, subject: S, event: NewEvent<S>): Promise<PubAck> {
  return publishEnvelope(bus, subject, buildEnvelope(subject, event));
}
