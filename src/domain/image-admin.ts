import type { Db, Tx } from "../db/client.ts";
import { foldName } from "../db/folded-name.ts";
import type { Image } from "../generated/prisma/client.ts";
import type { Command } from "./command.ts";
import { changedMeanwhile, ErrorCollector, fail } from "./errors.ts";
import { checkImageNameAndDescription, checkNameFreeAndQuota, imageUniqueViolations } from "./image-rules.ts";
import { isImageInFlight } from "./image-status.ts";
import { copiesInFlightOf, customImageOrFail, imageUnchangedSince, imageVisibleTo } from "./lookup.ts";
import { work } from "./work.ts";

export interface UpdateImageInput {
  imageId: string;
  name?: string | null;
  description?: string | null;
  deprecated?: boolean | null;
}

async function ownCustomImage(
  db: Db | Tx,
  accountId: string,
  imageId: string,
  action: string,
): Promise<Image> {
  return customImageOrFail(
    await db.image.findFirst({ where: imageVisibleTo(accountId, imageId) }),
    imageId,
    action,
  );
}

/** updateImage: a custom image renamed, described, deprecated or made AVAILABLE again. */
export const updateImageCommand: Command<UpdateImageInput, Image> = {
  operation: "updateImage",
  run: async (deps, input) => {
    const { accountId } = deps;
    const errors = new ErrorCollector();
    checkImageNameAndDescription(errors, input);
    errors.throwIfAny();
    const image = await ownCustomImage(deps.db, accountId, input.imageId, "updated");
    const regionId = image.regionId!;
    const name = input.name ?? image.name;
    const saved = await deps.transaction(
      async (tx) => {
        const current = await ownCustomImage(tx, accountId, input.imageId, "updated");
        if (name !== current.name)
          await checkNameFreeAndQuota(tx, accountId, regionId, name, { excludeImageId: current.id });
        let status = current.status;
        if (input.deprecated !== undefined && input.deprecated !== null) {
          // true: AVAILABLE → DEPRECATED; false: DEPRECATED → AVAILABLE (schema.graphql); nothing else.
          const from = input.deprecated ? "AVAILABLE" : "DEPRECATED";
          if (current.status !== from) {
            fail(
              "INCORRECT_IMAGE_STATUS",
              input.deprecated
                ? `Image ${current.id} is ${current.status}: only an AVAILABLE image can be deprecated.`
                : `Image ${current.id} is ${current.status}: only a DEPRECATED image can be made AVAILABLE again.`,
              ["input", "deprecated"],
            );
          }
          status = input.deprecated ? "DEPRECATED" : "AVAILABLE";
        }
        const updated = await tx.image.updateMany({
          where: imageUnchangedSince(current),
          data: {
            name,
            nameFolded: foldName(name),
            ...(input.description !== undefined && input.description !== null
              ? { description: input.description }
              : {}),
            status,
          },
        });
        if (updated.count !== 1)
          changedMeanwhile("INCORRECT_IMAGE_STATUS", "Image", current.id, ["input", "imageId"]);
        return tx.image.findUniqueOrThrow({ where: { id: current.id } });
      },
      { uniqueViolations: imageUniqueViolations(name, regionId) },
    );
    return { result: saved, work: work() };
  },
};

/** deleteImage: a custom image that is not in flight nor being copied, deleted (soft). */
export const deleteImageCommand: Command<{ imageId: string; force?: boolean | null }, string> = {
  operation: "deleteImage",
  run: (deps, input) =>
    deps.transaction(async (tx) => {
      const { accountId, now } = deps;
      const image = await ownCustomImage(tx, accountId, input.imageId, "deleted");
      if (isImageInFlight(image.status)) {
        fail(
          "INCORRECT_IMAGE_STATUS",
          image.source === "COPY"
            ? `Copy ${image.id} is ${image.status}: cancel it with cancelCopyImage instead.`
            : `Image ${image.id} is still being created: wait for it to finish (or stop its instance with force: true to abandon it).`,
          ["input", "imageId"],
        );
      }
      const copying = await tx.image.findFirst({
        where: copiesInFlightOf(image.id),
        select: { id: true, regionId: true },
      });
      if (copying) {
        fail(
          "IMAGE_COPYING",
          `Image ${image.id} is being copied to ${copying.regionId} (${copying.id}): wait for the copy or cancel it first.`,
          ["input", "imageId"],
        );
      }
      const users = await tx.instance.findMany({
        where: { imageId: image.id, status: { not: "RELEASED" } },
        select: { id: true },
        orderBy: { createdAt: "asc" },
      });
      if (users.length > 0 && !input.force) {
        const named =
          users
            .slice(0, 3)
            .map((u) => u.id)
            .join(", ") + (users.length > 3 ? ", …" : "");
        fail(
          "IMAGE_IN_USE",
          `${users.length} instance(s) not yet released were created from image ${image.id} (${named}): release them, or pass force: true to delete it anyway.`,
          ["input", "imageId"],
        );
      }
      const deleted = await tx.image.updateMany({
        where: imageUnchangedSince(image),
        data: { deletedAt: now },
      });
      if (deleted.count !== 1)
        changedMeanwhile("INCORRECT_IMAGE_STATUS", "Image", image.id, ["input", "imageId"]);
      return { result: image.id, work: work() };
    }),
};
