import type { Db, Tx } from "../db/client.ts";
import type { BlockStorage } from "../storage/block-storage.ts";
import type { Command, Done } from "./command.ts";
import { ErrorCollector } from "./errors.ts";
import { newId } from "./ids.ts";
import { createFromInstance } from "./image-from-instance.ts";
import { createFromSnapshots } from "./image-from-snapshots.ts";
import {
  type CreateCustomImageInput,
  type CreatedImage,
  checkImageNameAndDescription,
  type ImagePlan,
} from "./image-rules.ts";
import { IN_FLIGHT_IMAGE_STATUSES, isImageInFlight } from "./image-status.ts";
import type { ImageCheckResult } from "./prechecks.ts";
import { snapshotProgress } from "./progress.ts";
import { checkClientToken } from "./validation.ts";
import { work } from "./work.ts";

/** createCustomImage: from an instance (a snapshot of each disk) or from snapshots (AVAILABLE at once). */
export const createCustomImageCommand: Command<CreateCustomImageInput, CreatedImage, ImagePlan> = {
  operation: "createCustomImage",
  accountTurn: true,
  replay: (deps, imageId) => replayed(deps.db, imageId),
  run: async (deps, input) => {
    const errors = new ErrorCollector();
    const fromInstance = Boolean(input.instanceId);
    if (fromInstance === Boolean(input.snapshotId)) {
      errors.add("INVALID_INPUT", "Give exactly one of instanceId and snapshotId.", ["input"]);
    }
    if (fromInstance && input.dataDiskSnapshotIds?.length) {
      errors.add(
        "INVALID_INPUT",
        "dataDiskSnapshotIds go with snapshotId; an image from an instance snapshots all of its disks itself.",
        ["input", "dataDiskSnapshotIds"],
      );
    }
    checkImageNameAndDescription(errors, input);
    checkClientToken(errors, input.clientToken, ["input", "clientToken"]);
    errors.throwIfAny();
    const image = {
      id: newId("image"),
      accountId: deps.accountId,
      name: input.name,
      description: input.description ?? null,
    };
    return fromInstance ? createFromInstance(deps, image, input) : createFromSnapshots(deps, image, input);
  },
};

/** The answer to a retry: the image as it is now, with the warnings stored when it was created. */
async function replayed(prisma: Db, imageId: string): Promise<Done<CreatedImage, ImagePlan>> {
  const image = await prisma.image.findUniqueOrThrow({ where: { id: imageId } });
  return {
    result: { imageId, warnings: await storedWarnings(prisma, imageId) },
    // Handing an image in progress to the engine again is harmless: scheduling is idempotent.
    work: work({ startedImages: isImageInFlight(image.status) ? [imageId] : [] }),
  };
}

async function storedWarnings(prisma: Db, imageId: string): Promise<ImageCheckResult[]> {
  const checks = await prisma.imageCheck.findMany({
    where: { imageId, result: { not: "PASS" } },
    orderBy: { position: "asc" },
  });
  return checks.map((c) => ({
    item: c.item as ImageCheckResult["item"],
    result: c.result,
    message: c.message,
  }));
}

/**
 * Ends an image that is still WAITING or CREATING as CREATE_FAILED: its unfinished snapshots
 * FAILED where they stopped, and the instance it locked unlocked. A conditional update, so it
 * does nothing (and returns false) when the image already ended.
 */
export async function failImageCreation(
  tx: Tx,
  imageId: string,
  reason: string,
  now: Date,
  storage: BlockStorage,
): Promise<boolean> {
  const ended = await tx.image.updateMany({
    where: { id: imageId, status: { in: [...IN_FLIGHT_IMAGE_STATUSES] } },
    data: { status: "CREATE_FAILED", failureReason: reason },
  });
  if (ended.count === 0) return false;
  const unfinished = await tx.snapshot.findMany({ where: { imageId, status: "PROGRESSING" } });
  for (const snapshot of unfinished) {
    await tx.snapshot.updateMany({
      where: { id: snapshot.id, status: "PROGRESSING" },
      data: {
        status: "FAILED",
        progress: snapshotProgress(storage, snapshot, now).progress,
        failureReason: `The image ${imageId} it was taken for failed: ${reason}`,
      },
    });
  }
  await tx.instance.updateMany({ where: { lockedByImageId: imageId }, data: { lockedByImageId: null } });
  return true;
}
