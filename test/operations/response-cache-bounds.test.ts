import { afterEach, describe, expect, it } from "vitest";
import { loadLimitsConfig } from "../../src/config-limits.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { postBody } from "../support/client.ts";
import { ManualClock } from "../support/clock.ts";
import { sample } from "../support/prometheus.ts";

const TTL_MS = 1_000;
const MAX_BYTES = 64 * 1024;
const MAX_ENTRY_BYTES = 16 * 1024;

let app: TestApp;
let clock: ManualClock;
afterEach(() => app?.close());

async function start() {
  clock = new ManualClock();
  app = await startTestApp({
    clock,
    config: {
      progressIntervalMs: TTL_MS,
      limits: {
        ...loadLimitsConfig({}),
        rateLimitBucket: 1e9,
        responseCacheMaxBytes: MAX_BYTES,
        responseCacheMaxEntryBytes: MAX_ENTRY_BYTES,
      },
    },
  });
}

/**
 * A cacheable query whose answer grows with `aliases` (about 14 bytes each); `regions` makes a miss
 * send one SQL statement, so a hit is the one that sends none.
 */
function sized(tag: string, aliases: number) {
  const fields = Array.from({ length: aliases }, (_, i) => `a${i}: __typename`).join(" ");
  return `query Sized_${tag} { regions { id } ${fields} }`;
}

async function post(query: string) {
  const response = await postBody(app.origin, { query });
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(200);
  return text;
}

/** Statements one request sends: 0 when the response cache answered it. */
async function statementsOf(query: string) {
  app.statements.reset();
  await post(query);
  return app.statements.statements.length;
}

async function held() {
  const text = await (await fetch(`${app.origin}/metrics`)).text();
  return {
    bytes: sample(text, "gateway_response_cache_bytes"),
    entries: sample(text, "gateway_response_cache_entries"),
  };
}

describe("the response cache's bounds", () => {
  it("holds at most RESPONSE_CACHE_MAX_BYTES, dropping the least recently used answers first", async () => {
    await start();
    const queries = Array.from({ length: 20 }, (_, i) => sized(String(i), 400));
    expect((await post(queries[0] ?? "")).length).toBeGreaterThan(5_000);
    for (const query of queries.slice(1)) await post(query);
    const after = await held();
    expect(after.bytes).toBeLessThanOrEqual(MAX_BYTES);
    expect(after.bytes).toBeGreaterThan(MAX_BYTES / 2);
    expect(after.entries).toBeGreaterThanOrEqual(8);
    expect(after.entries).toBeLessThan(20);
    expect(app.responseCache?.bytes).toBe(after.bytes);
    // The newest answer is held, the oldest was dropped for it.
    expect(await statementsOf(queries[19] ?? "")).toBe(0);
    expect(await statementsOf(queries[0] ?? "")).toBeGreaterThan(0);
  });

  it("does not keep an answer above RESPONSE_CACHE_MAX_ENTRY_BYTES", async () => {
    await start();
    const big = sized("big", 1_500);
    const answer = await post(big);
    expect(answer.length).toBeGreaterThan(MAX_ENTRY_BYTES);
    expect(JSON.parse(answer).data.a1499).toBe("Query");
    expect(await held()).toEqual({ bytes: 0, entries: 0 });
    expect(await statementsOf(big)).toBeGreaterThan(0);
    // A small one is kept as before.
    await post(sized("small", 10));
    expect((await held()).entries).toBe(1);
  });

  it("frees answers at their TTL, without anyone asking for them again", async () => {
    await start();
    for (let i = 0; i < 5; i++) await post(sized(`ttl${i}`, 400));
    expect((await held()).entries).toBe(5);
    clock.advance(TTL_MS - 1);
    expect((await held()).entries).toBe(5);
    clock.advance(1);
    // The sweep runs on its own (about once a second): the process is idle meanwhile.
    await expect.poll(async () => (await held()).entries, { timeout: 10_000, interval: 100 }).toBe(0);
    expect((await held()).bytes).toBe(0);
  });
});
