import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { type App, startApp } from "../src/server/app.ts";
import { ManualClock } from "./support/app.ts";
import { gqlData, sseCollect, wsClient } from "./support/client.ts";
import { createTestDatabase, type TestDatabase } from "./support/database.ts";
import { CreateInstanceDocument } from "./support/documents.ts";
import { CreateCustomImageDocument, ImageProgressDocument } from "./support/documents-images.ts";
import { requireService } from "./support/services.ts";
import { subscribeWs } from "./support/stream.ts";

const REDIS_URL = requireService("redis", "test/redis.test.ts (several replicas over Redis)");

const clock = new ManualClock();
let database: TestDatabase;
let driver: App;
let relay: App;

beforeAll(async () => {
  if (!REDIS_URL) return;
  database = await createTestDatabase();
  const base = {
    ...loadConfig({}),
    port: 0,
    host: "127.0.0.1",
    databaseUrl: database.url,
    logLevel: "error" as const,
    redisUrl: REDIS_URL,
    progressIntervalMs: 3_600_000,
  };
  // Two replicas on one database and one Redis: only `driver`'s engine is ticked by the test.
  driver = await startApp(base, { clock, skipMigrations: true });
  relay = await startApp(base, { clock, skipMigrations: true });
});
afterAll(async () => {
  await relay?.close();
  await driver?.close();
  await database?.drop();
});

describe.skipIf(!REDIS_URL)("REDIS_URL: several replicas", () => {
  it("streams progress driven by one replica to subscribers of another, over graphql-ws and SSE", async () => {
    const instance = await gqlData(relay.origin, CreateInstanceDocument, {
      input: {
        regionId: "cn-hangzhou",
        name: "replicated",
        imageId: "ubuntu_22_04_x64_20G_alibase",
        dataDisks: [{ sizeGiB: 40 }],
      },
    });
    const created = await gqlData(relay.origin, CreateCustomImageDocument, {
      input: { instanceId: instance.createInstance.instance!.id, name: "replicated-image" },
    });
    const imageId = created.createCustomImage.image!.id;

    const client = wsClient(relay.origin);
    const ws = subscribeWs(client, ImageProgressDocument, { imageId });
    await ws.until((e) => e.imageProgress.sequence === 1);
    let sawFirst: () => void = () => undefined;
    const firstSse = new Promise<void>((resolve) => {
      sawFirst = resolve;
    });
    const sse = sseCollect(relay.origin, ImageProgressDocument, { imageId }, undefined, () => sawFirst());
    await firstSse;

    // The other replica's engine picks the image up from the shared database and drives it.
    await driver.engine.reconcile();
    clock.advance(1_000);
    await driver.engine.tick();
    await ws.until((e) => (e.imageProgress.snapshot?.progress ?? 0) > 0);
    clock.advance(5_000);
    await driver.engine.tick();
    const events = await ws.finished;
    await client.dispose();
    expect(events.at(-1)?.imageProgress).toMatchObject({
      done: true,
      image: { status: "AVAILABLE", progress: 100 },
    });
    // Dates survive the trip through Redis: progress derived from them is exact.
    const progress = events
      .filter((e) => e.imageProgress.snapshot?.device === "/dev/vdb")
      .map((e) => e.imageProgress.snapshot!.progress);
    expect(progress).toEqual([20, 100]);
    const streamed = await sse;
    expect(streamed.results.at(-1)?.data?.imageProgress).toMatchObject({
      done: true,
      image: { status: "AVAILABLE" },
    });
  });

  it("is ready only while Redis answers", async () => {
    const ready = await fetch(`${relay.origin}/readyz`);
    expect(ready.status).toBe(200);
    // A replica whose Redis does not answer (nothing listens on port 1) is up but not ready.
    const orphan = await startApp(
      { ...driver.config, redisUrl: "redis://127.0.0.1:1" },
      { clock, skipMigrations: true },
    );
    try {
      expect((await fetch(`${orphan.origin}/healthz`)).status).toBe(200);
      expect((await fetch(`${orphan.origin}/readyz`)).status).toBe(503);
    } finally {
      await orphan.close();
    }
  });
});
