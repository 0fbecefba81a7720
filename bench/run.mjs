// `pnpm bench`: campaign creation through the gateway against the five running services, beside an
// express hello-world baseline measured by the same client in the same run. Prints a report and
// writes it to bench/results/<date>-<host>.md.
import { spawn } from "node:child_process";
import { writeFileSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { runLoad, summarise } from "./load.mjs";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const { createTestEnv, startServices, createToken } = require("../packages/testkit/dist/index.js");

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const TOTAL = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 5000);
const log = (line) => process.stdout.write(`${line}\n`);

function startBaseline() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, "hello-server.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
    readline.createInterface({ input: child.stdout }).once("line", (port) => resolve({ child, url: `http://127.0.0.1:${port}/hello` }));
    child.once("error", reject);
  });
}

/** A reproducible spread of contacts around the Bay Area (about a third match the seed's filters). */
function contacts(count) {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const cities = [
    ["San Francisco", 37.7749, -122.4194],
    ["Oakland", 37.8044, -122.2712],
    ["San Jose", 37.3382, -121.8863],
  ];
  return Array.from({ length: count }, (_, i) => {
    const [city, lat, lng] = cities[i % 3];
    return {
      first_name: `Contact${i}`,
      email: `contact${i}@bench.example`,
      phone: `+1415${String(5_000_000 + i).padStart(7, "0")}`,
      city,
      latitude: lat + (rand() - 0.5) * 0.1,
      longitude: lng + (rand() - 0.5) * 0.1,
      household_income: Math.round(80_000 + rand() * 400_000),
      age: 25 + Math.floor(rand() * 45),
      engagement_score: Math.round(rand() * 100) / 100,
      email_opt_in: rand() > 0.1,
      sms_opt_in: rand() > 0.4,
      timezone: "America/Los_Angeles",
    };
  });
}

const row = (name, r, base) =>
  `| ${name} | ${r.requests} | ${r.failures} | ${r.rps} | ${r.p50_ms} | ${r.p95_ms} | ${r.p99_ms} | ${r.max_ms} | ${base ? `${Math.round((r.p50_ms / base.p50_ms) * 10) / 10}× / ${Math.round((base.rps / r.rps) * 10) / 10}×` : "1×"} |`;

