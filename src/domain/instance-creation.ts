import type { Image, ImageDiskMapping } from "../generated/prisma/client.ts";
import type { Command, CommandScope, Done } from "./command.ts";
import { changedMeanwhile, ErrorCollector, fail, notFound, regionNotFound } from "./errors.ts";
import { DEFAULT_GUEST, type GuestStateInput, guestToColumns, mergeGuest } from "./guest.ts";
import { newId } from "./ids.ts";
import { isImageUsable } from "./image-status.ts";
import { imageUnchangedSince, imageVisibleTo } from "./lookup.ts";
import {
  checkClientToken,
  DATA_DEVICES,
  isDataDevice,
  LIMITS,
  nameProblem,
  SYSTEM_DEVICE,
} from "./validation.ts";
import { work } from "./work.ts";

export interface CreateInstanceInput {
  regionId: string;
  name: string;
  imageId: string;
  systemDiskSizeGiB?: number | null;
  dataDisks?: { sizeGiB: number; device?: string | null }[] | null;
  start?: boolean | null;
  expiresAt?: Date | null;
  guest?: GuestStateInput | null;
  clientToken?: string | null;
}

interface PlannedDisk {
  device: string;
  sizeGiB: number;
  sourceSnapshotId: string | null;
}

/**
 * Data disks of a new instance: one per data-disk mapping of a custom image (same device, at least
 * the snapshot's size), then the requested ones; a requested disk on a mapping's device resizes it.
 */
function planDataDisks(
  mappings: readonly ImageDiskMapping[],
  requested: NonNullable<CreateInstanceInput["dataDisks"]>,
  errors: ErrorCollector,
): PlannedDisk[] {
  const planned = new Map<string, PlannedDisk>();
  for (const mapping of mappings) {
    if (mapping.type !== "DATA") continue;
    planned.set(mapping.device, {
      device: mapping.device,
      sizeGiB: mapping.sizeGiB,
      sourceSnapshotId: mapping.snapshotId,
    });
  }
  const fromImage = new Set(planned.keys());
  const explicit = new Set<string>();
  requested.forEach((disk, index) => {
    const field = ["input", "dataDisks", String(index)];
    if (disk.sizeGiB < LIMITS.dataDiskMinGiB || disk.sizeGiB > LIMITS.dataDiskMaxGiB) {
      errors.add(
        "INVALID_INPUT",
        `A data disk must be ${LIMITS.dataDiskMinGiB} to ${LIMITS.dataDiskMaxGiB} GiB (got ${disk.sizeGiB}).`,
        [...field, "sizeGiB"],
      );
    }
    if (disk.device === null || disk.device === undefined) return;
    if (!isDataDevice(disk.device)) {
      errors.add("INVALID_INPUT", `Data disk devices are /dev/vdb to /dev/vdz (got "${disk.device}").`, [
        ...field,
        "device",
      ]);
      return;
    }
    if (explicit.has(disk.device)) {
      errors.add("INVALID_INPUT", `Device ${disk.device} is requested twice.`, [...field, "device"]);
      return;
    }
    explicit.add(disk.device);
    const fromSnapshot = planned.get(disk.device);
    if (fromSnapshot && fromImage.has(disk.device)) {
      if (disk.sizeGiB < fromSnapshot.sizeGiB) {
        errors.add(
          "INVALID_INPUT",
          `The data disk on ${disk.device} is created from the image's snapshot of ${fromSnapshot.sizeGiB} GiB: it must be at least that size (got ${disk.sizeGiB}).`,
          [...field, "sizeGiB"],
        );
      }
      fromSnapshot.sizeGiB = Math.max(fromSnapshot.sizeGiB, disk.sizeGiB);
      return;
    }
    planned.set(disk.device, { device: disk.device, sizeGiB: disk.sizeGiB, sourceSnapshotId: null });
  });
  const free = DATA_DEVICES.filter((device) => !planned.has(device));
  for (const disk of requested) {
    if (disk.device !== null && disk.device !== undefined) continue;
    const device = free.shift();
    if (!device) break;
    planned.set(device, { device, sizeGiB: disk.sizeGiB, sourceSnapshotId: null });
  }
  const total = requested.filter((d) => !d.device || !fromImage.has(d.device)).length + fromImage.size;
  if (total > LIMITS.dataDisksMax) {
    errors.add(
      "INVALID_INPUT",
      `An instance has at most ${LIMITS.dataDisksMax} data disks (this request makes ${total}${fromImage.size > 0 ? `, ${fromImage.size} of them from the image` : ""}).`,
      ["input", "dataDisks"],
    );
  }
  return [...planned.values()].sort((a, b) => (a.device < b.device ? -1 : 1));
}

