import {
  Architecture,
  CheckResult,
  DiskStatus,
  DiskType,
  ImageOwnerAlias,
  ImageSource,
  ImageStatus,
  InstanceStatus,
  OsType,
  SnapshotStatus,
} from "../generated/prisma/enums.ts";
import { builder } from "./builder.ts";

// The values come from the Prisma schema (prisma/schema.prisma), through its generated client, in
// the order they are declared there: one list to change when a status is added.

export const InstanceStatusEnum = builder.enumType("InstanceStatus", {
  values: Object.values(InstanceStatus),
});
export const OsTypeEnum = builder.enumType("OsType", { values: Object.values(OsType) });
export const ArchitectureEnum = builder.enumType("Architecture", { values: Object.values(Architecture) });
export const DiskTypeEnum = builder.enumType("DiskType", { values: Object.values(DiskType) });
export const DiskStatusEnum = builder.enumType("DiskStatus", { values: Object.values(DiskStatus) });
export const SnapshotStatusEnum = builder.enumType("SnapshotStatus", {
  values: Object.values(SnapshotStatus),
});
export const ImageStatusEnum = builder.enumType("ImageStatus", {
  description:
    "WAITING: queued behind other work in the region; CANCELLED: a copy that was cancelled (image(id) still returns it; lists hide it unless the status filter names CANCELLED).",
  values: Object.values(ImageStatus),
});
export const ImageOwnerAliasEnum = builder.enumType("ImageOwnerAlias", {
  values: Object.values(ImageOwnerAlias),
});
export const ImageSourceEnum = builder.enumType("ImageSource", { values: Object.values(ImageSource) });
export const CheckResultEnum = builder.enumType("CheckResult", { values: Object.values(CheckResult) });
