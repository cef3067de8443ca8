import type { Db } from "../db/client.ts";

export interface Jobs {
  images: string[];
  snapshots: string[];
}

/** What the database says is in flight: the source of truth a scheduler reconciles with. */
export async function findInFlight(prisma: Db): Promise<Jobs & { regionsWithWaitingCopies: string[] }> {
  const images = await prisma.image.findMany({ where: { status: "CREATING" }, select: { id: true } });
  const snapshots = await prisma.snapshot.findMany({
    where: { status: "PROGRESSING", imageId: null },
    select: { id: true },
  });
  const waiting = await prisma.image.findMany({
    where: { status: "WAITING" },
    distinct: ["regionId"],
    select: { regionId: true },
  });
  return {
    images: images.map((row) => row.id),
    snapshots: snapshots.map((row) => row.id),
    regionsWithWaitingCopies: waiting.flatMap((row) => (row.regionId ? [row.regionId] : [])),
  };
}
