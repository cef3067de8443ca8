import { getRefFromModel, type PrismaObjectRef } from "@pothos/plugin-prisma";
import type PrismaTypes from "../generated/pothos-types.ts";
import type { Image } from "../generated/prisma/client.ts";
import { builder } from "./builder.ts";

type Types = typeof builder.$inferSchemaTypes;

/**
 * The refs Pothos keeps per Prisma model, typed by model name. Fields that return another
 * domain's type use these, so the domain files can reference each other without circular
 * type inference.
 */
function modelRef<Name extends keyof PrismaTypes & string>(name: Name) {
  return getRefFromModel(name, builder, "object") as unknown as PrismaObjectRef<
    Types,
    PrismaTypes[Name],
    PrismaTypes[Name]["Shape"]
  >;
}

export const ImageModel = modelRef("Image");
export const InstanceModel = modelRef("Instance");
export const DiskModel = modelRef("Disk");
export const SnapshotModel = modelRef("Snapshot");
export const RegionModel = modelRef("Region");

/**
 * A to-one relation to an image that reads as null once the image is deleted (instance.image,
 * snapshot.image, image.sourceImage); the image loads in the row's own Prisma query.
 */
export function liveImageField<const Relation extends "image" | "sourceImage">(
  relation: Relation,
  description: string,
) {
  return {
    type: ImageModel,
    nullable: true as const,
    description,
    select: (_args: object, _ctx: object, nested: (selection: true) => unknown) =>
      ({ [relation]: nested(true) }) as { [R in Relation]: true },
    resolve: (row: { [R in Relation]: Image | null }) => {
      const image = row[relation];
      return image && !image.deletedAt ? image : null;
    },
  };
}
