import type { Kysely } from "kysely";
import type { RpcRequest, RpcResponse, RpcSubject } from "@mcb/contracts";
import type { Logger } from "@mcb/telemetry";
import type { CampaignDatabase } from "./db";
import type { CampaignEngineEnv } from "./env";

/** What the engine's handlers need from the outside world, passed in so tests can supply it. */
export interface EngineDeps {
  db: Kysely<CampaignDatabase>;
  ask<S extends RpcSubject>(subject: S, request: RpcRequest<S>): Promise<RpcResponse<S>>;
  /** Called after a commit that enqueued events or made a campaign due. */
  afterCommit(): void;
  config: CampaignEngineEnv;
  now(): Date;
  logger: Logger;
}
