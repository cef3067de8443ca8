import type { Db } from "../db/client.ts";
import type { Snapshot } from "../generated/prisma/client.ts";
import { DomainError, ErrorCollector, fail } from "./errors.ts";
import { earlierResult, idempotentCreate, isUniqueViolation } from "./idempotency.ts";
import { newId } from "./ids.ts";
import { effectiveInstanceStatus } from "./instance-status.ts";
import { checkClientToken, checkNameAndDescription } from "./validation.ts";
import { type Work, work } from "./work.ts";

export interface CreateSnapshotInput {
  diskId: string;
  name?: string | null;
  description?: string | null;
  clientToken?: string | null;
}

function inProgressError(diskId: string): DomainError {
  return new DomainError({
    code: "DISK_CREATING_SNAPSHOT",
    message: `A snapshot of disk ${diskId} is already in progress: wait for it to finish (or delete it) before taking another.`,
    field: ["input", "diskId"],
  });
}

export async function createSnapshot(
  prisma: Db,
  accountId: string,
  input: CreateSnapshotInput,
  now: Date,
  gibPerSecond: number,
): Promise<{ snapshotId: string; work: Work }> {
  const errors = new ErrorCollector();
  checkNameAndDescription(errors, input, { what: "The snapshot name", nameCode: "INVALID_INPUT" });
  checkClientToken(errors, input.clientToken, ["input", "clientToken"]);
  errors.throwIfAny();
  const { clientToken, ...request } = input;
  const key = { accountId, operation: "createSnapshot", token: clientToken, request };
  const earlier = await earlierResult(prisma, key);
  if (earlier) return { snapshotId: earlier, work: work({ startedSnapshots: [earlier] }) };

  const disk = await prisma.disk.findFirst({
    where: { id: input.diskId, accountId },
    include: { instance: true },
  });
  if (!disk) fail("NOT_FOUND", `Disk "${input.diskId}" does not exist.`, ["input", "diskId"]);
  const status = disk.instance ? effectiveInstanceStatus(disk.instance, now) : null;
  if (disk.status === "RELEASED" || (status !== "RUNNING" && status !== "STOPPED")) {
    fail(
      "INCORRECT_INSTANCE_STATUS",
      `Disk ${disk.id} is ${disk.status}${status ? ` on a ${status} instance` : ""}: snapshots are taken of disks of RUNNING or STOPPED instances.`,
      ["input", "diskId"],
    );
  }
  const snapshotId = newId("snapshot");
  try {
    const created = await idempotentCreate(prisma, key, snapshotId, async (tx) => {
      // The disk as it is now: released meanwhile, it cannot be snapshotted.
      const current = await tx.disk.findUniqueOrThrow({
        where: { id: disk.id },
        include: { instance: true },
      });
      const instanceStatus = current.instance ? effectiveInstanceStatus(current.instance, now) : null;
      if (current.status === "RELEASED" || (instanceStatus !== "RUNNING" && instanceStatus !== "STOPPED")) {
        fail("INCORRECT_INSTANCE_STATUS", `Disk ${disk.id} was released meanwhile.`, ["input", "diskId"]);
      }
      await tx.snapshot.create({
        data: {
          id: snapshotId,
          accountId,
          regionId: disk.regionId,
          name: input.name ?? null,
          description: input.description ?? null,
          status: "PROGRESSING",
          sourceDiskId: disk.id,
          sourceDiskType: disk.type,
          sourceDiskSizeGiB: disk.sizeGiB,
          device: disk.device,
          startedAt: now,
          gibPerSecond,
          createdAt: now,
        },
      });
    });
    return { snapshotId: created.resourceId, work: work({ startedSnapshots: [created.resourceId] }) };
  } catch (error) {
    // The partial unique index allows one PROGRESSING snapshot per disk.
    if (isUniqueViolation(error, ["sourceDiskId"])) throw inProgressError(disk.id);
    throw error;
  }
}

/** Images that still need the snapshot: any not deleted and not ended in failure or cancellation. */
const USING_STATUSES = ["WAITING", "CREATING", "AVAILABLE", "DEPRECATED"] as const;

export async function deleteSnapshot(
  prisma: Db,
  accountId: string,
  input: { snapshotId: string },
): Promise<{ snapshot: Snapshot; work: Work }> {
  return prisma.$transaction(async (tx) => {
    const snapshot = await tx.snapshot.findFirst({ where: { id: input.snapshotId, accountId } });
    if (!snapshot)
      fail("NOT_FOUND", `Snapshot "${input.snapshotId}" does not exist.`, ["input", "snapshotId"]);
    const user = await tx.image.findFirst({
      where: {
        deletedAt: null,
        status: { in: [...USING_STATUSES] },
        OR: [
          { diskMappings: { some: { snapshotId: snapshot.id } } },
          ...(snapshot.imageId ? [{ id: snapshot.imageId }] : []),
        ],
      },
      select: { id: true, status: true },
    });
    if (user) {
      fail(
        "SNAPSHOT_IN_USE",
        `Snapshot ${snapshot.id} is used by image ${user.id} (${user.status}): delete the image first.`,
        ["input", "snapshotId"],
      );
    }
    await tx.snapshot.delete({ where: { id: snapshot.id } });
    return {
      snapshot,
      work: work({ deletedSnapshots: [{ snapshot, reason: "The snapshot was deleted." }] }),
    };
  });
}
