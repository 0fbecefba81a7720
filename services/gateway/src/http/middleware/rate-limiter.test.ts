import { msUntilRoom } from "./rate-limiter";

// Sliding-window counter: weighted = previous × (W − t)/W + current; one more fits when weighted + 1 ≤ limit.
const W = 60_000;
const weightedAt = (t: number, current: number, previous: number) => (t < W ? (previous * (W - t)) / W + current : (current * (2 * W - t)) / W);

test.each([
  // limit, current, previous, elapsed
  [10, 10, 0, 6_000], // a full window with nothing before it: ~60 s, not the 54 s left in the window
  [10, 5, 20, 30_000],
  [10, 9, 5, 10_000],
  [10, 0, 30, 1_000],
  [5, 12, 12, 59_000],
])("limit %i, current %i, previous %i at %i ms: waiting the answer is exactly enough", (limit, current, previous, elapsed) => {
  const wait = msUntilRoom(limit, current, previous, elapsed, W);
  const t = elapsed + wait;
  expect(weightedAt(t, current, previous) + 1).toBeLessThanOrEqual(limit + 1e-9);
  if (wait > 1) expect(weightedAt(t - 1, current, previous) + 1).toBeGreaterThan(limit);
});

test("a full window with no history waits until the next window has faded enough", () => {
  expect(msUntilRoom(10, 10, 0, 6_000, W)).toBe(54_000 + 6_000);
});
