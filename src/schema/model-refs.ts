import { getRefFromModel, type PrismaObjectRef } from "@pothos/plugin-prisma";
import type PrismaTypes from "../generated/pothos-types.ts";
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
