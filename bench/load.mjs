// A small closed-loop HTTP load generator: N clients, each sending its next request as soon as the
// previous one answered, for a fixed number of requests in all. Latencies are kept exactly.

export async function runLoad({ url, method = "GET", headers = {}, body, clients = 50, total = 2000, expectStatus }) {
  const latencies = [];
  let issued = 0;
  let failures = 0;
  const statuses = new Map();
  const started = performance.now();
  const client = async () => {
    while (issued < total) {
      issued++;
      const t0 = performance.now();
      try {
        const res = await fetch(url, { method, headers, body: typeof body === "function" ? body() : body });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (expectStatus && res.status !== expectStatus) failures++;
      } catch {
        failures++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const elapsedMs = performance.now() - started;
  return summarise(latencies, elapsedMs, failures, statuses);
}

export function summarise(latencies, elapsedMs, failures = 0, statuses = new Map()) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  const round = (n) => Math.round(n * 100) / 100;
  return {
    requests: sorted.length,
    failures,
    statuses: Object.fromEntries(statuses),
    rps: round((sorted.length / elapsedMs) * 1000),
    p50_ms: round(at(0.5)),
    p95_ms: round(at(0.95)),
    p99_ms: round(at(0.99)),
    max_ms: round(sorted.at(-1) ?? 0),
    mean_ms: round(sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1)),
    elapsed_ms: round(elapsedMs),
  };
}
