import type { RpcServer } from "@mcb/bus";
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
    .handle("svc.template.render", (request) => deps.renderer.render(request));
}
