import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { createTestEnv, freePort, waitFor, type TestEnv } from "@mcb/testkit";

jest.setTimeout(120_000);

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv("start");
});
afterAll(async () => {
  await env.cleanup();
});

test("the start command migrates, starts all five, prints the URL and how to get a token, and stops cleanly on Ctrl-C", async () => {
  const port = await freePort();
  const lines: string[] = [];
  const child = spawn(process.execPath, [path.resolve(__dirname, "../../scripts/start.mjs")], {
    env: { PATH: process.env.PATH ?? "", ...env.env, GATEWAY_PORT: String(port), LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout, child.stderr]) readline.createInterface({ input: stream }).on("line", (line) => lines.push(line));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const baseUrl = `http://127.0.0.1:${port}/api/v1/marketing`;
  await waitFor(() => (lines.some((l) => l.startsWith("[start] ready:")) ? true : undefined), { what: "the ready line", timeoutMs: 60_000 });
  expect(lines).toContain(`[start] ready: ${baseUrl}  (health: ${baseUrl}/health)`);
  expect(lines.some((l) => l.includes("pnpm cli tokens create --tenant"))).toBe(true);
  for (const schema of ["audience", "template", "campaign", "delivery", "gateway"]) expect(lines.some((l) => l.includes(`schema ${schema}`))).toBe(true);
  expect((await fetch(`${baseUrl}/health`)).status).toBe(200);

  child.kill("SIGINT");
  expect(await exited).toBe(0);
  expect(lines).toContain("[start] all services stopped");
  for (const service of ["gateway", "campaign-engine", "template-renderer", "audience-service", "ghl-delivery"]) {
    expect(lines.some((l) => l.startsWith(`[${service}]`) && l.includes('"msg":"stopped"'))).toBe(true);
  }
  await expect(fetch(`${baseUrl}/health`)).rejects.toThrow();
});
