import { headers as natsHeaders, errors as natsErrors } from "@nats-io/transport-node";
import { Ping, RpcReply, pingSubject, rpcCatalog, type RpcRequest, type RpcResponse, type RpcSubject, type ServiceName } from "@mcb/contracts";
import type { Bus } from "./connection";
import { ServiceError } from "./service-error";
import { injectTraceContext } from "./trace-headers";

function isNoResponders(error: unknown): boolean {
  if (error instanceof natsErrors.NoRespondersError) return true;
  if (error instanceof natsErrors.RequestError) return error.isNoResponders();
  return error instanceof Error && error.cause instanceof natsErrors.NoRespondersError;
}

function isTimeout(error: unknown): boolean {
  return error instanceof natsErrors.TimeoutError || (error instanceof Error && error.cause instanceof natsErrors.TimeoutError);
}

/** Asks another service a question over NATS request/reply, typed by the catalog. */
export class RpcClient {
  constructor(private readonly bus: Bus) {}

  async call<S extends RpcSubject>(subject: S, request: RpcRequest<S>, options: { timeoutMs?: number } = {}): Promise<RpcResponse<S>> {
    const spec = rpcCatalog[subject];
    const data = await this.raw(subject, request, options.timeoutMs ?? spec.timeoutMs, spec.service);
    const parsed = spec.response.safeParse(data);
    if (!parsed.success) throw new ServiceError("INTERNAL", `${spec.service} answered ${subject} with an invalid body`, { cause: parsed.error });
    return parsed.data as RpcResponse<S>;
  }

  async ping(service: ServiceName, timeoutMs = 1_000): Promise<Ping> {
    return Ping.parse(await this.raw(pingSubject(service), {}, timeoutMs, service));
  }

  private async raw(subject: string, request: unknown, timeoutMs: number, service: string): Promise<unknown> {
    const hdrs = natsHeaders();
    injectTraceContext(hdrs);
    let replyBytes: Uint8Array;
    try {
      const msg = await this.bus.nc.request(this.bus.names.subject(subject), JSON.stringify(request), { timeout: timeoutMs, headers: hdrs });
      replyBytes = msg.data;
    } catch (error) {
      if (error instanceof natsErrors.InvalidArgumentError && error.message.includes("max_payload")) {
        throw new ServiceError("PAYLOAD_TOO_LARGE", `the request to ${service} is too large to send; send less at once`, { cause: error });
      }
      if (isNoResponders(error)) throw new ServiceError("UPSTREAM_UNAVAILABLE", `${service} is not running`, { cause: error });
      if (isTimeout(error)) throw new ServiceError("UPSTREAM_TIMEOUT", `${service} did not answer ${subject} within ${timeoutMs} ms`, { cause: error });
      throw new ServiceError("UPSTREAM_UNAVAILABLE", `could not reach ${service}`, { cause: error });
    }
    const reply = RpcReply.safeParse(JSON.parse(new TextDecoder().decode(replyBytes)));
    if (!reply.success) throw new ServiceError("INTERNAL", `${service} sent a malformed reply`);
    if (!reply.data.ok) throw ServiceError.fromBody(reply.data.error);
    return reply.data.data;
  }
}
