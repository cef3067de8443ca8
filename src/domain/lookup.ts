import type { Db } from "../db/client.ts";
import { foldName } from "../db/folded-name.ts";
import type { ImageOwnerAlias, ImageStatus, Prisma } from "../generated/prisma/client.ts";
import { fail, notFound } from "./errors.ts";
import { IN_FLIGHT_IMAGE_STATUSES, SNAPSHOT_HOLDING_IMAGE_STATUSES } from "./image-status.ts";

/**
 * The images the caller may see: its own and the SYSTEM images, not deleted. Every read is scoped
 * to the caller: another account's resource does not exist as far as the caller can tell
 * (schema.graphql: NOT_FOUND, never FORBIDDEN).
 */
export function imagesVisibleTo(accountId: string): Prisma.ImageWhereInput {
  return { deletedAt: null, OR: [{ ownerAlias: "SYSTEM" }, { accountId }] };
}

/** One image by ID, when the caller may see it (see imagesVisibleTo). */
export function imageVisibleTo(accountId: string, id: string): Prisma.ImageWhereInput {
  return { id, ...imagesVisibleTo(accountId) };
}

/**
 * The image found with imageVisibleTo, when it is one of the caller's own: NOT_FOUND when there
 * is none, and a SYSTEM image, though visible, cannot be `action` (`why`, when given, says why).
 */
export function customImageOrFail<T extends { id: string; ownerAlias: ImageOwnerAlias }>(
  image: T | null,
  imageId: string,
  action: string,
  why?: string,
): T {
  if (!image) notFound("Image", imageId, ["input", "imageId"]);
  if (image.ownerAlias === "SYSTEM") {
    fail(
      "INCORRECT_IMAGE_STATUS",
      `${image.id} is a SYSTEM image${why ? `, ${why}` : ""}: it cannot be ${action}.`,
      ["input", "imageId"],
    );
  }
  return image;
}

/** One of the caller's own images by ID, not deleted: a SYSTEM image is nobody's own. */
export function imageOwnedBy(accountId: string, id: string): Prisma.ImageWhereInput {
  return { id, accountId, deletedAt: null };
}

/**
 * The account's images that hold their name and count against the quota in a region: every
 * status but CANCELLED, not deleted.
 */
export function imagesHeldBy(accountId: string, regionId: string): Prisma.ImageWhereInput {
  return { accountId, regionId, status: { not: "CANCELLED" }, deletedAt: null };
}

/** The images of a region, and the SYSTEM images, which every region offers. */
export function imagesOfferedIn(regionId: string): Prisma.ImageWhereInput {
  return { OR: [{ regionId }, { ownerAlias: "SYSTEM" }] };
}

/** The copies of an image still in flight (WAITING or CREATING), not deleted. */
export function copiesInFlightOf(imageId: string): Prisma.ImageWhereInput {
  return { sourceImageId: imageId, status: { in: [...IN_FLIGHT_IMAGE_STATUSES] }, deletedAt: null };
}

/** The images, not deleted and not ended in failure or cancellation, made from the snapshot or taking it. */
export function imagesHoldingSnapshot(snapshot: {
  id: string;
  imageId: string | null;
}): Prisma.ImageWhereInput {
  return {
    deletedAt: null,
    status: { in: [...SNAPSHOT_HOLDING_IMAGE_STATUSES] },
    OR: [
      { diskMappings: { some: { snapshotId: snapshot.id } } },
      ...(snapshot.imageId ? [{ id: snapshot.imageId }] : []),
    ],
  };
}

/** The image as it was read: not deleted since, and still in the status it had. */
export function imageUnchangedSince(image: { id: string; status: ImageStatus }): Prisma.ImageWhereInput {
  return { id: image.id, status: image.status, deletedAt: null };
}

/**
 * The images the caller may see (imagesVisibleTo, in SQL) whose folded name contains `text`
 * literally: folded in JS, so both databases fold alike, and matched with a LIKE whose '%', '_'
 * and escape character are escaped, the same on SQLite and PostgreSQL (Prisma's `contains`
 * leaves '%' and '_' live).
 */
export async function visibleImagesNameContaining(
  prisma: Db,
  accountId: string,
  text: string,
): Promise<Prisma.ImageWhereInput> {
  const pattern = `%${foldName(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Image"
    WHERE "nameFolded" LIKE ${pattern} ESCAPE '\\'
      AND ("accountId" = ${accountId} OR "ownerAlias" = 'SYSTEM') AND "deletedAt" IS NULL`;
  return { id: { in: rows.map((row) => row.id) } };
}
