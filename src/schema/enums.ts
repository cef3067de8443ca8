import { builder } from "./builder.ts";

export const InstanceStatusEnum = builder.enumType("InstanceStatus", {
  values: ["RUNNING", "STOPPED", "EXPIRED", "RELEASED"] as const,
});
export const OsTypeEnum = builder.enumType("OsType", { values: ["LINUX", "WINDOWS"] as const });
export const ArchitectureEnum = builder.enumType("Architecture", { values: ["X86_64", "ARM64"] as const });
export const DiskTypeEnum = builder.enumType("DiskType", { values: ["SYSTEM", "DATA"] as const });
export const DiskStatusEnum = builder.enumType("DiskStatus", {
  values: ["IN_USE", "AVAILABLE", "RELEASED"] as const,
});
export const SnapshotStatusEnum = builder.enumType("SnapshotStatus", {
  values: ["PROGRESSING", "ACCOMPLISHED", "FAILED"] as const,
});
export const ImageStatusEnum = builder.enumType("ImageStatus", {
  description:
    "WAITING: queued behind other work in the region; CANCELLED: a copy that was cancelled (image(id) still returns it; lists hide it unless the status filter names CANCELLED).",
  values: ["WAITING", "CREATING", "AVAILABLE", "CREATE_FAILED", "CANCELLED", "DEPRECATED"] as const,
});
export const ImageOwnerAliasEnum = builder.enumType("ImageOwnerAlias", {
  values: ["SYSTEM", "SELF"] as const,
});
export const ImageSourceEnum = builder.enumType("ImageSource", {
  values: ["SYSTEM", "INSTANCE", "SNAPSHOT", "COPY"] as const,
});
export const CheckResultEnum = builder.enumType("CheckResult", { values: ["PASS", "WARN", "FAIL"] as const });
