import type { Kysely } from "kysely";
import type { RpcServer } from "@mcb/bus";
import type { AudienceDatabase } from "./db";
import { estimateAudience } from "./audience-estimate";
import { resolveRecipients } from "./recipient-resolver";
import { upsertContacts } from "./contact-upsert";

export interface AudienceHandlerDeps {
  db: Kysely<AudienceDatabase>;
}

/**
 * Answers svc.audience.* on the given server. The server has already checked each request
 * against the catalog (VALIDATION_FAILED otherwise) and checks each answer on the way out.
 */
export function registerAudienceHandlers(server: RpcServer, deps: AudienceHandlerDeps): RpcServer {
  const { db } = deps;
  return server
    .handle("svc.audience.estimate", (request) =>
      estimateAudience(db, { tenantId: request.tenant_id, criteria: request.criteria, channels: request.channels }),
    )
    .handle("svc.audience.resolve", (request) =>
      resolveRecipients(db, {
        tenantId: request.tenant_id,
        criteria: request.criteria,
        channels: request.channels,
        after: request.after,
        limit: request.limit,
      }),
    )
    .handle("svc.audience.upsert", (request) => upsertContacts(db, request.tenant_id, request.contacts));
}
