import { describe, expect, it } from "vitest";
import { newTicket, ResponseCache, responseCacheKey } from "../../src/server/graphql/response-cache.ts";
import { ManualClock } from "../support/clock.ts";

const body = Buffer.from('{"query":"{ viewer { id } }"}');
const key = responseCacheKey("Bearer a", "application/json", body);
const headers = { "content-type": "application/json" };

function setup(ttlMs = 200) {
  const clock = new ManualClock();
  const cache = new ResponseCache(clock, ttlMs);
  const ticket = () => {
    const t = newTicket(clock);
    t.accountId = "acc-a";
    t.generation = cache.generation("acc-a");
    t.cacheable = true;
    return t;
  };
  return { clock, cache, ticket };
}

describe("ResponseCache", () => {
  it("keys by API key, Accept and body", () => {
    expect(responseCacheKey("Bearer b", "application/json", body)).not.toBe(key);
    expect(responseCacheKey("Bearer a", "application/graphql-response+json", body)).not.toBe(key);
    expect(responseCacheKey("Bearer a", "application/json", Buffer.from("{}"))).not.toBe(key);
    expect(responseCacheKey("Bearer a", "application/json", body, "https://app.example")).not.toBe(key);
  });

  it("does not store a result computed while the account changed", () => {
    const { cache, ticket } = setup();
    const during = ticket();
    cache.invalidateAccount("acc-a"); // a mutation committed while the read executed
    cache.set(key, during, Buffer.from("old"), headers);
    expect(cache.get(key)).toBeNull();
  });

  it("stops serving an entry once its account changes, and after the TTL", () => {
    const { clock, cache, ticket } = setup(200);
    cache.set(key, ticket(), Buffer.from("v1"), headers);
    expect(cache.get(key)?.body.toString()).toBe("v1");
    cache.invalidateAccount("acc-b");
    expect(cache.get(key)?.body.toString()).toBe("v1");
    cache.invalidateAccount("acc-a");
    expect(cache.get(key)).toBeNull();

    cache.set(key, ticket(), Buffer.from("v2"), headers);
    clock.advance(199);
    expect(cache.get(key)?.body.toString()).toBe("v2");
    clock.advance(1);
    expect(cache.get(key)).toBeNull();
  });

  it("keeps an entry no longer than the values in it hold", () => {
    const { clock, cache, ticket } = setup(10_000);
    const expiring = ticket();
    expiring.validUntil = clock.now().getTime() + 50;
    cache.set(key, expiring, Buffer.from("expires"), headers);
    clock.advance(50);
    expect(cache.get(key)).toBeNull();

    const moving = ticket();
    moving.validUntil = Number.NEGATIVE_INFINITY;
    cache.set(key, moving, Buffer.from("moving"), headers);
    expect(cache.get(key)).toBeNull();
  });

  it("stores nothing that was not a cacheable query of a known account", () => {
    const { clock, cache } = setup();
    cache.set(key, newTicket(clock), Buffer.from("anonymous"), headers);
    expect(cache.get(key)).toBeNull();
  });
});
