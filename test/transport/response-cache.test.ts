import { afterEach, describe, expect, it } from "vitest";
import { ConsoleImageListDocument } from "../../src/console/src/gql/graphql.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { gqlData, wsClient, wsCollect } from "../support/client.ts";
import { ManualClock } from "../support/clock.ts";
import { CreateCustomImageDocument, ImageStatusesDocument } from "../support/documents/images.ts";
import { InstancesDocument } from "../support/documents/instances.ts";
import { newImage, newInstance } from "../support/fixtures.ts";

let app: TestApp;
afterEach(() => app?.close());

const REGION = "cn-hangzhou";

async function start(progressIntervalMs: number) {
  const clock = new ManualClock();
  app = await startTestApp({ clock, config: { progressIntervalMs } });
  return clock;
}

/** An image in flight in cn-hangzhou, from a new instance with one 40 GiB data disk. */
function creatingImage(name: string, key?: string) {
  return newImage(
    app.origin,
    { name },
    { regionId: REGION, name: `${name}-vm`, dataDisks: [{ sizeGiB: 40 }] },
    key,
  );
}

/** Every image in flight completes (20 and 40 GiB at 8 GiB/s take 5 s at most). */
async function finish(clock: ManualClock) {
  clock.advance(60_000);
  await app.engine.tick();
}

/** The console's own image list (its progress fields move with the clock), as the Images page sends it. */
const list = (key?: string) => gqlData(app.origin, ConsoleImageListDocument, { regionId: REGION }, key);

const statuses = () => gqlData(app.origin, ImageStatusesDocument, { regionId: REGION });

/** The statements one read sends: 0 when the response cache answered it. */
async function statementsOf(read: () => Promise<unknown>) {
  app.statements.reset();
  await read();
  return app.statements.statements.length;
}