async function main() {
  const env = await createTestEnv("bench");
  const baseline = await startBaseline();
  let services;
  try {
    log(`starting the five services (isolated database ${new URL(env.databaseUrl).pathname.slice(1)})…`);
    services = await startServices({ ...env.env, RATE_LIMIT_CREATE_PER_MIN: "0", RATE_LIMIT_ANALYTICS_PER_MIN: "0", RATE_LIMIT_TEMPLATES_PER_MIN: "0", LOG_LEVEL: "error" });
    const token = await createToken(services.env, "bench-agency");
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const all = contacts(CONTACTS);
    for (let i = 0; i < all.length; i += 1000) {
      const res = await fetch(`${services.baseUrl}/contacts`, { method: "POST", headers, body: JSON.stringify({ contacts: all.slice(i, i + 1000) }) });
      if (res.status !== 200) throw new Error(`contact load failed: ${res.status} ${await res.text()}`);
    }
    const createBody = readFileSync(path.join(here, "../examples/create-campaign.json"), "utf8");
    log(`${CONTACTS} contacts loaded; warming up…`);
    await runLoad({ url: `${services.baseUrl}/campaigns/create`, method: "POST", headers, body: createBody, clients: 10, total: 200, expectStatus: 201 });
    await runLoad({ url: baseline.url, clients: 10, total: 500 });

    // One client, one request at a time: the latency floor without queueing behind other requests.
    const single = await runLoad({ url: `${services.baseUrl}/campaigns/create`, method: "POST", headers, body: createBody, clients: 1, total: 300, expectStatus: 201 });
    const singleHello = await runLoad({ url: baseline.url, method: "POST", headers: { "content-type": "application/json" }, body: createBody, clients: 1, total: 300, expectStatus: 201 });
    log(`measuring: ${CLIENTS} concurrent clients, ${TOTAL} requests each run`);
    const hello = await runLoad({ url: baseline.url, clients: CLIENTS, total: TOTAL, expectStatus: 200 });
    const helloPost = await runLoad({ url: baseline.url, method: "POST", headers: { "content-type": "application/json" }, body: createBody, clients: CLIENTS, total: TOTAL, expectStatus: 201 });
    const create = await runLoad({ url: `${services.baseUrl}/campaigns/create`, method: "POST", headers, body: createBody, clients: CLIENTS, total: TOTAL, expectStatus: 201 });
    const get = await runLoad({ url: `${services.baseUrl}/templates?campaign_type=property_showcase`, headers, clients: CLIENTS, total: TOTAL, expectStatus: 200 });

    // The seed's claim: 50 simultaneous creations in 2.1 s.
    const burstLatencies = [];
    const burstStart = performance.now();
    const burstStatuses = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const t0 = performance.now();
        const res = await fetch(`${services.baseUrl}/campaigns/create`, { method: "POST", headers, body: createBody });
        await res.arrayBuffer();
        burstLatencies.push(performance.now() - t0);
        return res.status;
      }),
    );
    const burstWall = performance.now() - burstStart;
    const burst = summarise(burstLatencies, burstWall, burstStatuses.filter((s) => s !== 201).length);

    const benchmarks = await (await fetch(`${services.baseUrl}/performance/benchmarks`, { headers })).json();
    const measured = (key) => benchmarks.measurements?.[key];

    const date = new Date().toISOString().slice(0, 10);
    const machine = `${os.hostname()} · ${os.cpus().length}× ${os.cpus()[0]?.model ?? "cpu"} · ${Math.round(os.totalmem() / 2 ** 30)} GiB · Node ${process.version}`;
    const lines = [
      `# Benchmark ${date}`,
      "",
      `Machine: ${machine}. Client, gateway, the four other services, Postgres, Redis and NATS all share this machine.`,
      `Load: 1 client × 300 requests, then ${CLIENTS} concurrent keep-alive clients × ${TOTAL} requests per row, after a warm-up. Audience: ${CONTACTS} contacts.`,
      "Ratios compare each row with the express baseline of the same concurrency (1-client rows with the 1-client baseline).",
      "",
      "| route | requests | failures | req/s | p50 ms | p95 ms | p99 ms | max ms | vs baseline (p50 / throughput) |",
      "|---|---|---|---|---|---|---|---|---|",
      row("express hello-world POST, 1 client (baseline)", singleHello),
      row("POST /campaigns/create, 1 client (uncontended latency)", single, singleHello),
      row("express hello-world GET (baseline)", hello),
      row("express hello-world POST, same JSON body", helloPost, hello),
      row("POST /campaigns/create (full path: auth, rate limit, engine, audience estimate, template select + 2 renders, Postgres tx + outbox)", create, helloPost),
      row("GET /templates?campaign_type=property_showcase", get, hello),
      "",
      `50 simultaneous creations: wall time ${Math.round(burstWall)} ms (seed claims 2,100 ms), p50 ${burst.p50_ms} ms, max ${burst.max_ms} ms, failures ${burst.failures}.`,
      "",
      "Service-side latency measured by the services themselves during the run (GET /performance/benchmarks):",
      "",
      "| measurement | count | p50 ms | p95 ms | p99 ms | seed target ms |",
      "|---|---|---|---|---|---|",
      ...["campaign_generation", "template_preparation", "template_rendering", "audience_calculation", "campaign_creation_http"].map((k) => {
        const m = measured(k);
        return m?.count ? `| ${k} | ${m.count} | ${m.p50_ms} | ${m.p95_ms} | ${m.p99_ms} | ${m.target_ms} |` : `| ${k} | not exercised by this run | | | | |`;
      }),
    ];
    const report = lines.join("\n") + "\n";
    process.stdout.write("\n" + report);
    const file = path.join(here, "results", `${date}-${os.hostname()}.md`);
    writeFileSync(file, report);
    log(`\nwritten to ${path.relative(process.cwd(), file)}`);
  } finally {
    await services?.stop();
    baseline.child.kill("SIGTERM");
    await env.cleanup();
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
