import { ownImageWhere, visibleImageWhere } from "../domain/lookup.ts";
import { imageProgress, type Progress } from "../domain/progress.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { builder } from "./builder.ts";
import type { GraphQLContext } from "./context.ts";
import {
  ArchitectureEnum,
  CheckResultEnum,
  DiskTypeEnum,
  ImageOwnerAliasEnum,
  ImageSourceEnum,
  ImageStatusEnum,
  OsTypeEnum,
} from "./enums.ts";
import { InstanceConnectionRef } from "./instance.ts";
import { ImageModel } from "./model-refs.ts";
import { NodeRef } from "./node.ts";
import { connectionType, listConnection } from "./pagination.ts";

export const ImageCheckItemEnum = builder.enumType("ImageCheckItem", {
  description: "The Linux pre-checks, with the result each gives when its condition holds (PASS otherwise).",
  values: {
    CONFIDENTIAL_DATA: { description: "Always WARN: a reminder to delete confidential data before imaging." },
    FSTAB_DATA_DISK: {
      description: "FAIL: /etc/fstab lists data disks; instances from the image could not boot.",
    },
    MOUNTED_FILE_SYSTEMS: { description: "WARN: data-disk file systems are mounted." },
    KERNEL_UPGRADED: { description: "WARN: the kernel or OS was upgraded." },
    SYSTEM_DISK_PARTITIONS: {
      description:
        "FAIL: the system disk has more than one partition (only one root partition is supported).",
    },
    SYSTEM_DISK_FREE_SPACE: { description: "FAIL: under 512 MiB free on the system disk." },
    SYSTEM_FILES_MODIFIED: { description: "WARN: /sbin, /bin or /lib were modified." },
    ROOT_USERNAME: { description: "FAIL: the root login was renamed." },
  } as const,
});

export const ImageDiskMappingRef = builder.prismaObject("ImageDiskMapping", {
  fields: (t) => ({
    device: t.exposeString("device"),
    type: t.expose("type", { type: DiskTypeEnum }),
    sizeGiB: t.exposeInt("sizeGiB"),
    snapshot: t.relation("snapshot", { nullable: true }),
  }),
});

export const ImageCheckRef = builder.prismaObject("ImageCheck", {
  fields: (t) => ({
    item: t.field({
      type: ImageCheckItemEnum,
      resolve: (check) => check.item as typeof ImageCheckItemEnum.$inferType,
    }),
    result: t.expose("result", { type: CheckResultEnum }),
    message: t.exposeString("message"),
  }),
});

const PROGRESS_COLUMNS = {
  status: true,
  sourceDiskSizeGiB: true,
  startedAt: true,
  gibPerSecond: true,
  progress: true,
} as const;

type ProgressSource = {
  status: Prisma.ImageGetPayload<object>["status"];
  snapshots: Prisma.SnapshotGetPayload<{ select: typeof PROGRESS_COLUMNS }>[];
};

/** Finished images are complete whatever their snapshots did since; others derive it from the snapshots. */
export function imageProgressOf(image: ProgressSource, ctx: GraphQLContext): Progress {
  if (image.status === "AVAILABLE" || image.status === "DEPRECATED")
    return { progress: 100, remainingSeconds: null };
  const progress = imageProgress(image.snapshots, ctx.clock.now());
  return image.status === "CREATING" || image.status === "WAITING"
    ? progress
    : { progress: progress.progress, remainingSeconds: null };
}

