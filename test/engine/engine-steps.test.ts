import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, startApp } from "../../src/server/app.ts";
import { testConfig } from "../support/app.ts";
import { wsClient } from "../support/client.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { ImageProgressDocument } from "../support/documents/images.ts";
import { newImage } from "../support/fixtures.ts";
import { type GatewayProcess, startGatewayProcess } from "../support/process.ts";
import { skipWithoutRedis, TEST_REDIS_URL, uniquePrefix } from "../support/redis.ts";
import { subscribeWs } from "../support/stream.ts";

/**
 * The failures BullMQ's step-job pattern avoids (src/engine/bullmq.ts): a job that held its
 * worker slot for the image's whole life left images beyond a replica's slots without progress,
 * and every image a dead replica held without progress until its lock ran out.
 */
const skip = skipWithoutRedis("REDIS_URL: the engine's step jobs on BullMQ");

let database: TestDatabase;
beforeAll(async () => {
  if (skip) return;
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe.skipIf(skip)("the engine's step jobs on BullMQ", () => {
  it("moves every image in flight, however few worker slots the replica has", async () => {
    // Two slots, five images of 4 s: slots held per image would leave three without any progress
    // until the first two end.
    const app: App = await startApp(
      testConfig(database.url, {
        redisUrl: TEST_REDIS_URL,
        redisPrefix: uniquePrefix("slots"),
        engineConcurrency: 2,
        snapshotGibPerSecond: 20,
        progressIntervalMs: 50,
      }),
      { skipMigrations: true },
    );
    const client = wsClient(app.origin);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const image = await newImage(
          app.origin,
          { name: `slots-${i}-image` },
          { name: `slots-${i}`, dataDisks: [{ sizeGiB: 80 }] },
        );
        ids.push(image.id);
      }
      const streams = ids.map((imageId) => subscribeWs(client, ImageProgressDocument, { imageId }));
      // Each subscriber's first event is the current state; the next ones come from the engine.
      const moving = await Promise.all(
        streams.map((stream) =>
          stream.until((_, all) => all.filter((e) => !e.imageProgress.done).length >= 3, 2_000),
        ),
      );
      for (const events of moving) {
        const progress = events.map((e) => e.imageProgress.image.progress);
        expect(progress.at(-1)).toBeGreaterThan(progress[0]!);
        expect(progress.at(-1)).toBeLessThan(100);
      }
      const finished = await Promise.all(streams.map((stream) => stream.finished));
      for (const events of finished) {
        expect(events.at(-1)?.imageProgress).toMatchObject({ done: true, image: { status: "AVAILABLE" } });
      }
    } finally {
      await client.dispose();
      await app.close();
    }
  });

  it("after a SIGKILL, moves the dead replica's images at their next step, not after its lock runs out", async () => {
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL!,
      REDIS_PREFIX: uniquePrefix("sigkill"),
      SNAPSHOT_GIB_PER_SECOND: "10",
      PROGRESS_INTERVAL_MS: "100",
      // A job held by the dead replica would wait 10 to 15 s for the stalled-job check.
      ENGINE_LOCK_MS: "10000",
      LOG_LEVEL: "debug",
    };
    const replicas: GatewayProcess[] = await Promise.all([0, 1].map(() => startGatewayProcess(env)));
    const [victim, survivor] = replicas as [GatewayProcess, GatewayProcess];
    const client = wsClient(survivor.origin);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) {
        const origin = i % 2 === 0 ? victim.origin : survivor.origin;
        // 20 GiB system disk and 100 GiB data disk: 10 s of storage work.
        const image = await newImage(
          origin,
          { name: `kill-${i}-image` },
          { name: `kill-${i}`, dataDisks: [{ sizeGiB: 100 }] },
        );
        ids.push(image.id);
      }
      const streams = ids.map((imageId) => subscribeWs(client, ImageProgressDocument, { imageId }));
      await Promise.all(streams.map((stream) => stream.until((_, all) => all.length >= 2)));
      const stepsOf = (replica: GatewayProcess) =>
        replica
          .output()
          .split("\n")
          .filter((line) => line.includes('"engine: driving"'))
          .map((line) => (JSON.parse(line) as { job: string }).job);
      // The victim drives some of them (steps go to whichever replica is free).
      const deadline = Date.now() + 10_000;
      while (new Set(stepsOf(victim)).size < ids.length / 2 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 500));
      const driven = new Set(stepsOf(victim));
      expect(driven.size).toBeGreaterThanOrEqual(ids.length / 2);

      const seen = streams.map((stream) => stream.events.length);
      const killedAt = Date.now();
      victim.child.kill("SIGKILL");
      await victim.exited;
      // A step the victim was running at that moment waits for the stalled-job check; the rest
      // are due within one interval and the survivor runs them.
      const open = new Set<string>();
      for (const line of victim.output().split("\n")) {
        if (!line.startsWith("{")) continue;
        const entry = JSON.parse(line) as { message: string; job?: string };
        if (entry.message === "engine: driving" && entry.job) open.add(entry.job);
        if (entry.message === "engine: released" && entry.job) open.delete(entry.job);
      }
      const resumed = await Promise.all(
        streams.map(async (stream, index) => {
          await stream.until((_, all) => all.length > seen[index]!, 20_000);
          return Date.now() - killedAt;
        }),
      );
      const prompt = ids.filter((id, index) => !open.has(id) && resumed[index]! < 3_000);
      expect(prompt).toEqual(ids.filter((id) => !open.has(id)));
      // Only a step it was running at that moment is stranded, not every image it had driven.
      expect(open.size).toBeLessThan(driven.size);
      const finished = await Promise.all(streams.map((stream) => stream.finished));
      for (const events of finished) {
        expect(events.at(-1)?.imageProgress).toMatchObject({ done: true, image: { status: "AVAILABLE" } });
        const sequences = events.map((e) => e.imageProgress.sequence);
        expect(sequences).toEqual(sequences.map((_, i) => sequences[0]! + i));
      }
      console.log(
        `sigkill: ${ids.length} images, ${open.size} mid-step at the kill; next event after the kill ${resumed.map((ms) => (ms / 1000).toFixed(2)).join(", ")} s`,
      );
    } finally {
      await client.dispose();
      for (const replica of replicas) {
        if (replica.child.exitCode === null && replica.child.signalCode === null)
          replica.child.kill("SIGTERM");
        await replica.exited;
      }
    }
  }, 90_000);
});
