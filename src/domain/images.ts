import type { Db, Tx } from "../db/client.ts";
import { foldName } from "../db/folded-name.ts";
import { lockRow } from "../db/locks.ts";
import type { Image, Prisma, Snapshot } from "../generated/prisma/client.ts";
import { DomainError, ErrorCollector, fail } from "./errors.ts";
import { guestFromColumns } from "./guest.ts";
import { earlierResult, idempotentCreate, isUniqueViolation } from "./idempotency.ts";
import { newId } from "./ids.ts";
import { effectiveInstanceStatus } from "./instance-status.ts";
import { type ImageCheckResult, runLinuxPrechecks } from "./prechecks.ts";
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

/** Images that count against the name rule and the quota: not CANCELLED and not deleted. */
const LIVE: Prisma.ImageWhereInput = { status: { not: "CANCELLED" }, deletedAt: null };

export async function checkNameFreeAndQuota(
  db: Db | Tx,
  accountId: string,
  regionId: string,
  name: string,
  options: { excludeImageId?: string; nameHint?: string } = {},
): Promise<void> {
  const { excludeImageId } = options;
  const duplicate = await db.image.findFirst({
    where: { ...LIVE, accountId, regionId, name, ...(excludeImageId ? { id: { not: excludeImageId } } : {}) },
    select: { id: true },
  });
  if (duplicate) {
    fail(
      "DUPLICATE_IMAGE_NAME",
      `You already have an image named "${name}" in ${regionId} (${duplicate.id}): ${options.nameHint ?? "choose another name."}`,
      ["input", "name"],
    );
  }
  if (excludeImageId) return;
  const account = await db.account.findUniqueOrThrow({ where: { id: accountId } });
  const used = await db.image.count({ where: { ...LIVE, accountId, regionId } });
  if (used >= account.imageQuotaPerRegion) {
    fail(
      "QUOTA_EXCEEDED",
      `You have ${used} custom images in ${regionId}, the quota of ${account.imageQuotaPerRegion}: delete images you no longer need first.`,
      ["input"],
    );
  }
}

