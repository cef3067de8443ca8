import { createDb } from "../../src/db/client.ts";
import { gqlData, wsClient } from "../support/client.ts";
import { ImageProgressDocument } from "../support/documents/images.ts";
import { InstanceDocument } from "../support/documents/instances.ts";
import { newImage } from "../support/fixtures.ts";
import { type GatewayProcess, startGatewayProcess } from "../support/process.ts";
import { uniquePrefix } from "../support/redis.ts";
import { subscribeWs } from "../support/stream.ts";
import { beforeAll, describe, expect, it } from "../support/test.ts";

let databaseUrl: string;
// The gateways one after the other share the database and (where REDIS_URL is set) the queue.
const prefix = uniquePrefix("restart");
const env = () => ({
  DATABASE_URL: databaseUrl,
  SNAPSHOT_GIB_PER_SECOND: "20",
  PROGRESS_INTERVAL_MS: "50",
  REDIS_PREFIX: prefix,
  // With REDIS_URL, the killed gateway's job is locked until this runs out (recovery within twice it).
  ENGINE_LOCK_MS: "2000",
});

beforeAll(({ database }) => {
  databaseUrl = database.url;
});

/**
 * Runs `use` against a gateway restarted on the same database and queue, then stops it with
 * SIGTERM: it must exit 0, and once `use` is done the instance must have no image in progress.
 */
async function afterRestart(instanceId: string, use: (gateway: GatewayProcess) => Promise<void>) {
  const gateway = await startGatewayProcess(env());
  try {
    await use(gateway);
    const instance = await gqlData(gateway.origin, InstanceDocument, { id: instanceId });
    expect(instance.instance?.imageInProgress).toBeNull();
  } finally {
    gateway.child.kill("SIGTERM");
    expect(await gateway.exited).toBe(0);
  }
}

/** Reads the shared database directly, on a connection of its own. */
async function readDatabase<T>(
  read: (prisma: ReturnType<typeof createDb>["prisma"]) => Promise<T>,
): Promise<T> {
  const { prisma } = createDb(databaseUrl);
  try {
    return await read(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

async function startImage(gateway: GatewayProcess, name: string) {
  const image = await newImage(
    gateway.origin,
    { name: `${name}-image` },
    { name, dataDisks: [{ sizeGiB: 40 }, { sizeGiB: 60 }] },
  );
  return { instanceId: image.sourceInstance!.id, imageId: image.id };
}

describe("a gateway killed in the middle of an image", () => {
  it("finishes the image after a restart: nothing lost, nothing twice, nothing left locked", async () => {
    const first = await startGatewayProcess(env());
    const { instanceId, imageId } = await startImage(first, "restart-a");
    const client = wsClient(first.origin);
    const before = subscribeWs(client, ImageProgressDocument, { imageId });
    // Killed once progress is visibly under way (60 GiB at 20 GiB/s takes 3 s).
    await before.until((e) => (e.imageProgress.snapshot?.progress ?? 0) > 0);
    first.child.kill("SIGKILL");
    await first.exited;
    await client.dispose();
    const seenBefore = before.events.at(-1)!.imageProgress.sequence;

    await afterRestart(instanceId, async (second) => {
      const after = subscribeWs(wsClient(second.origin), ImageProgressDocument, { imageId });
      const events = await after.finished;
      // The image's own numbers go on rising across the restart (no Redis: they restart from the
      // milliseconds since the image began), gap-free within the new stream.
      const sequences = events.map((e) => e.imageProgress.sequence);
      expect(sequences[0]).toBeGreaterThan(seenBefore);
      expect(sequences).toEqual(sequences.map((_, i) => sequences[0]! + i));
      expect(events.at(-1)?.imageProgress).toMatchObject({
        done: true,
        image: { status: "AVAILABLE", progress: 100 },
      });
    });

    const { images, snapshots } = await readDatabase(async (prisma) => ({
      images: await prisma.image.findMany({ where: { name: "restart-a-image" } }),
      snapshots: await prisma.snapshot.findMany({ where: { imageId } }),
    }));
    expect(images).toHaveLength(1);
    expect(snapshots.map((s) => s.status)).toEqual(["ACCOMPLISHED", "ACCOMPLISHED", "ACCOMPLISHED"]);
  }, 60_000); // with REDIS_URL, the killed gateway's job waits for its lock to run out

  it("completes at once what finished while it was down, and exits 0 on SIGTERM", async () => {
    const first = await startGatewayProcess(env());
    const { instanceId, imageId } = await startImage(first, "restart-b");
    first.child.kill("SIGKILL");
    await first.exited;
    // The provider keeps working while the gateway is down; wait out the 3 s the image needs.
    const image = await readDatabase((prisma) =>
      prisma.image.findUniqueOrThrow({ where: { id: imageId }, include: { snapshots: true } }),
    );
    const finishesAt = Math.max(
      ...image.snapshots.map((s) => s.startedAt!.getTime() + (s.sourceDiskSizeGiB / s.gibPerSecond) * 1000),
    );
    await new Promise((r) => setTimeout(r, Math.max(0, finishesAt - Date.now()) + 50));

    await afterRestart(instanceId, async (second) => {
      const events = await subscribeWs(wsClient(second.origin), ImageProgressDocument, { imageId }).finished;
      expect(events.at(-1)?.imageProgress).toMatchObject({ done: true, image: { status: "AVAILABLE" } });
    });
    const done = await readDatabase((prisma) => prisma.image.findUniqueOrThrow({ where: { id: imageId } }));
    // availableAt is when the storage finished, not when the gateway noticed.
    expect(done.availableAt?.getTime()).toBe(finishesAt);
  }, 60_000); // with REDIS_URL, the killed gateway's job waits for its lock to run out
});