function checkImageUsable(image: Image, regionId: string): void {
  if (image.ownerAlias === "SYSTEM") return;
  if (!isImageUsable(image.status)) {
    fail(
      "INCORRECT_IMAGE_STATUS",
      `Image ${image.id} is ${image.status}: only an AVAILABLE or DEPRECATED image can create instances.`,
      ["input", "imageId"],
    );
  }
  if (image.regionId !== regionId) {
    fail(
      "REGION_MISMATCH",
      `Image ${image.id} is in ${image.regionId}, not ${regionId}: copy it to ${regionId} with copyImage first, then create the instance from the copy.`,
      ["input", "imageId"],
    );
  }
}

/** createInstance: an instance RUNNING (or STOPPED) from an image, with its disks. */
export const createInstanceCommand: Command<CreateInstanceInput, string> = {
  operation: "createInstance",
  replay: async (_deps, instanceId) => ({ result: instanceId, work: work() }),
  run: (deps, input) => create(deps, input),
};

async function create(deps: CommandScope, input: CreateInstanceInput): Promise<Done<string>> {
  const { accountId, now } = deps;
  const prisma = deps.db;
  const errors = new ErrorCollector();
  const nameError = nameProblem(input.name, "The instance name");
  if (nameError) errors.add("INVALID_INPUT", nameError, ["input", "name"]);
  checkClientToken(errors, input.clientToken, ["input", "clientToken"]);
  if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) {
    errors.add("INVALID_INPUT", "expiresAt must be in the future.", ["input", "expiresAt"]);
  }
  const guest = mergeGuest(DEFAULT_GUEST, input.guest, errors, ["input", "guest"]);
  errors.throwIfAny();

  const region = await prisma.region.findUnique({ where: { id: input.regionId } });
  if (!region) regionNotFound(input.regionId, ["input", "regionId"]);
  const image = await prisma.image.findFirst({
    where: imageVisibleTo(accountId, input.imageId),
    include: { diskMappings: true },
  });
  if (!image) notFound("Image", input.imageId, ["input", "imageId"]);
  checkImageUsable(image, region.id);

  const systemDiskSizeGiB = input.systemDiskSizeGiB ?? image.sizeGiB;
  if (systemDiskSizeGiB < image.sizeGiB || systemDiskSizeGiB > LIMITS.systemDiskMaxGiB) {
    errors.add(
      "INVALID_INPUT",
      `The system disk must be from the image's ${image.sizeGiB} GiB up to ${LIMITS.systemDiskMaxGiB} GiB (got ${systemDiskSizeGiB}).`,
      ["input", "systemDiskSizeGiB"],
    );
  }
  const dataDisks = planDataDisks(image.diskMappings, input.dataDisks ?? [], errors);
  errors.throwIfAny();

  const systemSnapshotId = image.diskMappings.find((m) => m.type === "SYSTEM")?.snapshotId ?? null;
  const instanceId = newId("instance");
  await deps.transaction(
    async (tx) => {
      // The image as it is now: deleted or failed meanwhile, it cannot create instances.
      const still = await tx.image.count({ where: imageUnchangedSince(image) });
      if (still !== 1) changedMeanwhile("INCORRECT_IMAGE_STATUS", "Image", image.id, ["input", "imageId"]);
      await tx.instance.create({
        data: {
          id: instanceId,
          accountId,
          regionId: region.id,
          name: input.name,
          status: input.start === false ? "STOPPED" : "RUNNING",
          osType: image.osType,
          platform: image.platform,
          architecture: image.architecture,
          imageId: image.id,
          ...guestToColumns(guest),
          expiresAt: input.expiresAt ?? null,
          createdAt: now,
        },
      });
      const disks = [
        {
          device: SYSTEM_DEVICE,
          sizeGiB: systemDiskSizeGiB,
          sourceSnapshotId: systemSnapshotId,
          type: "SYSTEM" as const,
        },
        ...dataDisks.map((disk) => ({ ...disk, type: "DATA" as const })),
      ];
      await tx.disk.createMany({
        data: disks.map((disk) => ({
          id: newId("disk"),
          accountId,
          regionId: region.id,
          instanceId,
          type: disk.type,
          device: disk.device,
          sizeGiB: disk.sizeGiB,
          status: "IN_USE" as const,
          sourceSnapshotId: disk.sourceSnapshotId,
          createdAt: now,
        })),
      });
    },
    { creates: instanceId },
  );
  return { result: instanceId, work: work() };
}
