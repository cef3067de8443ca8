import { snapshotProgress } from "../domain/progress.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { builder } from "./builder.ts";
import { DiskTypeEnum, SnapshotStatusEnum } from "./enums.ts";
import { DiskModel, ImageModel, SnapshotModel } from "./model-refs.ts";
import { NodeRef } from "./node.ts";
import { connectionType, listConnection } from "./pagination.ts";

export const SnapshotRef = builder.prismaObject("Snapshot", {
  interfaces: [NodeRef],
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name", { nullable: true }),
    region: t.relation("region"),
    status: t.expose("status", { type: SnapshotStatusEnum }),
    progress: t.int({
      description: "0 to 100.",
      resolve: (snapshot, _args, ctx) => snapshotProgress(snapshot, ctx.clock.now()).progress,
    }),
    remainingSeconds: t.int({
      nullable: true,
      description: "Seconds left while PROGRESSING; null otherwise.",
      resolve: (snapshot, _args, ctx) => snapshotProgress(snapshot, ctx.clock.now()).remainingSeconds,
    }),
    sourceDisk: t.field({
      type: DiskModel,
      nullable: true,
      description: "Null once the disk is released; sourceDiskId stays.",
      select: (_args, _ctx, nested) => ({ sourceDisk: nested(true) }),
      resolve: (snapshot) => (snapshot.sourceDisk.status === "RELEASED" ? null : snapshot.sourceDisk),
    }),
    sourceDiskId: t.exposeID("sourceDiskId"),
    sourceDiskType: t.expose("sourceDiskType", { type: DiskTypeEnum }),
    sourceDiskSizeGiB: t.exposeInt("sourceDiskSizeGiB"),
    device: t.exposeString("device", { description: "The disk's mount device when the snapshot was taken." }),
    image: t.field({
      type: ImageModel,
      nullable: true,
      description: "The image this snapshot belongs to, if it was made for one.",
      select: (_args, _ctx, nested) => ({ image: nested(true) }),
      resolve: (snapshot) => (snapshot.image && !snapshot.image.deletedAt ? snapshot.image : null),
    }),
    failureReason: t.exposeString("failureReason", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
  }),
});

export const SnapshotConnectionRef = connectionType("Snapshot", SnapshotRef);

const SnapshotFilter = builder.inputType("SnapshotFilter", {
  fields: (t) => ({
    regionId: t.id(),
    status: t.field({ type: [SnapshotStatusEnum] }),
    diskId: t.id(),
    instanceId: t.id(),
    imageId: t.id(),
    sourceDiskType: t.field({ type: DiskTypeEnum }),
  }),
});

builder.queryFields((t) => ({
  snapshot: t.prismaField({
    type: SnapshotModel,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.snapshot.findFirst({ ...query, where: { id: args.id, accountId: ctx.account.id } }),
  }),
  snapshots: t.field({
    type: SnapshotConnectionRef,
    args: { first: t.arg.int(), after: t.arg.string(), filter: t.arg({ type: SnapshotFilter }) },
    resolve: (_root, args, ctx, info) => {
      const filter = args.filter;
      const where: Prisma.SnapshotWhereInput = {
        accountId: ctx.account.id,
        ...(filter?.regionId ? { regionId: filter.regionId } : {}),
        ...(filter?.status ? { status: { in: filter.status } } : {}),
        ...(filter?.diskId ? { sourceDiskId: filter.diskId } : {}),
        ...(filter?.instanceId ? { sourceDisk: { instanceId: filter.instanceId } } : {}),
        ...(filter?.imageId ? { imageId: filter.imageId } : {}),
        ...(filter?.sourceDiskType ? { sourceDiskType: filter.sourceDiskType } : {}),
      };
      return listConnection(
        ctx,
        info,
        args,
        (page) => ctx.prisma.snapshot.findMany({ ...page.query, where: { AND: [where, page.after] } }),
        () => ctx.prisma.snapshot.count({ where }),
      );
    },
  }),
}));
