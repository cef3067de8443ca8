import DataLoader from "dataloader";
import type { Db } from "../db/client.ts";
import type { Snapshot } from "../generated/prisma/client.ts";

/** Per-request batch loaders for what the Prisma plugin cannot merge into the parent query. */
export function createLoaders(prisma: Db) {
  return {
    /** An image's own snapshots, for progress: one query for a whole page of images. */
    imageSnapshots: new DataLoader<string, Snapshot[]>(async (imageIds) => {
      const rows = await prisma.snapshot.findMany({ where: { imageId: { in: [...imageIds] } } });
      return imageIds.map((id) => rows.filter((row) => row.imageId === id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
