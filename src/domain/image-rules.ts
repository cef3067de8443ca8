import type { Db, Tx } from "../db/client.ts";
import type { DiskType } from "../generated/prisma/client.ts";
import type { CommandScope, Done } from "./command.ts";
import { diskSnapshotInProgress, type ErrorCollector, fail } from "./errors.ts";
import { isUniqueViolation } from "./idempotency.ts";
import { imagesHeldBy } from "./lookup.ts";
import type { ImageCheckResult } from "./prechecks.ts";
import { checkNameAndDescription } from "./validation.ts";

/** An image's own name and description (createCustomImage, copyImage, updateImage). */
export function checkImageNameAndDescription(
  errors: ErrorCollector,
  input: { name?: string | null; description?: string | null },
): void {
  checkNameAndDescription(errors, input, { what: "The image name", nameCode: "INVALID_IMAGE_NAME" });
}

/** DUPLICATE_IMAGE_NAME: `existingId` is the image holding the name, when known. */
function duplicateImageName(name: string, regionId: string, existingId?: string, hint?: string): never {
  fail(
    "DUPLICATE_IMAGE_NAME",
    `You already have an image named "${name}" in ${regionId}${existingId ? ` (${existingId})` : ""}: ${hint ?? "choose another name."}`,
    ["input", "name"],
  );
}

/** The account's image quota in a region, and how much of it is used (before the new image). */
export interface QuotaUse {
  quota: number;
  used: number;
}

/** The name is free in the region; for a new image (no `excludeImageId`), the quota not reached. */
export async function checkNameFreeAndQuota(
  db: Db | Tx,
  accountId: string,
  regionId: string,
  name: string,
  options: { excludeImageId?: string; nameHint?: string } = {},
): Promise<QuotaUse | null> {
  const { excludeImageId } = options;
  const duplicate = await db.image.findFirst({
    where: {
      ...imagesHeldBy(accountId, regionId),
      name,
      ...(excludeImageId ? { id: { not: excludeImageId } } : {}),
    },
    select: { id: true },
  });
  if (duplicate) duplicateImageName(name, regionId, duplicate.id, options.nameHint);
  if (excludeImageId) return null;
  const account = await db.account.findUniqueOrThrow({ where: { id: accountId } });
  const used = await db.image.count({ where: imagesHeldBy(accountId, regionId) });
  if (used >= account.imageQuotaPerRegion) {
    fail(
      "QUOTA_EXCEEDED",
      `You have ${used} custom images in ${regionId}, the quota of ${account.imageQuotaPerRegion}: delete images you no longer need first.`,
      ["input"],
    );
  }
  return { quota: account.imageQuotaPerRegion, used };
}

/**
 * The write phase of a new image (a creation or a copy), in the command's one transaction: `lock`
 * first (the instance's row), then the name free and the quota not reached as they are now, then
 * `write`; the database's unique rules refusing it become userErrors. Returns the quota as it
 * was, for a dry run's plan.
 */
export async function writeNewImage(
  deps: CommandScope,
  image: { id: string; name: string; regionId: string },
  write: (tx: Tx) => Promise<void>,
  options: { lock?: (tx: Tx) => Promise<void>; nameHint?: string } = {},
): Promise<QuotaUse> {
  const { id, name, regionId } = image;
  return deps.transaction(
    async (tx) => {
      await options.lock?.(tx);
      const quota = await checkNameFreeAndQuota(tx, deps.accountId, regionId, name, {
        nameHint: options.nameHint,
      });
      await write(tx);
      return quota!;
    },
    { creates: id, uniqueViolations: imageUniqueViolations(name, regionId) },
  );
}

/**
 * The database's unique rules refusing an image-writing transaction, as userErrors: the live-name
 * index DUPLICATE_IMAGE_NAME, the one-snapshot-per-disk index DISK_CREATING_SNAPSHOT.
 */
export function imageUniqueViolations(name: string, regionId: string): (error: unknown) => void {
  return (error) => {
    if (isUniqueViolation(error, ["name"])) duplicateImageName(name, regionId);
    // One snapshot in progress per disk: another request got in first.
    if (isUniqueViolation(error, ["sourceDiskId"])) {
      diskSnapshotInProgress("one of the instance's disks", ["input", "instanceId"]);
    }
  };
}

/** What a creation or a copy would do, for a dry run (API v2's ImagePlan). */
export interface ImagePlan {
  /** The snapshots it would take (or copy), one per disk, system disk first. */
  snapshots: { device: string; type: DiskType; sizeGiB: number; estimatedSeconds: number }[];
  /** Until AVAILABLE. */
  estimatedSeconds: number;
  /** For copies: how many copies are ahead of this one in the destination region (0 for images). */
  queuePosition: number;
  /** Custom images the account could still create in the region after this one. */
  quotaRemaining: number;
  /** The pre-checks that did not PASS, as a real call would return them. */
  warnings: ImageCheckResult[];
}

/** The plan of an image whose snapshots are taken (or copied) side by side at `gibPerSecond`. */
export function imagePlan(
  disks: { device: string; type: DiskType; sizeGiB: number }[],
  gibPerSecond: number,
  quota: QuotaUse,
  warnings: ImageCheckResult[],
  queuePosition = 0,
): ImagePlan {
  const snapshots = disks.map((disk) => ({
    device: disk.device,
    type: disk.type,
    sizeGiB: disk.sizeGiB,
    estimatedSeconds: Math.ceil(disk.sizeGiB / gibPerSecond),
  }));
  return {
    snapshots,
    estimatedSeconds: Math.max(0, ...snapshots.map((snapshot) => snapshot.estimatedSeconds)),
    queuePosition,
    quotaRemaining: quota.quota - quota.used - 1,
    warnings,
  };
}

export interface CreateCustomImageInput {
  instanceId?: string | null;
  snapshotId?: string | null;
  dataDiskSnapshotIds?: string[] | null;
  name: string;
  description?: string | null;
  clientToken?: string | null;
  ignoreCheckFailures?: boolean | null;
}

/** The image a creation asked for, its ID drawn before the transaction. */
export interface RequestedImage {
  id: string;
  accountId: string;
  name: string;
  description: string | null;
}

export interface CreatedImage {
  imageId: string;
  /** The pre-checks that did not PASS. */
  warnings: ImageCheckResult[];
}

/** One way of making a custom image: from an instance, or from snapshots. */
export type ImageCreator = (
  deps: CommandScope,
  image: RequestedImage,
  input: CreateCustomImageInput,
) => Promise<Done<CreatedImage, ImagePlan>>;
