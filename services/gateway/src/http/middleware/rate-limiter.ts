import type { Redis } from "ioredis";
import type { RateClass } from "../route-spec";

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window has room again. */
  resetSeconds: number;
}

const WINDOW_MS = 60_000;

// Sliding-window counter: the previous window's count, weighted by how much of it still overlaps
// the last minute, plus this window's count. One round trip, atomic across gateway copies.
const SCRIPT = `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local elapsed = tonumber(ARGV[3])
local prev = tonumber(redis.call('GET', KEYS[2]) or '0')
local curr = tonumber(redis.call('GET', KEYS[1]) or '0')
local weighted = prev * (window - elapsed) / window + curr
if weighted + 1 > limit then
  return {0, tostring(weighted), curr, prev}
end
curr = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], window * 2)
return {1, tostring(weighted + 1), curr, prev}
`;

/**
 * How long until one more request fits: first as the previous window's weight fades within this
 * window; otherwise in the next one, where this window's count becomes the fading part.
 */
export function msUntilRoom(limit: number, current: number, previous: number, elapsed: number, windowMs = WINDOW_MS): number {
  const room = limit - 1 - current;
  if (room >= 0) {
    const at = previous > 0 ? windowMs * (1 - room / previous) : 0;
    if (at < windowMs) return Math.max(0, at - elapsed);
  }
  const nextAt = current > limit - 1 ? windowMs * (1 - (limit - 1) / current) : 0;
  return windowMs - elapsed + nextAt;
}

/** Per-token limits by route class, held in Redis so every gateway copy shares them. */
export class RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly perMinute: Record<RateClass, number>,
  ) {}

  /** Undefined when the class has no limit (configured as 0). */
  async take(rateClass: RateClass, tokenId: string, now = Date.now()): Promise<RateDecision | undefined> {
    const limit = this.perMinute[rateClass];
    if (!limit) return undefined;
    const window = Math.floor(now / WINDOW_MS);
    const elapsed = now - window * WINDOW_MS;
    const key = (w: number) => `${this.keyPrefix}rl:${rateClass}:${tokenId}:${w}`;
    const [allowed, weightedText, current, previous] = (await this.redis.eval(SCRIPT, 2, key(window), key(window - 1), limit, WINDOW_MS, elapsed)) as [number, string, number, number];
    const weighted = Number(weightedText);
    const remaining = Math.max(0, Math.floor(limit - weighted));
    // Allowed: when this window ends. Refused: when one more request fits again.
    const waitMs = allowed === 1 ? WINDOW_MS - elapsed : msUntilRoom(limit, current, previous, elapsed);
    return { allowed: allowed === 1, limit, remaining, resetSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
}

export function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  return {
    "RateLimit-Limit": String(decision.limit),
    "RateLimit-Remaining": String(decision.remaining),
    "RateLimit-Reset": String(decision.resetSeconds),
    "RateLimit-Policy": `${decision.limit};w=60`,
  };
}
