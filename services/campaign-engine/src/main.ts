import { runService } from "@mcb/runtime";
import type { CampaignDatabase } from "./db";
import { campaignEngineEnv } from "./env";
import { registerCampaignEngine } from "./handlers";
import { migrations, schema } from "./migrations";

void runService<CampaignDatabase, typeof campaignEngineEnv>({
  name: "campaign-engine",
  schema,
  migrations,
  env: campaignEngineEnv,
  useOutbox: true,
  setup: registerCampaignEngine,
});
