import { ComprehensiveValuation, ValuationCreated, ValuationInput } from "@mcb/contracts";
import type { RpcClient } from "@mcb/bus";
import { idempotencyOf } from "../middleware/idempotency-store";
import { defineRoute, type RouteSpec } from "../route-spec";

export function valuationRoutes(rpc: RpcClient): RouteSpec[] {
  return [
    defineRoute({
      method: "post",
      path: "/valuations",
      summary: "Store a property valuation (the seed's ComprehensiveValuation) for from-property campaigns",
      tag: "valuations",
      auth: true,
      idempotent: true,
      body: ValuationInput,
      response: ValuationCreated,
      successStatus: 201,
      handle: ({ body, principal, req }) => rpc.call("svc.campaign.valuation_store", { tenant_id: principal.tenant_id, valuation: body, ...idempotencyOf(req, body) }),
    }),
    defineRoute({
      method: "get",
      path: "/valuations/:id",
      summary: "A stored property valuation",
      tag: "valuations",
      auth: true,
      response: ComprehensiveValuation,
      successStatus: 200,
      handle: ({ params, principal }) => rpc.call("svc.campaign.valuation_get", { tenant_id: principal.tenant_id, valuation_id: params.id ?? "" }),
    }),
  ];
}
