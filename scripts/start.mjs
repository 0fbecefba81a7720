// `pnpm start`: migrate, start the five services as separate processes, wait until healthy,
// print where the API is; Ctrl-C stops them all cleanly (each drains NATS and closes its pools).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import readline from "node:readline";
import { migrateAll } from "./migrate.mjs";

const require = createRequire(import.meta.url);
const { services, root } = require("./services.cjs");

const port = process.env.GATEWAY_PORT || "8080";
const baseUrl = `http://127.0.0.1:${port}/api/v1/marketing`;
const children = new Map();
let stopping = false;

function log(line) {
  process.stdout.write(`[start] ${line}\n`);
}

function launch(service) {
  const child = spawn(process.execPath, ["--enable-source-maps", service.main], { cwd: root, env: process.env, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on("line", (line) => process.stdout.write(`[${service.name}] ${line}\n`));
  }
  child.on("exit", (code, signal) => {
    children.delete(service.name);
    if (!stopping) {
      log(`${service.name} exited (${signal ?? code}); stopping the rest`);
      void stopAll(1);
    } else if (children.size === 0) {
      log("all services stopped");
      process.exit(process.exitCode ?? 0);
    }
  });
  children.set(service.name, child);
}

async function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  log("stopping services…");
  // The gateway first, so no new work arrives while the workers finish theirs.
  const order = [...services].reverse();
  for (const service of order) children.get(service.name)?.kill("SIGTERM");
  if (children.size === 0) process.exit(code);
  setTimeout(() => {
    for (const child of children.values()) child.kill("SIGKILL");
    process.exit(1);
  }, 40_000).unref(); // past every service's own SHUTDOWN_TIMEOUT_MS (30 s)
}

async function waitHealthy(timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

await migrateAll();
for (const service of services) launch(service);
if (await waitHealthy()) {
  log(`ready: ${baseUrl}  (health: ${baseUrl}/health)`);
  log(`get an API token:  pnpm cli tokens create --tenant <your-agency-id>   (the token is the last line)`);
  log(`then:  curl -H "Authorization: Bearer <token>" ${baseUrl}/campaigns/create -d @examples/create-campaign.json -H 'content-type: application/json'`);
  log("press Ctrl-C to stop");
} else if (!stopping) {
  log("services did not become healthy within 60 s; see the logs above");
  await stopAll(1);
}
