import type { Db, Tx } from "../db/client.ts";
import { lockRow } from "../db/locks.ts";
import type { Image, Snapshot } from "../generated/prisma/client.ts";
import type { BlockStorage } from "../storage/block-storage.ts";
import {
  changedMeanwhile,
  DomainError,
  diskSnapshotInProgress,
  ErrorCollector,
  fail,
  instanceLocked,
  notFound,
} from "./errors.ts";
import { guestFromColumns } from "./guest.ts";
import {
  type IdempotencyKey,
  idempotentCreate,
  isUniqueViolation,
  lookUpClientToken,
} from "./idempotency.ts";
import { newId } from "./ids.ts";
import { IN_FLIGHT_IMAGE_STATUSES, isImageInFlight } from "./image-status.ts";
import { insertDiskMappings, insertImage, insertSnapshots, takenOf } from "./inserts.ts";
import { effectiveInstanceStatus, isSnapshottable } from "./instance-status.ts";
import { imagesHeldBy } from "./lookup.ts";
import { type ImageCheckResult, runLinuxPrechecks } from "./prechecks.ts";
import { snapshotProgress } from "./progress.ts";
import { inAccountTurn } from "./turns.ts";
import { checkClientToken, checkNameAndDescription, derivedSnapshotName, LIMITS } from "./validation.ts";
import { type Work, work } from "./work.ts";

export interface Rates {
  snapshotGibPerSecond: number;
  copyGibPerSecond: number;
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

export interface CreatedImage {
  imageId: string;
  /** The pre-checks that did not PASS. */
  warnings: ImageCheckResult[];
  /** The image in progress, for the engine (nothing for an image born AVAILABLE). */
  work: Work;
}

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

export async function checkNameFreeAndQuota(
  db: Db | Tx,
  accountId: string,
  regionId: string,
  name: string,
  options: { excludeImageId?: string; nameHint?: string } = {},
): Promise<void> {
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
  if (excludeImageId) return;
  const account = await db.account.findUniqueOrThrow({ where: { id: accountId } });
  const used = await db.image.count({ where: imagesHeldBy(accountId, regionId) });
  if (used >= account.imageQuotaPerRegion) {
    fail(
      "QUOTA_EXCEEDED",
      `You have ${used} custom images in ${regionId}, the quota of ${account.imageQuotaPerRegion}: delete images you no longer need first.`,
      ["input"],
    );
  }
}

/**
 * Runs an image-creating transaction; the database's unique rules refusing it become userErrors:
 * the live-name index DUPLICATE_IMAGE_NAME, the one-snapshot-per-disk index DISK_CREATING_SNAPSHOT.
 */
export async function uniqueViolationsAsUserErrors<T>(
  name: string,
  regionId: string,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error, ["name"])) duplicateImageName(name, regionId);
    // One snapshot in progress per disk: another request got in first.
    if (isUniqueViolation(error, ["sourceDiskId"])) {
      diskSnapshotInProgress("one of the instance's disks", ["input", "instanceId"]);
    }
    throw error;
  }
}

export async function createCustomImage(
  prisma: Db,
  accountId: string,
  input: CreateCustomImageInput,
  now: Date,
  rates: Rates,
): Promise<CreatedImage> {
  const { key, earlier } = await lookUpClientToken(prisma, accountId, "createCustomImage", input);
  if (earlier) return replayed(prisma, earlier);
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
  const image = { id: newId("image"), accountId, name: input.name, description: input.description ?? null };
  return fromInstance
    ? createFromInstance(prisma, key, image, input, now, rates)
    : createFromSnapshots(prisma, key, image, input, now);
}

interface RequestedImage {
  id: string;
  accountId: string;
  name: string;
  description: string | null;
}