export const ImageRef = builder.prismaObject("Image", {
  interfaces: [NodeRef],
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    description: t.exposeString("description", { nullable: true }),
    region: t.relation("region", {
      nullable: true,
      description: "Null for SYSTEM images, which every region offers.",
    }),
    status: t.expose("status", { type: ImageStatusEnum }),
    progress: t.int({
      description: "0 to 100: the snapshots' progress, weighted by their size.",
      select: { snapshots: { select: PROGRESS_COLUMNS } },
      resolve: (image, _args, ctx) => imageProgressOf(image, ctx).progress,
    }),
    remainingSeconds: t.int({
      nullable: true,
      select: { snapshots: { select: PROGRESS_COLUMNS } },
      resolve: (image, _args, ctx) => imageProgressOf(image, ctx).remainingSeconds,
    }),
    ownerAlias: t.expose("ownerAlias", { type: ImageOwnerAliasEnum }),
    source: t.expose("source", { type: ImageSourceEnum }),
    osType: t.expose("osType", { type: OsTypeEnum }),
    platform: t.exposeString("platform"),
    architecture: t.expose("architecture", { type: ArchitectureEnum }),
    sizeGiB: t.exposeInt("sizeGiB", { description: "Size of the system disk in GiB." }),
    diskMappings: t.relation("diskMappings", {
      description: "One per disk: the system disk first, then data disks by device.",
      query: { orderBy: { device: "asc" } },
    }),
    sourceInstance: t.relation("sourceInstance", { nullable: true }),
    sourceSnapshot: t.relation("sourceSnapshot", { nullable: true }),
    sourceImage: t.field({
      type: ImageModel,
      nullable: true,
      description: "For copies: the image and region copied from.",
      select: (_args, _ctx, nested) => ({ sourceImage: nested(true) }),
      resolve: (image) => (image.sourceImage && !image.sourceImage.deletedAt ? image.sourceImage : null),
    }),
    sourceRegion: t.relation("sourceRegion", { nullable: true }),
    checks: t.relation("checks", {
      description:
        "Every Linux pre-check run when the image was created, PASS included (empty for SYSTEM images, Windows images and images made from snapshots).",
      query: { orderBy: { position: "asc" } },
    }),
    instances: t.field({
      type: InstanceConnectionRef,
      description: "Instances created from this image.",
      args: { first: t.arg.int(), after: t.arg.string() },
      resolve: (image, args, ctx, info) => {
        const where: Prisma.InstanceWhereInput = { imageId: image.id, accountId: ctx.account.id };
        return listConnection(
          ctx,
          info,
          args,
          (page) => ctx.prisma.instance.findMany({ ...page.query, where: { AND: [where, page.after] } }),
          () => ctx.prisma.instance.count({ where }),
        );
      },
    }),
    failureReason: t.exposeString("failureReason", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    availableAt: t.expose("availableAt", { type: "DateTime", nullable: true }),
  }),
});

export const ImageConnectionRef = connectionType("Image", ImageRef);

const ImageFilter = builder.inputType("ImageFilter", {
  fields: (t) => ({
    regionId: t.id(),
    status: t.field({ type: [ImageStatusEnum] }),
    ownerAlias: t.field({ type: [ImageOwnerAliasEnum] }),
    nameContains: t.string({ description: "Case-insensitive substring of the name." }),
    sourceInstanceId: t.id(),
  }),
});

type ImageFilterShape = typeof ImageFilter.$inferInput;

/** A region filter keeps SYSTEM images (every region offers them); CANCELLED copies only when asked for. */
export function imageListWhere(
  accountId: string,
  filter: ImageFilterShape | null | undefined,
): Prisma.ImageWhereInput {
  const and: Prisma.ImageWhereInput[] = [ownImageWhere(accountId)];
  if (filter?.regionId) and.push({ OR: [{ regionId: filter.regionId }, { ownerAlias: "SYSTEM" }] });
  and.push(filter?.status ? { status: { in: filter.status } } : { status: { not: "CANCELLED" } });
  if (filter?.ownerAlias) and.push({ ownerAlias: { in: filter.ownerAlias } });
  // SQLite's LIKE, which Prisma's contains uses there, ignores case.
  if (filter?.nameContains) and.push({ name: { contains: filter.nameContains } });
  if (filter?.sourceInstanceId) and.push({ sourceInstanceId: filter.sourceInstanceId });
  return { AND: and };
}

builder.queryFields((t) => ({
  image: t.prismaField({
    type: ImageModel,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.image.findFirst({ ...query, where: visibleImageWhere(ctx.account.id, args.id) }),
  }),
  images: t.field({
    type: ImageConnectionRef,
    description:
      "Newest first; the viewer's own images plus SYSTEM images. No status filter means every status.",
    args: { first: t.arg.int(), after: t.arg.string(), filter: t.arg({ type: ImageFilter }) },
    resolve: (_root, args, ctx, info) => {
      const where = imageListWhere(ctx.account.id, args.filter);
      return listConnection(
        ctx,
        info,
        args,
        (page) => ctx.prisma.image.findMany({ ...page.query, where: { AND: [where, page.after] } }),
        () => ctx.prisma.image.count({ where }),
      );
    },
  }),
}));
