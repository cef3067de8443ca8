import { snapshotProgress } from "../domain/progress.ts";
import { createSnapshotCommand, deleteSnapshotCommand } from "../domain/snapshots.ts";
import type { Observed, SnapshotEvent } from "../events/progress.ts";
import type { Prisma, Snapshot } from "../generated/prisma/client.ts";
import { builder } from "./builder.ts";
import { validUntil } from "./cache-hints.ts";
import type { GraphQLContext } from "./context.ts";
import { DiskTypeEnum, SnapshotStatusEnum } from "./enums.ts";
import { DiskModel, liveImageField, RegionModel } from "./model-refs.ts";
import { commandMutation } from "./mutations.ts";
import { type PayloadFields, payloadType } from "./payloads.ts";
import { accountListField, rowByIdField } from "./queries.ts";
import { resourceProgress } from "./streams.ts";

/** Rows carried by progress events are read as of the event, so every subscriber sees the same numbers. */
export function observedAt(row: object, ctx: GraphQLContext): Date {
  return (row as Observed<object>).observedAt ?? ctx.clock.now();
}

/** Progress as of now (or of the event carrying the row); a PROGRESSING one moves with the clock. */
function progressOf(snapshot: Snapshot, ctx: GraphQLContext) {
  if (snapshot.status === "PROGRESSING") validUntil(ctx, null);
  return snapshotProgress(ctx.storage, snapshot, observedAt(snapshot, ctx));
}

export const SnapshotRef = builder.prismaNode("Snapshot", {
  id: { field: "id" },
  // A node of another account is null to the caller.
  nullable: true,
  findUnique: (id, ctx) => ({ id, accountId: ctx.account.id }),
  fields: (t) => ({
    name: t.exposeString("name", { nullable: true }),
    region: t.field({
      type: RegionModel,
      resolve: (snapshot, _args, ctx) => ctx.loaders.region(snapshot.regionId),
    }),
    status: t.expose("status", { type: SnapshotStatusEnum }),
    progress: t.int({
      description: "0 to 100.",
      resolve: (snapshot, _args, ctx) => progressOf(snapshot, ctx).progress,
    }),
    remainingSeconds: t.int({
      nullable: true,
      description: "Seconds left while PROGRESSING; null otherwise.",
      resolve: (snapshot, _args, ctx) => progressOf(snapshot, ctx).remainingSeconds,
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
    image: t.field(liveImageField("image", "The image this snapshot belongs to, if it was made for one.")),
    failureReason: t.exposeString("failureReason", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
  }),
});

export const SnapshotConnectionRef = builder.connectionObject({
  type: SnapshotRef,
  name: "SnapshotConnection",
});

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
  snapshot: rowByIdField(t, "Snapshot"),
  snapshots: accountListField(t, {
    type: SnapshotConnectionRef,
    filter: SnapshotFilter,
    model: (ctx) => ctx.prisma.snapshot,
    where: (filter): Prisma.SnapshotWhereInput => ({
      ...(filter?.regionId ? { regionId: filter.regionId } : {}),
      ...(filter?.status ? { status: { in: filter.status } } : {}),
      ...(filter?.diskId ? { sourceDiskId: filter.diskId } : {}),
      ...(filter?.instanceId ? { sourceDisk: { instanceId: filter.instanceId } } : {}),
      ...(filter?.imageId ? { imageId: filter.imageId } : {}),
      ...(filter?.sourceDiskType ? { sourceDiskType: filter.sourceDiskType } : {}),
    }),
  }),
}));

const CreateSnapshotInput = builder.inputType("CreateSnapshotInput", {
  fields: (t) => ({
    diskId: t.id({ required: true }),
    name: t.string(),
    description: t.string(),
    clientToken: t.string(),
  }),
});

const DeleteSnapshotInput = builder.inputType("DeleteSnapshotInput", {
  fields: (t) => ({ snapshotId: t.id({ required: true }) }),
});

const CreateSnapshotPayload = payloadType("CreateSnapshotPayload", { snapshot: "Snapshot" });

const DeleteSnapshotPayload = payloadType(
  "DeleteSnapshotPayload",
  {},
  (t: PayloadFields<{ deletedSnapshotId: string }>) => ({
    deletedSnapshotId: t.exposeID("deletedSnapshotId", { nullable: true }),
  }),
);

commandMutation("createSnapshot", {
  input: CreateSnapshotInput,
  payload: CreateSnapshotPayload,
  command: createSnapshotCommand,
  toPayload: (snapshotId) => ({ snapshotId }),
});

commandMutation("deleteSnapshot", {
  input: DeleteSnapshotInput,
  payload: DeleteSnapshotPayload,
  command: deleteSnapshotCommand,
  toPayload: (snapshot) => ({ deletedSnapshotId: snapshot.id }),
});

type SnapshotStreamEvent = SnapshotEvent;

const SnapshotProgressEventRef = builder.objectRef<SnapshotStreamEvent>("SnapshotProgressEvent").implement({
  fields: (t) => ({
    sequence: t.exposeInt("sequence"),
    snapshot: t.field({ type: SnapshotRef, resolve: (e) => e.snapshot }),
    done: t.exposeBoolean("done"),
  }),
});

builder.subscriptionField("snapshotProgress", (t) =>
  t.field({
    type: SnapshotProgressEventRef,
    description:
      "The same for one snapshot: first the current state, then changes, done when ACCOMPLISHED or FAILED.",
    args: { snapshotId: t.arg.id({ required: true }) },
    subscribe: (_root, args, ctx) =>
      resourceProgress(ctx, "snapshot", args.snapshotId, {
        read: () =>
          ctx.prisma.snapshot.findFirst({ where: { id: args.snapshotId, accountId: ctx.account.id } }),
        inProgress: (snapshot) => snapshot.status === "PROGRESSING",
        first: (snapshot, { done, sequence }) => ({ snapshot, done, sequence }),
        notFound: `Snapshot "${args.snapshotId}" does not exist.`,
      }),
    resolve: (event) => event,
  }),
);
