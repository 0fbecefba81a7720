import { LruCache } from "./lru-cache";

test("evicts the least recently used entry once full", () => {
  const cache = new LruCache<string, number>(2);
  cache.set("a", 1);
  cache.set("b", 2);
  expect(cache.get("a")).toBe(1); // "b" is now the oldest
  cache.set("c", 3);
  expect(cache.has("b")).toBe(false);
  expect(cache.get("a")).toBe(1);
  expect(cache.get("c")).toBe(3);
  expect(cache.size).toBe(2);
});

test("overwriting a key refreshes it without growing the cache", () => {
  const cache = new LruCache<string, number>(2);
  cache.set("a", 1);
  cache.set("b", 2);
  cache.set("a", 10);
  cache.set("c", 3);
  expect(cache.get("a")).toBe(10);
  expect(cache.has("b")).toBe(false);
  expect(cache.size).toBe(2);
});

test("keeps falsy values and supports delete and clear", () => {
  const cache = new LruCache<string, number>(3);
  cache.set("zero", 0);
  expect(cache.get("zero")).toBe(0);
  expect(cache.delete("zero")).toBe(true);
  expect(cache.get("zero")).toBeUndefined();
  cache.set("x", 1);
  cache.clear();
  expect(cache.size).toBe(0);
});

test("rejects a size that cannot hold anything", () => {
  expect(() => new LruCache(0)).toThrow(RangeError);
});
