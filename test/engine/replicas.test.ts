import { createDb } from "../../src/db/client.ts";
import { gqlData, wsClient } from "../support/client.ts";
import { CopyImageDocument } from "../support/documents/copies.ts";
import { CreateCustomImageDocument, ImageProgressDocument } from "../support/documents/images.ts";
import { CreateInstanceDocument } from "../support/documents/instances.ts";
import { type GatewayProcess, startGatewayProcess } from "../support/process.ts";
import { skipWithoutRedis } from "../support/redis.ts";
import { subscribeWs } from "../support/stream.ts";
import { afterAll, beforeAll, describe, expect, it } from "../support/test.ts";

const skip = skipWithoutRedis("three replicas on one database and one Redis, one killed mid-way");

const IMAGES = 30;
const COPIES = 12;
const COPY_REGION = "cn-shanghai";

let databaseUrl: string;
let replicas: GatewayProcess[] = [];

beforeAll(async ({ database, redis }) => {
  databaseUrl = database.url;
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    SNAPSHOT_GIB_PER_SECOND: "15",
    COPY_GIB_PER_SECOND: "30",
    PROGRESS_INTERVAL_MS: "50",
    ENGINE_RECONCILE_MS: "2000",
    // Each step's "engine: driving" / "engine: released" lines (one job run each) are at debug.
    LOG_LEVEL: "debug",
  };
  replicas = await Promise.all([0, 1, 2].map(() => startGatewayProcess(env)));
}, 90_000);

afterAll(async () => {
  // What went wrong inside the replicas, when something did.
  for (const [index, replica] of replicas.entries()) {
    const errors = logLines(replica).filter((line) => (line as { level?: string }).level === "error");
    if (errors.length > 0)
      console.log(`replica ${index} logged errors:`, JSON.stringify(errors.slice(0, 3), null, 1));
  }
  for (const replica of replicas) {
    if (replica.child.exitCode === null && replica.child.signalCode === null) replica.child.kill("SIGTERM");
    await replica.exited;
  }
});

interface LogLine {
  time: string;
  message: string;
  job?: string;
  replica?: string;
  snapshotId?: string;
}

function logLines(replica: GatewayProcess): LogLine[] {
  return replica
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogLine);
}

/** The jobs a replica started driving and has not released (by its own log). */
function drivenNow(replica: GatewayProcess): Set<string> {
  const open = new Set<string>();
  for (const line of logLines(replica)) {
    if (line.message === "engine: driving" && line.job) open.add(line.job);
    if (line.message === "engine: released" && line.job) open.delete(line.job);
  }
  return open;
}

/**
 * A mutation retried with its clientToken as a client would on a transient failure: three
 * processes writing one SQLite file can refuse a transaction that read before another wrote
 * ("database is locked"); on PostgreSQL this does not happen.
 */
async function retried<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= 5 || !String(error).includes("INTERNAL_SERVER_ERROR")) throw error;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}

async function newImageFromInstance(origin: string, name: string): Promise<string> {
  const created = await retried(() =>
    gqlData(origin, CreateInstanceDocument, {
      input: {
        regionId: "cn-hangzhou",
        name,
        imageId: "ubuntu_22_04_x64_20G_alibase",
        dataDisks: [{ sizeGiB: 40 }, { sizeGiB: 60 }],
        clientToken: `instance-${name}`,
      },
    }),
  );
  const image = await retried(() =>
    gqlData(origin, CreateCustomImageDocument, {
      input: {
        instanceId: created.createInstance.instance!.id,
        name: `${name}-image`,
        clientToken: `image-${name}`,
      },
    }),
  );
  expect(image.createCustomImage.userErrors).toEqual([]);
  return image.createCustomImage.image!.id;
}

