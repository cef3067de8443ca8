import type { Prisma } from "../generated/prisma/client.ts";

/**
 * Scopes every read to the caller: another account's resource does not exist as far as the
 * caller can tell (schema.graphql: NOT_FOUND, never FORBIDDEN).
 */
export function ownImageWhere(accountId: string): Prisma.ImageWhereInput {
  return { deletedAt: null, OR: [{ ownerAlias: "SYSTEM" }, { accountId }] };
}

export function visibleImageWhere(accountId: string, id: string): Prisma.ImageWhereInput {
  return { id, ...ownImageWhere(accountId) };
}
