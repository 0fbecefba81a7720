import { ContactsUpsertRequest, ContactsUpsertResponse } from "@mcb/contracts";
import type { RpcClient } from "@mcb/bus";
import { defineRoute, type RouteSpec } from "../route-spec";

export function contactRoutes(rpc: RpcClient): RouteSpec[] {
  return [
    defineRoute({
      method: "post",
      path: "/contacts",
      summary: "Create or update contacts in bulk (matched by id, GHL id, email, then phone)",
      tag: "audience",
      auth: true,
      body: ContactsUpsertRequest,
      response: ContactsUpsertResponse,
      successStatus: 200,
      handle: ({ body, principal }) => rpc.call("svc.audience.upsert", { tenant_id: principal.tenant_id, contacts: body.contacts }),
    }),
  ];
}
