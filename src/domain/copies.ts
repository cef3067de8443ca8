import { type Db, databaseProvider, type Tx } from "../db/client.ts";
import { lockRow } from "../db/locks.ts";
import type { Command, CommandScope, Done } from "./command.ts";
import { ErrorCollector, fail, notFound, regionNotFound } from "./errors.ts";
import { newId } from "./ids.ts";
import { checkImageNameAndDescription, writeNewImage } from "./image-rules.ts";
import { IN_FLIGHT_IMAGE_STATUSES, isImageInFlight } from "./image-status.ts";
import { insertDiskMappings, insertImage, insertSnapshots } from "./inserts.ts";
import { customImageOrFail, imageOwnedBy, imageUnchangedSince, imageVisibleTo } from "./lookup.ts";
import { checkClientToken } from "./validation.ts";
import { work } from "./work.ts";

/** At most this many copies are CREATING in one destination region; the rest wait, oldest first. */
export const COPIES_PER_REGION = 5;

export interface CopyImageInput {
  imageId: string;
  destinationRegionId: string;
  name?: string | null;
  description?: string | null;
  clientToken?: string | null;
}

/** copyImage: a new image WAITING in the destination region, its snapshots to be copied. */
export const copyImageCommand: Command<CopyImageInput, string> = {
  operation: "copyImage",
  accountTurn: true,
  replay: (deps, imageId) => queued(deps.db, imageId),
  run: (deps, input) => copy(deps, input),
};

async function copy(deps: CommandScope, input: CopyImageInput): Promise<Done<string>> {
  const { accountId, now, rates } = deps;
  const prisma = deps.db;
  const errors = new ErrorCollector();
  checkImageNameAndDescription(errors, input);
  checkClientToken(errors, input.clientToken, ["input", "clientToken"]);
  errors.throwIfAny();

  const source = customImageOrFail(
    await prisma.image.findFirst({
      where: imageVisibleTo(accountId, input.imageId),
      include: { diskMappings: { include: { snapshot: true }, orderBy: { device: "asc" } } },
    }),
    input.imageId,
    "copied",
    "which every region already offers",
  );
  if (source.status !== "AVAILABLE") {
    fail(
      "INCORRECT_IMAGE_STATUS",
      source.status === "DEPRECATED"
        ? `Image ${source.id} is DEPRECATED: deprecated images cannot be copied (updateImage with deprecated: false makes it AVAILABLE again).`
        : isImageInFlight(source.status)
          ? `Image ${source.id} is still ${source.status === "WAITING" ? "waiting to be" : "being"} ${source.source === "COPY" ? "copied" : "created"}: copy it once it is AVAILABLE.`
          : `Image ${source.id} is ${source.status}: only an AVAILABLE image can be copied.`,
      ["input", "imageId"],
    );
  }
  const region = await prisma.region.findUnique({ where: { id: input.destinationRegionId } });
  if (!region) regionNotFound(input.destinationRegionId, ["input", "destinationRegionId"]);
  if (region.id === source.regionId) {
    fail("SAME_REGION", `Image ${source.id} is already in ${region.id}: copy it to another region.`, [
      "input",
      "destinationRegionId",
    ]);
  }
  const originals = source.diskMappings.map((mapping) => {
    if (!mapping.snapshot) {
      fail(
        "INCORRECT_IMAGE_STATUS",
        `The snapshot of ${mapping.device} of image ${source.id} was deleted: the image cannot be copied.`,
        ["input", "imageId"],
      );
    }
    return { mapping, snapshot: mapping.snapshot, snapshotCopyId: newId("snapshot") };
  });

  const name = input.name ?? source.name;
  const description = input.description ?? source.description;
  const copyId = newId("image");
  await writeNewImage(
    deps,
    { id: copyId, name, regionId: region.id },
    async (tx) => {
      // The source as it is now: deleted or deprecated meanwhile, it cannot be copied.
      const still = await tx.image.count({ where: imageUnchangedSince(source) });
      if (still !== 1) {
        fail("INCORRECT_IMAGE_STATUS", `Image ${source.id} changed meanwhile and can no longer be copied.`, [
          "input",
          "imageId",
        ]);
      }
      await insertImage(
        tx,
        {
          id: copyId,
          accountId,
          name,
          description,
          regionId: region.id,
          status: "WAITING",
          source: "COPY",
          osType: source.osType,
          platform: source.platform,
          architecture: source.architecture,
          sizeGiB: source.sizeGiB,
          sourceImageId: source.id,
          sourceRegionId: source.regionId,
          queueEntry: { create: {} },
        },
        now,
      );
      await insertSnapshots(
        tx,
        accountId,
        originals.map(({ snapshot, snapshotCopyId }) => ({
          id: snapshotCopyId,
          regionId: region.id,
          name: snapshot.name,
          description: snapshot.description,
          sourceDiskId: snapshot.sourceDiskId,
          sourceDiskType: snapshot.sourceDiskType,
          sourceDiskSizeGiB: snapshot.sourceDiskSizeGiB,
          device: snapshot.device,
          imageId: copyId,
          copiedFromId: snapshot.id,
          gibPerSecond: rates.copyGibPerSecond,
        })),
        now,
      );
      await insertDiskMappings(
        tx,
        copyId,
        originals.map(({ mapping, snapshotCopyId }) => ({
          device: mapping.device,
          type: mapping.type,
          sizeGiB: mapping.sizeGiB,
          snapshotId: snapshotCopyId,
        })),
      );
    },
    {
      nameHint: input.name
        ? "choose another name."
        : "give the copy another name with copyImage's name input.",
    },
  );
  return { result: copyId, work: work({ regionsWithFreeSlots: [region.id] }) };
}

