import type { Prisma } from "../generated/prisma/client.ts";

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
