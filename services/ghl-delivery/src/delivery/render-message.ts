import { ServiceError } from "@mcb/bus";
import type { DeliveryRequested, RenderedContent, RenderRequest, TemplateVariables } from "@mcb/contracts";
import { DeliveryFailureCode } from "../failure-codes";

/** Asks the template renderer for one recipient's content (svc.template.render in production). */
export type RenderContent = (request: RenderRequest) => Promise<RenderedContent>;

export type RenderOutcome =
  | { kind: "rendered"; content: RenderedContent }
  /** The renderer could not be asked now; the same request may work later. */
  | { kind: "unavailable"; reason: string }
  /** The renderer refused, or answered with content this channel cannot carry. */
  | { kind: "failed"; code: DeliveryFailureCode; reason: string };

/** Renderer failures that say nothing about the request itself. */
const TRANSIENT_RENDER_CODES = new Set(["UPSTREAM_TIMEOUT", "UPSTREAM_UNAVAILABLE", "RATE_LIMITED", "INTERNAL"]);

/** The gateway's one-click unsubscribe route for a delivery. */
export function unsubscribeUrlFor(publicBaseUrl: string, deliveryId: string): string {
  return `${publicBaseUrl.replace(/\/+$/, "")}/api/v1/marketing/unsubscribe/${encodeURIComponent(deliveryId)}`;
}

/** The campaign's variables, then what we know of this recipient, then the unsubscribe link. */
export function recipientVariables(request: DeliveryRequested, unsubscribeUrl: string): TemplateVariables {
  const { first_name, last_name, city } = request.recipient;
  return {
    ...request.variables,
    ...(first_name !== undefined ? { first_name } : {}),
    ...(last_name !== undefined ? { last_name } : {}),
    ...(city !== undefined ? { city } : {}),
    unsubscribe_url: unsubscribeUrl,
  };
}

function contentProblem(request: DeliveryRequested, content: RenderedContent): string | undefined {
  if (content.channel !== request.channel) return `the renderer answered ${content.channel} content for a ${request.channel} delivery`;
  if (!content.text.trim()) return "the rendered text is empty";
  if (request.channel === "EMAIL" && !content.subject?.trim()) return "the rendered email has no subject";
  return undefined;
}

/** Renders one delivery's content and says whether a failure is worth retrying. */
export async function renderMessage(render: RenderContent, tenantId: string, request: DeliveryRequested, unsubscribeUrl: string): Promise<RenderOutcome> {
  let content: RenderedContent;
  try {
    content = await render({ tenant_id: tenantId, template: request.template, channel: request.channel, variables: recipientVariables(request, unsubscribeUrl) });
  } catch (error) {
    if (error instanceof ServiceError && !TRANSIENT_RENDER_CODES.has(error.code)) {
      return { kind: "failed", code: DeliveryFailureCode.RENDER_FAILED, reason: `${error.code}: ${error.message}` };
    }
    return { kind: "unavailable", reason: error instanceof Error ? error.message : String(error) };
  }
  const problem = contentProblem(request, content);
  return problem ? { kind: "failed", code: DeliveryFailureCode.RENDER_INVALID, reason: problem } : { kind: "rendered", content };
}
