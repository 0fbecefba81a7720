import { LatencyHistogram } from "./latency-histogram";

test("percentiles stay within the bucket width of the exact value", () => {
  const h = new LatencyHistogram();
  const samples = Array.from({ length: 10_000 }, (_, i) => 1 + (i % 1000) * 0.5); // 1 .. 500.5 ms, uniform
  for (const s of samples) h.record(s);
  const sorted = [...samples].sort((a, b) => a - b);
  const exact = (q: number) => sorted[Math.ceil(q * sorted.length) - 1]!;
  for (const q of [0.5, 0.95, 0.99]) {
    expect(Math.abs(h.percentile(q) - exact(q)) / exact(q)).toBeLessThan(0.05);
  }
  const summary = h.summary();
  expect(summary.count).toBe(10_000);
  expect(summary.max_ms).toBe(500.5);
  expect(summary.mean_ms).toBeCloseTo(250.75, 1);
});

test("an empty histogram reports zeros; nonsense samples are ignored", () => {
  const h = new LatencyHistogram();
  h.record(Number.NaN);
  h.record(-1);
  expect(h.summary()).toEqual({ count: 0, p50_ms: 0, p95_ms: 0, p99_ms: 0, max_ms: 0, mean_ms: 0 });
});
