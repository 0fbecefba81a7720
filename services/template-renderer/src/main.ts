import { runService } from "@mcb/runtime";
import { templateRendererEnvSchema } from "./env";
import { migrations, schema } from "./migrations";
import { setupTemplateRenderer } from "./service-setup";

void runService({
  name: "template-renderer",
  schema,
  migrations,
  env: templateRendererEnvSchema,
  useRedis: true,
  setup: setupTemplateRenderer,
});
