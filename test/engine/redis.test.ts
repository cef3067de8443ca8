import type { Logger } from "../../src/logger.ts";
import { type App, startApp } from "../../src/server/app.ts";
import { sseCollect, wsClient } from "../support/client.ts";
import { ImageProgressDocument } from "../support/documents/images.ts";
import { newImage } from "../support/fixtures.ts";
import { skipWithoutRedis, uniquePrefix } from "../support/redis.ts";
import { subscribeWs } from "../support/stream.ts";
import { beforeAll, describe, expect, it, useReplicas } from "../support/test.ts";

const skip = skipWithoutRedis("REDIS_URL: several replicas share events and the engine's queue");
let one: App;
let two: App;

// Two replicas on one database and one Redis: BullMQ gives the image to one of them.
useReplicas({ config: { snapshotGibPerSecond: 40, progressIntervalMs: 50 } });
beforeAll(({ replicas }) => {
  [one, two] = replicas as [App, App];
});

describe.skipIf(skip)("REDIS_URL: several replicas", () => {
  it("streams progress driven by whichever replica takes the job to subscribers of both, over graphql-ws and SSE", async () => {
    const created = await newImage(
      one.origin,
      { name: "replicated-image" },
      {
        name: "replicated",
        dataDisks: [{ sizeGiB: 40 }, { sizeGiB: 80 }],
      },
    );
    const imageId = created.id;

    const clients = [wsClient(one.origin), wsClient(two.origin)];
    const streams = clients.map((client) => subscribeWs(client, ImageProgressDocument, { imageId }));
    const sse = sseCollect(two.origin, ImageProgressDocument, { imageId });
    const [a, b] = await Promise.all(streams.map((s) => s.finished));
    for (const client of clients) await client.dispose();
    const streamed = (await sse).results.map((r) => r.data!.imageProgress);

    for (const events of [a!.map((e) => e.imageProgress), b!.map((e) => e.imageProgress), streamed]) {
      expect(events.at(-1)).toMatchObject({ done: true, image: { status: "AVAILABLE", progress: 100 } });
      // The image's own numbers: gap-free from each subscriber's first event.
      const sequences = events.map((e) => e.sequence);
      expect(sequences).toEqual(sequences.map((_, i) => sequences[0]! + i));
      // Dates survive the trip through Redis: progress derived from them only moves forward.
      const progress = events.map((e) => e.image.progress);
      expect(progress).toEqual([...progress].sort((x, y) => x - y));
    }
    // Subscribers of one image on different replicas see the same numbers for the same events
    // (each one's first event is its own reading of the current state).
    const relayed = (events: typeof a) => events!.slice(1).map((e) => e.imageProgress);
    const byNumber = new Map(relayed(a).map((e) => [e.sequence, JSON.stringify(e)]));
    let shared = 0;
    for (const e of relayed(b)) {
      const same = byNumber.get(e.sequence);
      if (!same) continue;
      shared += 1;
      expect(JSON.stringify(e)).toBe(same);
    }
    expect(shared).toBeGreaterThan(3);
  });

  it("shows the engine's queue depth in /metrics", async () => {
    const text = await (await fetch(`${one.origin}/metrics`)).text();
    for (const state of ["waiting", "active", "delayed"]) {
      expect(text).toMatch(new RegExp(`^gateway_queue_depth\\{queue="engine:${state}"\\} \\d+$`, "m"));
    }
  });

  it("is ready only while Redis answers", async () => {
    const ready = await fetch(`${one.origin}/readyz`);
    expect(ready.status).toBe(200);
    // A replica whose Redis does not answer (nothing listens on port 1) is up but not ready.
    const orphan = await startApp(
      { ...one.config, redisUrl: "redis://127.0.0.1:1", redisPrefix: uniquePrefix("orphan") },
      { skipMigrations: true },
    );
    try {
      expect((await fetch(`${orphan.origin}/healthz`)).status).toBe(200);
      expect((await fetch(`${orphan.origin}/readyz`)).status).toBe(503);
    } finally {
      await orphan.close();
    }
  });
});

/** A logger that keeps the engine's driving/released lines, with the replica they came from. */
interface EngineLine {
  replica: string;
  message: string;
  job?: string;
  outcome?: string;
  at: number;
}

function engineLog(replica: string, lines: EngineLine[]) {
  const keep = (message: string, fields?: Record<string, unknown>) => {
    if (message.startsWith("engine: driving") || message.startsWith("engine: released"))
      lines.push({
        replica,
        message,
        job: fields?.job as string | undefined,
        outcome: fields?.outcome as string | undefined,
        at: Date.now(),
      });
  };
  const logger: Logger = {
    // Each step's driving/released lines are at debug.
    debug: keep,
    info: keep,
    warn: () => undefined,
    error: () => undefined,
  };
  return logger;
}

describe.skipIf(skip)("REDIS_URL: a replica shutting down", () => {
  it("hands its jobs back at once (not after the lock runs out), and the other replica finishes them", async () => {
    const lines: EngineLine[] = [];
    const base = {
      ...one.config,
      redisPrefix: uniquePrefix("handback"),
      // A takeover by stalled-job recovery would take 10 s or more: a quick one is a hand-back.
      engineLockMs: 10_000,
      snapshotGibPerSecond: 10,
    };
    const first = await startApp(base, { skipMigrations: true, logger: engineLog("first", lines) });
    const image = await newImage(
      first.origin,
      { name: "handed-back-image" },
      {
        name: "handed-back",
        dataDisks: [{ sizeGiB: 40 }],
      },
    );
    const imageId = image.id;
    const second = await startApp(base, { skipMigrations: true, logger: engineLog("second", lines) });
    try {
      // Only the first replica was running when the image started: it drives it.
      const driving = () => lines.filter((l) => l.message === "engine: driving" && l.job === imageId);
      while (driving().length === 0) await new Promise((r) => setTimeout(r, 20));
      expect(driving()[0]!.replica).toBe("first");
      const client = wsClient(second.origin);
      const stream = subscribeWs(client, ImageProgressDocument, { imageId });
      await stream.until(() => true);
      const closedAt = Date.now();
      await first.close();
      const events = await stream.finished;
      await client.dispose();
      expect(events.at(-1)?.imageProgress).toMatchObject({ done: true, image: { status: "AVAILABLE" } });
      // The first replica holds nothing after closing: every step it began, it released.
      const ofFirst = (message: string) =>
        lines.filter((l) => l.replica === "first" && l.message === message).length;
      expect(ofFirst("engine: driving")).toBeGreaterThan(0);
      expect(ofFirst("engine: released")).toBe(ofFirst("engine: driving"));
      // The second replica's first step after the close (it may have run some before: steps go to
      // whichever replica is free).
      const takenOver = driving().find((l) => l.replica === "second" && l.at >= closedAt);
      expect(takenOver).toBeDefined();
      expect(takenOver!.at - closedAt).toBeLessThan(5_000);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