async function createFromInstance(
  prisma: Db,
  key: IdempotencyKey,
  image: RequestedImage,
  input: CreateCustomImageInput,
  now: Date,
  rates: Rates,
): Promise<CreatedImage> {
  const { accountId } = key;
  const instanceId = input.instanceId!;
  const instance = await prisma.instance.findFirst({
    where: { id: instanceId, accountId },
    include: { disks: { where: { status: { not: "RELEASED" } }, orderBy: { device: "asc" } } },
  });
  if (!instance) notFound("Instance", instanceId, ["input", "instanceId"]);
  const status = effectiveInstanceStatus(instance, now);
  if (!isSnapshottable(status)) {
    fail(
      "INCORRECT_INSTANCE_STATUS",
      `Instance ${instance.id} is ${status}: an image can be created only from a RUNNING or STOPPED instance. For a released or expired instance, create the image from its system-disk snapshot (snapshotId).`,
      ["input", "instanceId"],
    );
  }

  const checks = instance.osType === "LINUX" ? runLinuxPrechecks(guestFromColumns(instance)) : [];
  const warnings = checks.filter((check) => check.result !== "PASS");
  const failures = warnings.filter((check) => check.result === "FAIL");
  if (failures.length > 0 && !input.ignoreCheckFailures) {
    throw new DomainError({
      code: "PRECHECK_FAILED",
      message: `Pre-checks failed: ${failures.map((f) => `${f.item}: ${f.message}`).join(" ")} Or pass ignoreCheckFailures: true to create the image anyway.`,
      field: ["input", "instanceId"],
    });
  }

  const systemDisk = instance.disks.find((disk) => disk.type === "SYSTEM");
  if (!systemDisk)
    fail("INCORRECT_INSTANCE_STATUS", `Instance ${instance.id} has no system disk.`, ["input"]);
  const imageId = image.id;
  const created = await inAccountTurn(accountId, () =>
    uniqueViolationsAsUserErrors(input.name, instance.regionId, () =>
      idempotentCreate(prisma, key, imageId, async (tx) => {
        // Requests for one instance take their turn here (PostgreSQL; SERIALIZABLE alone would
        // also keep the rules, but through deadlocks on the rows each of them writes).
        await lockRow(tx, "Instance", instance.id);
        await checkNameFreeAndQuota(tx, accountId, instance.regionId, input.name);
        // As it is now, not as first read: another request may have locked or stopped it since.
        const current = await tx.instance.findUniqueOrThrow({ where: { id: instance.id } });
        if (current.lockedByImageId) {
          instanceLocked(instance.id, current.lockedByImageId, ": wait for it to finish.");
        }
        const currentStatus = effectiveInstanceStatus(current, now);
        if (!isSnapshottable(currentStatus)) {
          fail("INCORRECT_INSTANCE_STATUS", `Instance ${instance.id} became ${currentStatus} meanwhile.`, [
            "input",
            "instanceId",
          ]);
        }
        const busy = await tx.snapshot.findFirst({
          where: {
            sourceDiskId: { in: instance.disks.map((d) => d.id) },
            status: "PROGRESSING",
            copiedFromId: null,
          },
        });
        if (busy) {
          diskSnapshotInProgress(
            `disk ${busy.sourceDiskId} (${busy.device})`,
            ["input", "instanceId"],
            busy.id,
          );
        }
        await insertImage(
          tx,
          {
            ...image,
            regionId: instance.regionId,
            status: "CREATING",
            source: "INSTANCE",
            osType: instance.osType,
            platform: instance.platform,
            architecture: instance.architecture,
            sizeGiB: systemDisk.sizeGiB,
            sourceInstanceId: instance.id,
          },
          now,
        );
        const snapshots = instance.disks.map((disk) => ({
          id: newId("snapshot"),
          ...takenOf(disk),
          name: derivedSnapshotName(input.name, disk.device),
          imageId,
          startedAt: now,
          gibPerSecond: rates.snapshotGibPerSecond,
        }));
        await insertSnapshots(tx, accountId, snapshots, now);
        await insertDiskMappings(
          tx,
          imageId,
          instance.disks.map((disk, i) => ({
            device: disk.device,
            type: disk.type,
            sizeGiB: disk.sizeGiB,
            snapshotId: snapshots[i]!.id,
          })),
        );
        await tx.imageCheck.createMany({
          data: checks.map((check, position) => ({ imageId, position, ...check })),
        });
        const locked = await tx.instance.updateMany({
          where: { id: instance.id, lockedByImageId: null, status: current.status },
          data: { lockedByImageId: imageId },
        });
        if (locked.count !== 1)
          changedMeanwhile("INCORRECT_INSTANCE_STATUS", "Instance", instance.id, ["input", "instanceId"]);
      }),
    ),
  );
  if (created.replayed) return replayed(prisma, created.resourceId);
  return { imageId: created.resourceId, warnings, work: work({ startedImages: [created.resourceId] }) };
}

