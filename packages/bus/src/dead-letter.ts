import { headers as natsHeaders, type MsgHdrs } from "@nats-io/transport-node";
import type { JsMsg } from "@nats-io/jetstream";
import { deadLetterSubject } from "@mcb/contracts";
import type { Bus } from "./connection";

export const DeadLetterHeaders = {
  reason: "Mcb-Dead-Letter-Reason",
  subject: "Mcb-Dead-Letter-Subject",
  stream: "Mcb-Dead-Letter-Stream",
  sequence: "Mcb-Dead-Letter-Sequence",
  consumer: "Mcb-Dead-Letter-Consumer",
  deliveries: "Mcb-Dead-Letter-Deliveries",
} as const;

/** Header values must be one line; reasons come from exceptions and may not be. */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, " ").slice(0, 1000);

/**
 * Copies a message that cannot be handled to `dlq.<subject>` with why, where it came from and
 * how often it was tried. The id is derived from the stream position, so a retried
 * dead-lettering after a crash is dropped as a duplicate.
 */
export async function deadLetter(bus: Bus, msg: JsMsg, reason: string): Promise<void> {
  const original = bus.names.unprefix(msg.subject);
  const hdrs: MsgHdrs = natsHeaders();
  if (msg.headers) for (const key of msg.headers.keys()) if (key !== "Nats-Msg-Id") hdrs.set(key, msg.headers.get(key));
  hdrs.set(DeadLetterHeaders.reason, oneLine(reason));
  hdrs.set(DeadLetterHeaders.subject, original);
  hdrs.set(DeadLetterHeaders.stream, msg.info.stream);
  hdrs.set(DeadLetterHeaders.sequence, String(msg.info.streamSequence));
  hdrs.set(DeadLetterHeaders.consumer, msg.info.consumer);
  hdrs.set(DeadLetterHeaders.deliveries, String(msg.info.deliveryCount));
  await bus.js.publish(bus.names.subject(deadLetterSubject(original)), msg.data, {
    msgID: `dlq:${msg.info.stream}:${msg.info.streamSequence}`,
    headers: hdrs,
  });
}

export interface DeadLetterRecord {
  sequence: number;
  subject: string;
  reason: string;
  deliveries: number;
  data: string;
}

/** Lists what sits in the dead-letter stream, oldest first. */
export async function listDeadLetters(bus: Bus, limit = 100): Promise<DeadLetterRecord[]> {
  const stream = bus.names.stream("DEAD_LETTER");
  const info = await bus.jsm.streams.info(stream);
  const records: DeadLetterRecord[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && records.length < limit; seq++) {
    const stored = await bus.jsm.streams.getMessage(stream, { seq }).catch(() => null);
    if (!stored) continue;
    records.push({
      sequence: seq,
      subject: stored.header.get(DeadLetterHeaders.subject),
      reason: stored.header.get(DeadLetterHeaders.reason),
      deliveries: Number(stored.header.get(DeadLetterHeaders.deliveries) || 0),
      data: new TextDecoder().decode(stored.data),
    });
  }
  return records;
}

/**
 * Sends a dead letter back to its original subject and removes it from the dead-letter stream.
 * The replay gets its own Nats-Msg-Id: the original id may still be in the duplicate window.
 */
export async function replayDeadLetter(bus: Bus, sequence: number): Promise<string> {
  const stream = bus.names.stream("DEAD_LETTER");
  const stored = await bus.jsm.streams.getMessage(stream, { seq: sequence });
  if (!stored) throw new Error(`no dead letter at sequence ${sequence}`);
  const subject = stored.header.get(DeadLetterHeaders.subject);
  const hdrs = natsHeaders();
  for (const key of stored.header.keys()) if (!key.startsWith("Mcb-Dead-Letter-") && !key.startsWith("Nats-")) hdrs.set(key, stored.header.get(key));
  await bus.js.publish(bus.names.subject(subject), stored.data, { msgID: `replay:${stream}:${sequence}`, headers: hdrs });
  await bus.jsm.streams.deleteMessage(stream, sequence);
  return subject;
}
