import { lockRow } from "../db/locks.ts";
import {
  changedMeanwhile,
  DomainError,
  diskSnapshotInProgress,
  fail,
  instanceLocked,
  notFound,
} from "./errors.ts";
import { guestFromColumns } from "./guest.ts";
import { newId } from "./ids.ts";
import { type ImageCreator, imagePlan, writeNewImage } from "./image-rules.ts";
import { insertDiskMappings, insertImage, insertSnapshots, takenOf } from "./inserts.ts";
import { effectiveInstanceStatus, isSnapshottable } from "./instance-status.ts";
import { runLinuxPrechecks } from "./prechecks.ts";
import { derivedSnapshotName } from "./validation.ts";
import { work } from "./work.ts";

/**
 * An image CREATING from a RUNNING or STOPPED instance: a snapshot PROGRESSING of each disk, the
 * Linux pre-checks stored, the instance locked until the image ends.
 */
export const createFromInstance: ImageCreator = async (deps, image, input) => {
  const { accountId, now, rates } = deps;
  const instanceId = input.instanceId!;
  const instance = await deps.db.instance.findFirst({
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
  const quota = await writeNewImage(
    deps,
    { id: imageId, name: input.name, regionId: instance.regionId },
    async (tx) => {
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
    },
    {
      // Requests for one instance take their turn here (PostgreSQL; SERIALIZABLE alone would
      // also keep the rules, but through deadlocks on the rows each of them writes).
      lock: (tx) => lockRow(tx, "Instance", instance.id),
    },
  );
  return {
    result: { imageId, warnings },
    work: work({ startedImages: [imageId] }),
    plan: deps.dryRun ? imagePlan(instance.disks, rates.snapshotGibPerSecond, quota, warnings) : undefined,
  };
};
