import type { Tx } from "../db/client.ts";
import { foldName } from "../db/folded-name.ts";
import type { Disk, DiskType, Prisma } from "../generated/prisma/client.ts";
import { newId } from "./ids.ts";

export type NewImage = Omit<Prisma.ImageUncheckedCreateInput, "nameFolded" | "ownerAlias" | "createdAt"> & {
  id: string;
  name: string;
};

/** A custom image of the account (SELF) requested now, its folded name taken from its name. */
export async function insertImage(tx: Tx, image: NewImage, now: Date): Promise<void> {
  await tx.image.create({
    data: { ...image, nameFolded: foldName(image.name), ownerAlias: "SELF", createdAt: now },
  });
}

export type NewSnapshot = Omit<Prisma.SnapshotCreateManyInput, "accountId" | "status" | "createdAt"> & {
  id: string;
};

/** The disk a snapshot is taken of, as the snapshot records it. */
export function takenOf(disk: Pick<Disk, "id" | "regionId" | "type" | "sizeGiB" | "device">) {
  return {
    regionId: disk.regionId,
    sourceDiskId: disk.id,
    sourceDiskType: disk.type,
    sourceDiskSizeGiB: disk.sizeGiB,
    device: disk.device,
  };
}

/** Snapshots of the account in progress (PROGRESSING), requested now: one statement for any number. */
export async function insertSnapshots(
  tx: Tx,
  accountId: string,
  snapshots: NewSnapshot[],
  now: Date,
): Promise<void> {
  await tx.snapshot.createMany({
    data: snapshots.map((snapshot) => ({ ...snapshot, accountId, status: "PROGRESSING", createdAt: now })),
  });
}

export interface NewDiskMapping {
  device: string;
  type: DiskType;
  sizeGiB: number;
  snapshotId: string;
}

/** The disks of a new image, each with the snapshot it is made from: one statement for any number. */
export async function insertDiskMappings(tx: Tx, imageId: string, mappings: NewDiskMapping[]): Promise<void> {
  await tx.imageDiskMapping.createMany({
    data: mappings.map((mapping) => ({ id: newId("mapping"), imageId, ...mapping })),
  });
}