describe.skipIf(skip)("three replicas on one database and one Redis", () => {
  it("finish every image and copy when one replica is killed mid-way: once each, within the copy cap, every subscriber done", async () => {
    const [victim, b, c] = replicas as [GatewayProcess, GatewayProcess, GatewayProcess];
    const survivors = [b, c];
    const clients = survivors.map((replica) => wsClient(replica.origin));
    const watch = (imageId: string, index: number) =>
      subscribeWs(clients[index % 2]!, ImageProgressDocument, { imageId });

    // The source of the copies, made and finished first.
    const sourceId = await newImageFromInstance(b.origin, "copy-source");
    const sourceEvents = await watch(sourceId, 0).finished;
    expect(sourceEvents.at(-1)?.imageProgress.image.status).toBe("AVAILABLE");

    // Sample the copy cap throughout, straight from the database.
    const reader = createDb(databaseUrl).prisma;
    let maxCreatingCopies = 0;
    let samples = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const creating = await reader.image.count({
          where: { regionId: COPY_REGION, source: "COPY", status: "CREATING" },
        });
        maxCreatingCopies = Math.max(maxCreatingCopies, creating);
        samples += 1;
        await new Promise((r) => setTimeout(r, 25));
      }
    })();

    const origins = replicas.map((replica) => replica.origin);
    const ids: string[] = [];
    for (let i = 0; i < COPIES; i++) {
      const copied = await retried(() =>
        gqlData(origins[i % 3]!, CopyImageDocument, {
          input: {
            imageId: sourceId,
            destinationRegionId: COPY_REGION,
            name: `copy-${i}`,
            clientToken: `copy-${i}`,
          },
        }),
      );
      expect(copied.copyImage.userErrors).toEqual([]);
      ids.push(copied.copyImage.image!.id);
    }
    for (let i = 0; i < IMAGES; i += 5) {
      const batch = await Promise.all(
        [0, 1, 2, 3, 4].map((k) => newImageFromInstance(origins[(i + k) % 3]!, `replica-${i + k}`)),
      );
      ids.push(...batch);
    }
    const streams = ids.map((id, index) => watch(id, index));

    // Killed while it drives work.
    const deadline = Date.now() + 20_000;
    while (drivenNow(victim).size === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const orphaned = drivenNow(victim);
    expect(orphaned.size).toBeGreaterThan(0);
    const killedAt = Date.now();
    victim.child.kill("SIGKILL");
    await victim.exited;

    const finished = await Promise.all(streams.map((stream) => stream.finished));
    const recoveredAt = Date.now();
    sampling = false;
    await sampler;
    for (const client of clients) await client.dispose();

    // Every subscriber got its done, on an AVAILABLE image, numbered without a gap.
    for (const events of finished) {
      const last = events.at(-1)!.imageProgress;
      expect(last).toMatchObject({ done: true, image: { status: "AVAILABLE", progress: 100 } });
      const sequences = events.map((e) => e.imageProgress.sequence);
      expect(sequences).toEqual(sequences.map((_, i) => sequences[0]! + i));
    }
    const images = await reader.image.findMany({ where: { id: { in: ids } }, include: { snapshots: true } });
    expect(images.map((image) => image.status)).toEqual(ids.map(() => "AVAILABLE"));
    expect(await reader.instance.count({ where: { lockedByImageId: { not: null } } })).toBe(0);
    await reader.$disconnect();

    // The copy cap held in every sample.
    expect(samples).toBeGreaterThan(20);
    expect(maxCreatingCopies).toBeGreaterThan(0);
    expect(maxCreatingCopies).toBeLessThanOrEqual(5);

    // Each snapshot's completion was won (written) by exactly one process.
    const completions = new Map<string, number>();
    for (const replica of replicas) {
      for (const line of logLines(replica)) {
        if (line.message === "engine: snapshot completed" && line.snapshotId) {
          completions.set(line.snapshotId, (completions.get(line.snapshotId) ?? 0) + 1);
        }
      }
    }
    const snapshotIds = images.flatMap((image) => image.snapshots.map((s) => s.id));
    expect(snapshotIds).toHaveLength(COPIES * 3 + IMAGES * 3);
    expect(snapshotIds.map((id) => completions.get(id) ?? 0)).toEqual(snapshotIds.map(() => 1));

    // No job was driven by two live replicas at once: per job, the replicas' driving intervals
    // (the victim's open ones end when it was killed) never overlap.
    const intervals = new Map<string, { replica: string; from: number; to: number }[]>();
    for (const [index, replica] of replicas.entries()) {
      const open = new Map<string, number>();
      for (const line of logLines(replica)) {
        if (!line.job || line.job === "reconcile") continue;
        const at = Date.parse(line.time);
        if (line.message === "engine: driving") open.set(line.job, at);
        if (line.message === "engine: released") {
          const list = intervals.get(line.job) ?? [];
          list.push({ replica: String(index), from: open.get(line.job) ?? at, to: at });
          intervals.set(line.job, list);
          open.delete(line.job);
        }
      }
      for (const [job, from] of open) {
        expect(replica).toBe(victim);
        const list = intervals.get(job) ?? [];
        list.push({ replica: String(index), from, to: killedAt });
        intervals.set(job, list);
      }
    }
    for (const [job, list] of intervals) {
      const sorted = [...list].sort((x, y) => x.from - y.from);
      for (let i = 1; i < sorted.length; i++) {
        expect(sorted[i]!.from, `job ${job} driven twice at once`).toBeGreaterThanOrEqual(sorted[i - 1]!.to);
      }
    }
    // The victim's jobs moved to the survivors.
    for (const job of orphaned) {
      expect(intervals.get(job)?.some((entry) => entry.replica !== "0")).toBe(true);
    }
    console.log(
      `replicas: ${ids.length} images, ${orphaned.size} moved after SIGKILL; all done ${((recoveredAt - killedAt) / 1000).toFixed(1)} s after it; max ${maxCreatingCopies} copies CREATING in ${samples} samples`,
    );
  }, 180_000);
});
