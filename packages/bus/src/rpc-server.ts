import { hostname } from "node:os";
import { SpanKind, context, trace } from "@opentelemetry/api";
import type { Msg, Subscription } from "@nats-io/transport-node";
import { fieldIssues, pingSubject, rpcCatalog, type Ping, type RpcReply, type RpcResponse, type RpcSubject, type ServiceName } from "@mcb/contracts";
import { LatencyHistogram, type LatencySummary, type Logger } from "@mcb/telemetry";
import type { z } from "zod";
import type { Bus } from "./connection";
import { ServiceError } from "./service-error";
import { extractTraceContext } from "./trace-headers";

export type RpcHandler<S extends RpcSubject> = (request: z.infer<(typeof rpcCatalog)[S]["request"]>) => Promise<RpcResponse<S>>;

/**
 * Answers a service's request/reply subjects in a queue group (so N copies share the load),
 * validates both directions against the catalog, and keeps a latency histogram per subject.
 */
export class RpcServer {
  private readonly subscriptions: Subscription[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly latency = new Map<string, LatencyHistogram>();
  private readonly startedAt = Date.now();
  readonly instance = `${hostname()}:${process.pid}`;

  constructor(
    private readonly bus: Bus,
    private readonly service: ServiceName,
    private readonly logger: Logger,
    private readonly version = "0.1.0",
  ) {}

  handle<S extends RpcSubject>(subject: S, handler: RpcHandler<S>): this {
    const spec = rpcCatalog[subject];
    if (spec.service !== this.service) throw new Error(`${subject} belongs to ${spec.service}, not ${this.service}`);
    const histogram = new LatencyHistogram();
    this.latency.set(subject, histogram);
    this.subscribe(subject, async (payload) => {
      const started = performance.now();
      try {
        const request = spec.request.safeParse(payload);
        if (!request.success) throw new ServiceError("VALIDATION_FAILED", "request failed validation", { fields: fieldIssues(request.error) });
        const result = await (handler as RpcHandler<RpcSubject>)(request.data as never);
        return { ok: true, data: spec.response.parse(result) } satisfies RpcReply;
      } finally {
        histogram.record(performance.now() - started);
      }
    });
    return this;
  }

  /** Answers `svc.<service>.ping` with identity, uptime, dependency checks and latencies. */
  ping(checks: () => Promise<Record<string, "up" | "down">> = async () => ({})): this {
    this.subscribe(pingSubject(this.service), async () => {
      const reply: Ping = {
        service: this.service,
        instance: this.instance,
        version: this.version,
        uptime_s: Math.round((Date.now() - this.startedAt) / 1000),
        checks: await checks(),
        latency: this.latencySummaries(),
      };
      return { ok: true, data: reply };
    });
    return this;
  }

  latencySummaries(): Record<string, LatencySummary> {
    return Object.fromEntries([...this.latency].map(([subject, h]) => [subject, h.summary()]));
  }

  /** Stops taking requests and waits for the ones being answered. */
  async stop(): Promise<void> {
    await Promise.all(this.subscriptions.map((s) => s.drain().catch(() => undefined)));
    await Promise.all(this.inFlight);
  }

  private subscribe(subject: string, answer: (payload: unknown) => Promise<RpcReply>): void {
    const sub = this.bus.nc.subscribe(this.bus.names.subject(subject), {
      queue: this.bus.names.queue(this.service),
      callback: (error, msg) => {
        if (error) {
          this.logger.error("subscription error", { subject, error });
          return;
        }
        const task = this.respond(subject, msg, answer).finally(() => this.inFlight.delete(task));
        this.inFlight.add(task);
      },
    });
    this.subscriptions.push(sub);
  }

  private async respond(subject: string, msg: Msg, answer: (payload: unknown) => Promise<RpcReply>): Promise<void> {
    const parent = extractTraceContext(msg.headers);
    const span = trace.getTracer("mcb-bus").startSpan(subject, { kind: SpanKind.SERVER }, parent);
    let reply: RpcReply;
    try {
      let payload: unknown;
      try {
        payload = msg.data.length ? JSON.parse(new TextDecoder().decode(msg.data)) : {};
      } catch {
        throw new ServiceError("VALIDATION_FAILED", "request is not JSON");
      }
      reply = await context.with(trace.setSpan(parent, span), () => answer(payload));
    } catch (error) {
      if (error instanceof ServiceError && error.code === "UPSTREAM_TIMEOUT") {
        // The caller's own timeout means "outcome unknown"; this one is known: the handler gave up
        // before changing anything because a service it asks did not answer.
        reply = { ok: false, error: { code: "UPSTREAM_UNAVAILABLE", message: error.message } };
      } else if (error instanceof ServiceError) {
        reply = { ok: false, error: error.toBody() };
      } else {
        this.logger.error("request handler failed", { subject, error });
        reply = { ok: false, error: { code: "INTERNAL", message: "internal error" } };
      }
    } finally {
      span.end();
    }
    if (!msg.reply) return;
    try {
      msg.respond(JSON.stringify(reply));
    } catch (error) {
      // Typically a reply over the server's max_payload: say so in a reply that fits.
      this.logger.error("reply could not be sent", { subject, error });
      const fallback: RpcReply = { ok: false, error: { code: "PAYLOAD_TOO_LARGE", message: `the answer to ${subject} is too large to send; ask for less at once` } };
      try {
        msg.respond(JSON.stringify(fallback));
      } catch (fallbackError) {
        this.logger.error("fallback reply failed too", { subject, error: fallbackError });
      }
    }
  }
}
