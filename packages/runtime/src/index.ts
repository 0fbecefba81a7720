export { runService, migrateService, type ServiceContext, type ServiceDefinition } from "./service-runtime";
