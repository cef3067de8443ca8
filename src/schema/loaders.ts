import DataLoader from "dataloader";
import type { Db } from "../db/client.ts";
import type { Region, Snapshot } from "../generated/prisma/client.ts";

const regionTables = new WeakMap<Db, Promise<Map<string, Region>>>();

/**
 * Regions are seeded before the server listens and no operation changes them: one read per
 * process serves every `region` field, instead of one statement per list.
 */
function regionTable(prisma: Db): Promise<Map<string, Region>> {
  let table = regionTables.get(prisma);
  if (!table) {
    table = prisma.region.findMany().then((rows) => new Map(rows.map((row) => [row.id, row])));
    table.catch(() => regionTables.delete(prisma));
    regionTables.set(prisma, table);
  }
  return table;
}

/** Per-request batch loaders for what the Prisma plugin cannot merge into the parent query. */
export function createLoaders(prisma: Db) {
  const imageSnapshots = new DataLoader<string, Snapshot[]>(async (imageIds) => {
    const rows = await prisma.snapshot.findMany({ where: { imageId: { in: [...imageIds] } } });
    return imageIds.map((id) => rows.filter((row) => row.imageId === id));
  });
  const snapshotById = new DataLoader<string, Snapshot | null>(async (ids) => {
    const rows = await prisma.snapshot.findMany({ where: { id: { in: [...ids] } } });
    return ids.map((id) => rows.find((row) => row.id === id) ?? null);
  });
  return {
    /** An image's own snapshots, for progress: one query for a whole page of images. */
    imageSnapshots,
    /**
     * A disk mapping's snapshot: usually one of its image's own, so the same statement serves a
     * page's progress and its mappings; another image's or a standalone one is loaded by ID.
     */
    mappingSnapshot: async (mapping: { imageId: string; snapshotId: string | null }) => {
      if (!mapping.snapshotId) return null;
      const own = (await imageSnapshots.load(mapping.imageId)).find((row) => row.id === mapping.snapshotId);
      return own ?? snapshotById.load(mapping.snapshotId);
    },
    region: async (id: string): Promise<Region> => {
      const region = (await regionTable(prisma)).get(id);
      if (!region) throw new Error(`Region "${id}" is not in the seeded table.`);
      return region;
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
