import { publishEvent, ServiceError, type Bus, type RpcClient } from "@mcb/bus";
import { defineRoute, HttpResult, type RouteSpec } from "../route-spec";

const page = (title: string, body: string) =>
  new HttpResult(
    200,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1d2733}button{font:inherit;padding:.6em 1.2em}</style></head>
<body><h1>${title}</h1>${body}</body></html>`,
    { "Content-Type": "text/html; charset=utf-8" },
  );

const notFound = () => {
  const result = page("This link is no longer valid", "<p>We could not find the message this link came from.</p>");
  return new HttpResult(404, result.body, result.headers);
};

/**
 * The unsubscribe link in every message. The delivery id (96 random-looking bits) is the only
 * credential, so no token is needed: GET shows a confirmation, POST — also the RFC 8058
 * one-click request mail clients send — records the opt-out for that channel.
 */
export function unsubscribeRoutes(rpc: RpcClient, bus: Bus): RouteSpec[] {
  const lookup = async (id: string) => {
    try {
      return await rpc.call("svc.delivery.lookup", { delivery_id: id });
    } catch (error) {
      if (error instanceof ServiceError && error.code === "NOT_FOUND") return undefined;
      throw error;
    }
  };
  return [
    defineRoute({
      method: "get",
      path: "/unsubscribe/:id",
      summary: "The unsubscribe page a message links to",
      tag: "audience",
      auth: false,
      produces: "text/html",
      successStatus: 200,
      handle: async ({ params }) => {
        const delivery = await lookup(params.id ?? "");
        if (!delivery) return notFound();
        const what = delivery.channel === "EMAIL" ? "emails" : "text messages";
        return page("Unsubscribe", `<p>Stop receiving marketing ${what} from us?</p><form method="post"><button type="submit">Unsubscribe</button></form>`);
      },
    }),
    defineRoute({
      method: "post",
      path: "/unsubscribe/:id",
      summary: "Opt out of the channel a message came on (also RFC 8058 one-click)",
      tag: "audience",
      auth: false,
      produces: "text/html",
      successStatus: 200,
      handle: async ({ params }) => {
        const delivery = await lookup(params.id ?? "");
        if (!delivery) return notFound();
        const deliveryId = params.id ?? "";
        // One opt-out per delivery id: clicking twice publishes a duplicate the stream drops.
        await publishEvent(bus, "engagement.recorded", {
          tenantId: delivery.tenant_id,
          id: `engagement.unsubscribed:${deliveryId}`,
          correlationId: delivery.campaign_id,
          data: { campaign_id: delivery.campaign_id, contact_id: delivery.contact_id, delivery_id: deliveryId, channel: delivery.channel, kind: "unsubscribed", occurred_at: new Date().toISOString() },
        });
        return page("You are unsubscribed", "<p>You will not receive these messages any more. It can take a few minutes to take effect.</p>");
      },
    }),
  ];
}
