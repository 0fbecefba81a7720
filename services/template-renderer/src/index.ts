// What other packages (the migrate command, tests, tools) may import without starting the service.
export { migrations, schema } from "./migrations";
export { templateRendererEnvSchema, type TemplateRendererEnv } from "./env";
export { templateLibrary, libraryDefaultTemplateIds } from "./library";
