import type { Kysely } from "kysely";
import type { RpcRequest, RpcResponse, RpcSubject } from "@mcb/contracts";
import type { Logger } from "@mcb/telemetry";
import type { CampaignDatabase } from "./db";
import type { CampaignEngineEnv } from "./env";
import type { TenantRatesCache } from "./performance-history";

/** What the engine's handlers need from the outside world, passed in so tests can supply it. */
export interface EngineDeps {
  db: Kysely<CampaignDatabase>;
  ask<S extends RpcSubject>(subject: S, request: RpcRequest<S>): Promise<RpcResponse<S>>;
  /** Called after a commit that enqueued events; `due` when a campaign may now need launching. */
  afterCommit(options?: { due?: boolean }): void;
  config: CampaignEngineEnv;
  history: TenantRatesCache;
  now(): Date;
  logger: Logger;
}
