import { isImageInFlight } from "../../domain/image-status.ts";
import {
  imagesOfferedIn,
  imagesVisibleTo,
  imageVisibleTo,
  visibleImagesNameContaining,
} from "../../domain/lookup.ts";
import type { ImageCheckResult } from "../../domain/prechecks.ts";
import { imageProgress, type Progress } from "../../domain/progress.ts";
import type { Observed } from "../../events/progress.ts";
import type { Image, Prisma, Snapshot } from "../../generated/prisma/client.ts";
import { builder } from "../builder.ts";
import { validUntil } from "../cache-hints.ts";
import type { GraphQLContext } from "../context.ts";
import {
  ArchitectureEnum,
  CheckResultEnum,
  DiskTypeEnum,
  ImageOwnerAliasEnum,
  ImageSourceEnum,
  ImageStatusEnum,
  OsTypeEnum,
} from "../enums.ts";
import { InstanceConnectionRef } from "../instance.ts";
import { liveImageField, RegionModel, SnapshotModel } from "../model-refs.ts";
import { inIdOrder } from "../node.ts";
import { callersRelationPage, listConnection } from "../pagination.ts";
import { rowByIdField } from "../queries.ts";
import { observedAt } from "../snapshot.ts";

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

builder.prismaObject("ImageDiskMapping", {
  fields: (t) => ({
    device: t.exposeString("device"),
    type: t.expose("type", { type: DiskTypeEnum }),
    sizeGiB: t.exposeInt("sizeGiB"),
    snapshot: t.field({
      type: SnapshotModel,
      nullable: true,
      resolve: (mapping, _args, ctx) => ctx.loaders.mappingSnapshot(mapping),
    }),
  }),
});

export const ImageCheckRef = builder.objectRef<ImageCheckResult>("ImageCheck").implement({
  fields: (t) => ({
    item: t.field({ type: ImageCheckItemEnum, resolve: (check) => check.item }),
    result: t.expose("result", { type: CheckResultEnum }),
    message: t.exposeString("message"),
  }),
});

type ProgressSource = Prisma.ImageGetPayload<object> & Observed<{ snapshots?: Snapshot[] }>;

/**
 * Finished images are complete whatever their snapshots did since; others derive it from their
 * snapshots: carried by the row in progress events, else batch-loaded for the whole page.
 */
export async function imageProgressOf(image: ProgressSource, ctx: GraphQLContext): Promise<Progress> {
  if (image.status === "AVAILABLE" || image.status === "DEPRECATED")
    return { progress: 100, remainingSeconds: null };
  const snapshots = image.snapshots ?? (await ctx.loaders.imageSnapshots.load(image.id));
  if (snapshots.some((snapshot) => snapshot.status === "PROGRESSING")) validUntil(ctx, null);
  const progress = imageProgress(ctx.storage, snapshots, observedAt(image, ctx));
  return isImageInFlight(image.status) ? progress : { progress: progress.progress, remainingSeconds: null };
}

export const ImageRef = builder.prismaObject("Image", {
  fields: (t) => ({
    name: t.exposeString("name"),
    description: t.exposeString("description", { nullable: true }),
    region: t.field({
      type: RegionModel,
      nullable: true,
      description: "Null for SYSTEM images, which every region offers.",
      resolve: (image, _args, ctx) => (image.regionId ? ctx.loaders.region(image.regionId) : null),
    }),
    status: t.expose("status", { type: ImageStatusEnum }),
    progress: t.int({
      description: "0 to 100: the snapshots' progress, weighted by their size.",
      resolve: async (image, _args, ctx) => (await imageProgressOf(image, ctx)).progress,
    }),
    remainingSeconds: t.int({
      nullable: true,
      resolve: async (image, _args, ctx) => (await imageProgressOf(image, ctx)).remainingSeconds,
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
    sourceImage: t.field(liveImageField("sourceImage", "For copies: the image and region copied from.")),
    sourceRegion: t.relation("sourceRegion", { nullable: true }),
    checks: t.field({
      type: [ImageCheckRef],
      description:
        "Every Linux pre-check run when the image was created, PASS included (empty for SYSTEM images, Windows images and images made from snapshots).",
      select: { checks: { orderBy: { position: "asc" } } },
      resolve: (image) =>
        image.checks.map((check) => ({ ...check, item: check.item as ImageCheckResult["item"] })),
    }),
    instances: t.field({
      type: InstanceConnectionRef,
      description: "Instances created from this image.",
      args: { first: t.arg.int(), after: t.arg.string() },
      ...callersRelationPage("instances"),
    }),
    failureReason: t.exposeString("failureReason", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    availableAt: t.expose("availableAt", { type: "DateTime", nullable: true }),
  }),
});

// Not a prismaNode: Prisma batches findUniques into one statement only when their filters are plain
// equalities, and visibility is an OR.
builder.nodeRef(ImageRef, {
  id: { resolve: (image: Image) => image.id },
  loadMany: async (ids, ctx) =>
    inIdOrder(
      ids,
      await ctx.prisma.image.findMany({ where: { id: { in: ids }, ...imagesVisibleTo(ctx.account.id) } }),
    ),
});

export const ImageConnectionRef = builder.connectionObject({ type: ImageRef, name: "ImageConnection" });

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
export async function imageListWhere(
  ctx: GraphQLContext,
  filter: ImageFilterShape | null | undefined,
): Promise<Prisma.ImageWhereInput> {
  const accountId = ctx.account.id;
  const and: Prisma.ImageWhereInput[] = [imagesVisibleTo(accountId)];
  if (filter?.regionId) and.push(imagesOfferedIn(filter.regionId));
  and.push(filter?.status ? { status: { in: filter.status } } : { status: { not: "CANCELLED" } });
  if (filter?.ownerAlias) and.push({ ownerAlias: { in: filter.ownerAlias } });
  if (filter?.nameContains)
    and.push(await visibleImagesNameContaining(ctx.prisma, accountId, filter.nameContains));
  if (filter?.sourceInstanceId) and.push({ sourceInstanceId: filter.sourceInstanceId });
  return { AND: and };
}

builder.queryFields((t) => ({
  image: rowByIdField(t, "Image", imageVisibleTo),
  images: t.field({
    type: ImageConnectionRef,
    description:
      "Newest first; the viewer's own images plus SYSTEM images. No status filter means every status.",
    args: { first: t.arg.int(), after: t.arg.string(), filter: t.arg({ type: ImageFilter }) },
    resolve: async (_root, args, ctx, info) => {
      const where = await imageListWhere(ctx, args.filter);
      return listConnection(ctx, info, args, ctx.prisma.image, where);
    },
  }),
}));