/** A copy waits for a slot in its destination region: the engine may start it at once. */
async function queued(prisma: Db, imageId: string): Promise<Done<string>> {
  const image = await prisma.image.findUnique({ where: { id: imageId }, select: { regionId: true } });
  return { result: imageId, work: work({ regionsWithFreeSlots: image?.regionId ? [image.regionId] : [] }) };
}

/**
 * Starts the oldest WAITING copies of a region while fewer than COPIES_PER_REGION are CREATING.
 * Promotions of one region are serialised by the database, however many processes run this: on
 * PostgreSQL a row lock on the Region row (SELECT … FOR UPDATE), taken first, in a READ COMMITTED
 * transaction so that the count read after the lock sees what the previous holder committed
 * (SERIALIZABLE, the default, would read the snapshot from before the wait and only fail later);
 * on SQLite the single writer does it. Conditional updates: a copy starts once, and a copy
 * cancelled meanwhile is skipped. Returns the IDs it started.
 */
export async function startWaitingCopies(prisma: Db, regionId: string, now: Date): Promise<string[]> {
  const postgres = databaseProvider(prisma) === "postgresql";
  const promote = async (tx: Tx) => {
    await lockRow(tx, "Region", regionId);
    const creating = await tx.image.count({ where: { regionId, source: "COPY", status: "CREATING" } });
    const free = COPIES_PER_REGION - creating;
    if (free <= 0) return [];
    // Arrival order: the queue position grows with every copy requested, even within a millisecond.
    const waiting = await tx.image.findMany({
      where: { regionId, source: "COPY", status: "WAITING" },
      orderBy: { queueEntry: { position: "asc" } },
      select: { id: true },
      take: free,
    });
    const started: string[] = [];
    for (const { id } of waiting) {
      const promoted = await tx.image.updateMany({
        where: { id, status: "WAITING" },
        data: { status: "CREATING" },
      });
      if (promoted.count !== 1) continue;
      await tx.snapshot.updateMany({ where: { imageId: id, startedAt: null }, data: { startedAt: now } });
      started.push(id);
    }
    return started;
  };
  if (!postgres) return prisma.$transaction(promote);
  // The client is typed by the SQLite schema, whose only level is Serializable.
  const readCommitted = { isolationLevel: "ReadCommitted" } as unknown as { isolationLevel: "Serializable" };
  return prisma.$transaction(promote, readCommitted);
}

/** cancelCopyImage: a WAITING or CREATING copy ends CANCELLED, its snapshots removed. */
export const cancelCopyImageCommand: Command<{ imageId: string }, string> = {
  operation: "cancelCopyImage",
  run: (deps, input) =>
    deps.transaction(async (tx) => {
      const { accountId } = deps;
      const image = await tx.image.findFirst({ where: imageOwnedBy(accountId, input.imageId) });
      if (!image) notFound("Image", input.imageId, ["input", "imageId"]);
      if (image.source !== "COPY") {
        fail("NOT_A_COPY", `Image ${image.id} is not a copy: only copies in progress can be cancelled.`, [
          "input",
          "imageId",
        ]);
      }
      const cancelled = await tx.image.updateMany({
        where: { id: image.id, status: { in: [...IN_FLIGHT_IMAGE_STATUSES] } },
        data: { status: "CANCELLED", failureReason: "The copy was cancelled." },
      });
      if (cancelled.count !== 1) {
        fail(
          "INCORRECT_IMAGE_STATUS",
          `Copy ${image.id} is ${image.status}: only a WAITING or CREATING copy can be cancelled.`,
          ["input", "imageId"],
        );
      }
      const removedSnapshots = await tx.snapshot.findMany({ where: { imageId: image.id } });
      await tx.snapshot.deleteMany({ where: { imageId: image.id } });
      return {
        result: image.id,
        work: work({
          endedImages: [image.id],
          deletedSnapshots: removedSnapshots.map((snapshot) => ({
            snapshot,
            reason: "The copy was cancelled.",
          })),
          regionsWithFreeSlots: [image.regionId!],
        }),
      };
    }),
};