/** The answer to a retry: the image as it is now, with the warnings stored when it was created. */
async function replayed(prisma: Db, imageId: string): Promise<CreatedImage> {
  const image = await prisma.image.findUniqueOrThrow({ where: { id: imageId } });
  return {
    imageId,
    warnings: await storedWarnings(prisma, imageId),
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

async function ownAccomplishedSnapshot(
  prisma: Db,
  accountId: string,
  id: string,
  field: string[],
): Promise<
  Snapshot & {
    sourceDisk: {
      instance: { osType: Image["osType"]; platform: string; architecture: Image["architecture"] } | null;
    };
  }
> {
  const snapshot = await prisma.snapshot.findFirst({
    where: { id, accountId },
    include: { sourceDisk: { include: { instance: true } } },
  });
  if (!snapshot) notFound("Snapshot", id, field);
  if (snapshot.status !== "ACCOMPLISHED") {
    fail(
      "SNAPSHOT_NOT_READY",
      `Snapshot ${id} is ${snapshot.status}: only an ACCOMPLISHED snapshot can make an image.`,
      field,
    );
  }
  return snapshot;
}

async function createFromSnapshots(
  prisma: Db,
  key: IdempotencyKey,
  image: RequestedImage,
  input: CreateCustomImageInput,
  now: Date,
): Promise<CreatedImage> {
  const { accountId } = key;
  const ids = input.dataDiskSnapshotIds ?? [];
  if (ids.length > LIMITS.dataDisksMax) {
    fail(
      "INVALID_INPUT",
      `An image has at most ${LIMITS.dataDisksMax} data-disk snapshots, as an instance has at most ${LIMITS.dataDisksMax} data disks (got ${ids.length}).`,
      ["input", "dataDiskSnapshotIds"],
    );
  }
  const system = await ownAccomplishedSnapshot(prisma, accountId, input.snapshotId!, ["input", "snapshotId"]);
  if (system.sourceDiskType !== "SYSTEM") {
    fail(
      "NOT_SYSTEM_DISK_SNAPSHOT",
      `Snapshot ${system.id} is of a data disk (${system.device}): an image needs a system-disk snapshot; pass data-disk snapshots in dataDiskSnapshotIds.`,
      ["input", "snapshotId"],
    );
  }
  const origin = system.sourceDisk.instance;
  if (!origin) fail("NOT_SYSTEM_DISK_SNAPSHOT", `Snapshot ${system.id} has no instance to take the OS from.`);
  const data: Snapshot[] = [];
  const devices = new Set<string>();
  for (const [index, id] of ids.entries()) {
    const field = ["input", "dataDiskSnapshotIds", String(index)];
    const snapshot = await ownAccomplishedSnapshot(prisma, accountId, id, field);
    if (snapshot.sourceDiskType !== "DATA") {
      fail(
        "INVALID_INPUT",
        `Snapshot ${id} is of a system disk: dataDiskSnapshotIds take data-disk snapshots.`,
        field,
      );
    }
    if (snapshot.regionId !== system.regionId) {
      fail(
        "REGION_MISMATCH",
        `Snapshot ${id} is in ${snapshot.regionId}, the system-disk snapshot in ${system.regionId}: all snapshots of an image share its region.`,
        field,
      );
    }
    if (devices.has(snapshot.device)) {
      fail(
        "INVALID_INPUT",
        `Two data-disk snapshots are of device ${snapshot.device}: each device once.`,
        field,
      );
    }
    devices.add(snapshot.device);
    data.push(snapshot);
  }

  const imageId = image.id;
  const regionId = system.regionId;
  const created = await inAccountTurn(accountId, () =>
    uniqueViolationsAsUserErrors(input.name, regionId, () =>
      idempotentCreate(prisma, key, imageId, async (tx) => {
        await checkNameFreeAndQuota(tx, accountId, regionId, input.name);
        const ids = [system.id, ...data.map((snapshot) => snapshot.id)];
        const ready = await tx.snapshot.count({ where: { id: { in: ids }, status: "ACCOMPLISHED" } });
        if (ready !== ids.length) {
          fail("NOT_FOUND", "A snapshot of the image was deleted meanwhile; read the snapshots again.", [
            "input",
            "snapshotId",
          ]);
        }
        await insertImage(
          tx,
          {
            ...image,
            regionId,
            status: "AVAILABLE",
            source: "SNAPSHOT",
            osType: origin.osType,
            platform: origin.platform,
            architecture: origin.architecture,
            sizeGiB: system.sourceDiskSizeGiB,
            sourceSnapshotId: system.id,
            availableAt: now,
          },
          now,
        );
        await insertDiskMappings(
          tx,
          imageId,
          [system, ...data].map((snapshot) => ({
            device: snapshot.device,
            type: snapshot.sourceDiskType,
            sizeGiB: snapshot.sourceDiskSizeGiB,
            snapshotId: snapshot.id,
          })),
        );
      }),
    ),
  );
  if (created.replayed) return replayed(prisma, created.resourceId);
  return { imageId: created.resourceId, warnings: [], work: work() };
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