function duplicateNameError(name: string, regionId: string): DomainError {
  return new DomainError({
    code: "DUPLICATE_IMAGE_NAME",
    message: `You already have an image named "${name}" in ${regionId}: choose another name.`,
    field: ["input", "name"],
  });
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
    if (isUniqueViolation(error, ["name"])) throw duplicateNameError(name, regionId);
    // One snapshot in progress per disk: another request got in first.
    if (isUniqueViolation(error, ["sourceDiskId"])) {
      throw new DomainError({
        code: "DISK_CREATING_SNAPSHOT",
        message: "A snapshot of one of the instance's disks started meanwhile: wait for it to finish.",
        field: ["input", "instanceId"],
      });
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
  const { clientToken, ...request } = input;
  const earlier = await earlierResult(prisma, {
    accountId,
    operation: "createCustomImage",
    token: clientToken,
    request,
  });
  if (earlier) return replayed(prisma, earlier);
  return fromInstance
    ? createFromInstance(prisma, accountId, input, now, rates)
    : createFromSnapshots(prisma, accountId, input, now);
}

async function createFromInstance(
  prisma: Db,
  accountId: string,
  input: CreateCustomImageInput,
  now: Date,
  rates: Rates,
): Promise<CreatedImage> {
  const instanceId = input.instanceId!;
  const instance = await prisma.instance.findFirst({
    where: { id: instanceId, accountId },
    include: { disks: { where: { status: { not: "RELEASED" } }, orderBy: { device: "asc" } } },
  });
  if (!instance) fail("NOT_FOUND", `Instance "${instanceId}" does not exist.`, ["input", "instanceId"]);
  const status = effectiveInstanceStatus(instance, now);
  if (status !== "RUNNING" && status !== "STOPPED") {
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
  const imageId = newId("image");
  const { clientToken, ...request } = input;
  const created = await uniqueViolationsAsUserErrors(input.name, instance.regionId, () =>
    idempotentCreate(
      prisma,
      { accountId, operation: "createCustomImage", token: clientToken, request },
      imageId,
      async (tx) => {
        // Requests for one instance take their turn here (PostgreSQL; SERIALIZABLE alone would
        // also keep the rules, but through deadlocks on the rows each of them writes).
        await lockRow(tx, "Instance", instance.id);
        await checkNameFreeAndQuota(tx, accountId, instance.regionId, input.name);
        // As it is now, not as first read: another request may have locked or stopped it since.
        const current = await tx.instance.findUniqueOrThrow({ where: { id: instance.id } });
        if (current.lockedByImageId) lockedError(instance.id, current.lockedByImageId);
        const currentStatus = effectiveInstanceStatus(current, now);
        if (currentStatus !== "RUNNING" && currentStatus !== "STOPPED") {
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
          fail(
            "DISK_CREATING_SNAPSHOT",
            `A snapshot of disk ${busy.sourceDiskId} (${busy.device}) is already in progress (${busy.id}): wait for it to finish or delete it.`,
            ["input", "instanceId"],
          );
        }
        await tx.image.create({
          data: {
            id: imageId,
            accountId,
            name: input.name,
            nameFolded: foldName(input.name),
            description: input.description ?? null,
            regionId: instance.regionId,
            status: "CREATING",
            ownerAlias: "SELF",
            source: "INSTANCE",
            osType: instance.osType,
            platform: instance.platform,
            architecture: instance.architecture,
            sizeGiB: systemDisk.sizeGiB,
            sourceInstanceId: instance.id,
            createdAt: now,
          },
        });
        // One statement for the snapshots and one for the mappings, whatever the number of disks.
        const snapshotIds = instance.disks.map(() => newId("snapshot"));
        await tx.snapshot.createMany({
          data: instance.disks.map((disk, i) => ({
            id: snapshotIds[i]!,
            accountId,
            regionId: instance.regionId,
            name: derivedSnapshotName(input.name, disk.device),
            status: "PROGRESSING" as const,
            sourceDiskId: disk.id,
            sourceDiskType: disk.type,
            sourceDiskSizeGiB: disk.sizeGiB,
            device: disk.device,
            imageId,
            startedAt: now,
            gibPerSecond: rates.snapshotGibPerSecond,
            createdAt: now,
          })),
        });
        await tx.imageDiskMapping.createMany({
          data: instance.disks.map((disk, i) => ({
            id: newId("mapping"),
            imageId,
            device: disk.device,
            type: disk.type,
            sizeGiB: disk.sizeGiB,
            snapshotId: snapshotIds[i]!,
          })),
        });
        await tx.imageCheck.createMany({
          data: checks.map((check, position) => ({ imageId, position, ...check })),
        });
        const locked = await tx.instance.updateMany({
          where: { id: instance.id, lockedByImageId: null, status: current.status },
          data: { lockedByImageId: imageId },
        });
        if (locked.count !== 1) {
          fail(
            "INCORRECT_INSTANCE_STATUS",
            `Instance ${instance.id} changed meanwhile; read it again and retry.`,
            ["input", "instanceId"],
          );
        }
      },
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
    work: work({ startedImages: image.status === "CREATING" ? [imageId] : [] }),
  };
}

function lockedError(instanceId: string, imageId: string): never {
  fail(
    "INSTANCE_LOCKED",
    `Image ${imageId} is already being created from instance ${instanceId}: wait for it to finish.`,
    ["input", "instanceId"],
  );
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
  if (!snapshot) fail("NOT_FOUND", `Snapshot "${id}" does not exist.`, field);
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
  accountId: string,
  input: CreateCustomImageInput,
  now: Date,
): Promise<CreatedImage> {
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

  const imageId = newId("image");
  const { clientToken, ...request } = input;
  const regionId = system.regionId;
  const created = await uniqueViolationsAsUserErrors(input.name, regionId, () =>
    idempotentCreate(
      prisma,
      { accountId, operation: "createCustomImage", token: clientToken, request },
      imageId,
      async (tx) => {
        await checkNameFreeAndQuota(tx, accountId, regionId, input.name);
        const ids = [system.id, ...data.map((snapshot) => snapshot.id)];
        const ready = await tx.snapshot.count({ where: { id: { in: ids }, status: "ACCOMPLISHED" } });
        if (ready !== ids.length) {
          fail("NOT_FOUND", "A snapshot of the image was deleted meanwhile; read the snapshots again.", [
            "input",
            "snapshotId",
          ]);
        }
        await tx.image.create({
          data: {
            id: imageId,
            accountId,
            name: input.name,
            nameFolded: foldName(input.name),
            description: input.description ?? null,
            regionId,
            status: "AVAILABLE",
            ownerAlias: "SELF",
            source: "SNAPSHOT",
            osType: origin.osType,
            platform: origin.platform,
            architecture: origin.architecture,
            sizeGiB: system.sourceDiskSizeGiB,
            sourceSnapshotId: system.id,
            createdAt: now,
            availableAt: now,
          },
        });
        await tx.imageDiskMapping.createMany({
          data: [system, ...data].map((snapshot) => ({
            id: newId("mapping"),
            imageId,
            device: snapshot.device,
            type: snapshot.sourceDiskType,
            sizeGiB: snapshot.sourceDiskSizeGiB,
            snapshotId: snapshot.id,
          })),
        });
      },
    ),
  );
  if (created.replayed) return replayed(prisma, created.resourceId);
  return { imageId: created.resourceId, warnings: [], work: work() };
}
