import type { Tx } from "../db/client.ts";
import type { BlockStorage } from "../storage/block-storage.ts";
import { IN_FLIGHT_IMAGE_STATUSES } from "./image-status.ts";
import { snapshotProgress } from "./progress.ts";

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
