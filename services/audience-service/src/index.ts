// What other packages (the migrate command, end-to-end tests) may import; main.ts starts the service.
export { schema, migrations } from "./migrations";
export { registerAudienceHandlers, type AudienceHandlerDeps } from "./rpc-handlers";
export type { AudienceDatabase } from "./db";
