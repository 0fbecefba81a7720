export interface LatencySummary {
  count: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  mean_ms: number;
}

/**
 * Log-linear buckets (about 4% wide) from 10µs to ~17min, so percentiles stay within a few
 * percent of the truth at a fixed memory cost however many samples arrive.
 */
const MIN_MS = 0.01;
const GROWTH = 1.04;
const BUCKETS = 480;

export class LatencyHistogram {
  private readonly counts = new Float64Array(BUCKETS);
  private total = 0;
  private sum = 0;
  private max = 0;

  record(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    const index = ms <= MIN_MS ? 0 : Math.min(BUCKETS - 1, Math.ceil(Math.log(ms / MIN_MS) / Math.log(GROWTH)));
    this.counts[index] = (this.counts[index] ?? 0) + 1;
    this.total += 1;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
  }

  /** Upper bound of the bucket holding the q-th sample, capped by the true maximum. */
  percentile(q: number): number {
    if (this.total === 0) return 0;
    const target = Math.max(1, Math.ceil(q * this.total));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i] ?? 0;
      if (seen >= target) return Math.min(this.max, MIN_MS * GROWTH ** i);
    }
    return this.max;
  }

  summary(): LatencySummary {
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      count: this.total,
      p50_ms: round(this.percentile(0.5)),
      p95_ms: round(this.percentile(0.95)),
      p99_ms: round(this.percentile(0.99)),
      max_ms: round(this.max),
      mean_ms: round(this.total ? this.sum / this.total : 0),
    };
  }
}