describe("response cache", () => {
  it("answers a repeated identical query without the database", async () => {
    const clock = await start(3_600_000);
    await creatingImage("first");
    await finish(clock);
    const first = await list();
    expect(await statementsOf(list)).toBe(0);
    expect(await list()).toEqual(first);
    // Another document (or other variables) is another entry.
    expect(
      await statementsOf(() => gqlData(app.origin, ConsoleImageListDocument, { regionId: "cn-shanghai" })),
    ).toBeGreaterThan(0);
  });

  it("never serves one account's response to another, even for the same document", async () => {
    const clock = await start(3_600_000);
    const otherKey = await app.newAccount("other");
    await creatingImage("demo-image");
    await creatingImage("other-image", otherKey);
    await finish(clock);
    const demo = await list();
    const other = await list(otherKey);
    expect(demo.images.edges.map((e) => e.node.name)).toEqual(["demo-image"]);
    expect(other.images.edges.map((e) => e.node.name)).toEqual(["other-image"]);
    // Both are cached now, each for its own key.
    expect(await statementsOf(list)).toBe(0);
    expect(await statementsOf(() => list(otherKey))).toBe(0);
    expect((await list()).images.edges.map((e) => e.node.name)).toEqual(["demo-image"]);
    expect((await list(otherKey)).images.edges.map((e) => e.node.name)).toEqual(["other-image"]);
  });

  it("shows a mutation's effect to a read that follows it at once", async () => {
    await start(3_600_000);
    await creatingImage("one");
    expect((await statuses()).images.totalCount).toBe(1);
    expect(await statementsOf(statuses)).toBe(0);
    await creatingImage("two");
    const after = await statuses();
    expect(after.images.totalCount).toBe(2);
    expect(after.images.edges.map((e) => e.node.name).sort()).toEqual(["one", "two"]);
  });

  it("shows a mutation sent over graphql-ws to the next HTTP read", async () => {
    await start(3_600_000);
    const instance = await newInstance(app.origin, {
      regionId: REGION,
      name: "ws-vm",
    });
    expect((await statuses()).images.totalCount).toBe(0);
    expect(await statementsOf(statuses)).toBe(0);
    const client = wsClient(app.origin);
    const results = await wsCollect(client, CreateCustomImageDocument, {
      input: { instanceId: instance.id, name: "over-ws" },
    });
    await client.dispose();
    expect(results[0]?.data?.createCustomImage.userErrors).toEqual([]);
    expect((await statuses()).images.edges.map((e) => e.node.name)).toEqual(["over-ws"]);
  });

  it("shows an engine transition to a read that follows it at once", async () => {
    // An hour-long interval: only invalidation, not expiry, can make the read see the transition.
    const clock = await start(3_600_000);
    await creatingImage("moving");
    expect((await statuses()).images.edges[0]?.node.status).toBe("CREATING");
    expect(await statementsOf(statuses)).toBe(0);
    clock.advance(60_000);
    await app.engine.tick();
    expect((await statuses()).images.edges[0]?.node.status).toBe("AVAILABLE");
    const after = await list();
    expect(after.images.edges[0]?.node.progress).toBe(100);
    expect(after.images.edges[0]?.node.diskMappings.map((m) => m.snapshot?.status)).toEqual([
      "ACCOMPLISHED",
      "ACCOMPLISHED",
    ]);
  });

  it("never shows progress older than one PROGRESS_INTERVAL_MS: moving progress is not reused at all", async () => {
    const interval = 1_000;
    const clock = await start(interval);
    await creatingImage("slow");
    const progressNow = async () => (await list()).images.edges[0]!.node.diskMappings[0]!.snapshot!.progress;
    const first = await progressNow();
    // 20 GiB at 8 GiB/s: 2.5 s, so 4 points every 100 ms; each read is as of its own instant.
    for (let step = 1; step <= 5; step++) {
      clock.advance(100);
      expect(await progressNow()).toBe(first + 4 * step);
    }
    expect(await statementsOf(list)).toBeGreaterThan(0);
  });

  it("reuses a finished list for one interval at most", async () => {
    const interval = 1_000;
    const clock = await start(interval);
    await creatingImage("done");
    await finish(clock);
    await list();
    clock.advance(interval - 1);
    expect(await statementsOf(list)).toBe(0);
    clock.advance(1);
    expect(await statementsOf(list)).toBeGreaterThan(0);
  });

  it("shows an instance EXPIRED from its expiresAt on, even where its RUNNING state was cached", async () => {
    const clock = await start(3_600_000);
    const expiresAt = new Date(clock.now().getTime() + 60_000);
    await newInstance(app.origin, {
      regionId: REGION,
      name: "short-lived",
      expiresAt: expiresAt.toISOString(),
    });
    const status = async () =>
      (await gqlData(app.origin, InstancesDocument, { first: 10 })).instances.edges[0]!.node.status;
    expect(await status()).toBe("RUNNING");
    clock.advance(59_999);
    expect(await statementsOf(status)).toBe(0);
    clock.advance(1);
    expect(await status()).toBe("EXPIRED");
  });

  it("does not cache a response with errors", async () => {
    await start(3_600_000);
    const bad = () =>
      fetch(`${app.origin}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer demo-key" },
        body: JSON.stringify({
          query: '{ image(id: "m-none") { id } nope: images(first: -1) { totalCount } }',
        }),
      });
    const stored = app.responseCache!.size;
    const first = await (await bad()).json();
    expect(first.errors?.length).toBeGreaterThan(0);
    await bad();
    expect(app.responseCache!.size).toBe(stored);
  });
  it("logs a hit's request line with its operation and account, like the execution it stands for", async () => {
    const lines: Record<string, unknown>[] = [];
    const record = (message: string, fields?: Record<string, unknown>) => lines.push({ message, ...fields });
    app = await startTestApp({
      clock: new ManualClock(),
      config: { progressIntervalMs: 3_600_000 },
      logger: { debug: record, info: record, warn: record, error: record },
    });
    const read = () => gqlData(app.origin, ImageStatusesDocument, { regionId: REGION });
    await read();
    expect(await statementsOf(read)).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    const requests = lines.filter((line) => line.message === "request");
    expect(requests).toHaveLength(2);
    for (const line of requests)
      expect(line).toMatchObject({ operationName: "ImageStatuses", accountId: expect.any(String) });
  });

  it("answers a browser with the CORS headers of its own origin, not those of the request it stored", async () => {
    await start(3_600_000);
    const read = (origin?: string) =>
      fetch(`${app.origin}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: "Bearer demo-key",
          ...(origin ? { origin } : {}),
        },
        body: JSON.stringify({ query: "{ viewer { id } }" }),
      });
    // Stored from a request without Origin (curl, a server): no CORS headers.
    const plain = await read();
    expect(plain.headers.get("access-control-allow-origin")).toBeNull();
    // The gateway's own origin is always allowed (cors.ts).
    const browser = await read(app.origin);
    expect(browser.headers.get("access-control-allow-origin")).toBe(app.origin);
    const unknown = await read("https://elsewhere.example");
    expect(unknown.headers.get("access-control-allow-origin")).toBeNull();
  });
});
