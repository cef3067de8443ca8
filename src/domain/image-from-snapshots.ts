import type { Db } from "../db/client.ts";
import type { Image, Snapshot } from "../generated/prisma/client.ts";
import { fail, notFound } from "./errors.ts";
import { type ImageCreator, imagePlan, writeNewImage } from "./image-rules.ts";
import { insertDiskMappings, insertImage } from "./inserts.ts";
import { LIMITS } from "./validation.ts";
import { work } from "./work.ts";

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

/** An image AVAILABLE at once from ACCOMPLISHED snapshots: a system-disk one and data-disk ones. */
export const createFromSnapshots: ImageCreator = async (deps, image, input) => {
  const { accountId, now } = deps;
  const prisma = deps.db;
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
  const quota = await writeNewImage(deps, { id: imageId, name: input.name, regionId }, async (tx) => {
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
  });
  return {
    result: { imageId, warnings: [] },
    work: work(),
    // Born AVAILABLE: no snapshot to take.
    plan: deps.dryRun ? imagePlan([], deps.rates.snapshotGibPerSecond, quota, []) : undefined,
  };
};
