import type { Prisma } from "../generated/prisma/client.ts";
import { builder } from "./builder.ts";
import { DiskStatusEnum, DiskTypeEnum } from "./enums.ts";
import { RegionModel } from "./model-refs.ts";
import { callersRelationPage } from "./pagination.ts";
import { accountListField, rowByIdField } from "./queries.ts";
import { SnapshotConnectionRef } from "./snapshot.ts";

export const DiskRef = builder.prismaNode("Disk", {
  id: { field: "id" },
  // A node of another account is null to the caller.
  nullable: true,
  findUnique: (id, ctx) => ({ id, accountId: ctx.account.id }),
  fields: (t) => ({
    type: t.expose("type", { type: DiskTypeEnum }),
    device: t.exposeString("device", {
      description: "Mount device: /dev/vda for the system disk, /dev/vdb to /dev/vdz for data disks.",
    }),
    sizeGiB: t.exposeInt("sizeGiB"),
    region: t.field({ type: RegionModel, resolve: (disk, _args, ctx) => ctx.loaders.region(disk.regionId) }),
    status: t.expose("status", { type: DiskStatusEnum }),
    instance: t.relation("instance", { nullable: true }),
    sourceSnapshot: t.relation("sourceSnapshot", {
      nullable: true,
      description: "The snapshot the disk was created from, for data disks made from a custom image.",
    }),
    snapshots: t.field({
      type: SnapshotConnectionRef,
      args: { first: t.arg.int(), after: t.arg.string() },
      ...callersRelationPage("snapshots"),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const DiskConnectionRef = builder.connectionObject({ type: DiskRef, name: "DiskConnection" });

const DiskFilter = builder.inputType("DiskFilter", {
  fields: (t) => ({
    regionId: t.id(),
    instanceId: t.id(),
    type: t.field({ type: DiskTypeEnum }),
    status: t.field({ type: [DiskStatusEnum] }),
  }),
});

builder.queryFields((t) => ({
  disk: rowByIdField(t, "Disk"),
  disks: accountListField(t, {
    type: DiskConnectionRef,
    filter: DiskFilter,
    model: (ctx) => ctx.prisma.disk,
    where: (filter): Prisma.DiskWhereInput => ({
      ...(filter?.regionId ? { regionId: filter.regionId } : {}),
      ...(filter?.instanceId ? { instanceId: filter.instanceId } : {}),
      ...(filter?.type ? { type: filter.type } : {}),
      ...(filter?.status ? { status: { in: filter.status } } : {}),
    }),
  }),
}));
