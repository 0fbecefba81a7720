import type { RpcServer } from "@mcb/bus";
import { DeliverableChannel } from "@mcb/contracts";
import type { TemplateRenderer } from "./render/template-renderer";
import { listTemplates, selectTemplate, type TemplateSelectionDeps } from "./selection/template-selector";

export interface TemplateHandlerDeps extends TemplateSelectionDeps {
  renderer: TemplateRenderer;
}

/** Answers the template-renderer's request/reply subjects; the server validates both directions. */
export function registerTemplateHandlers(server: RpcServer, deps: TemplateHandlerDeps): void {
  server
    .handle("svc.template.list", (request) => listTemplates(deps, request))
    .handle("svc.template.select", (request) => selectTemplate(deps, request))
    .handle("svc.template.render", (request) => deps.renderer.render(request))
    .handle("svc.template.prepare", async (request) => {
      const template = await selectTemplate(deps, request);
      const channels = request.channels.filter((c): c is DeliverableChannel => DeliverableChannel.safeParse(c).success && template.contents.some((content) => content.channel === c));
      const previews = await Promise.all(
        channels.map((channel) => deps.renderer.render({ tenant_id: request.tenant_id, template: { template_id: template.template_id, version: template.version }, channel, variables: request.variables })),
      );
      return { template, previews };
    });
}
