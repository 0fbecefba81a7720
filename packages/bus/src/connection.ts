import { connect, type NatsConnection } from "@nats-io/transport-node";
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from "@nats-io/jetstream";
import type { Logger } from "@mcb/telemetry";
import { BusNames } from "./naming";

export interface Bus {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  names: BusNames;
  logger: Logger;
}

export async function connectBus(options: { url: string; prefix?: string | undefined; name: string; logger: Logger }): Promise<Bus> {
  const nc = await connect({
    servers: options.url,
    name: options.name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    // Capturing a stack for every request in case it times out cost ~5% of a busy service's CPU;
    // our ServiceErrors already say which subject and service failed.
    noAsyncTraces: true,
  });
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === "disconnect" || status.type === "reconnect" || status.type === "error") {
        options.logger.warn("nats connection status", { status: status.type });
      }
    }
  })();
  return {
    nc,
    js: jetstream(nc),
    jsm: await jetstreamManager(nc),
    names: new BusNames(options.prefix),
    logger: options.logger,
  };
}
