import { type GuestState, guestFromColumns } from "../domain/guest.ts";
import {
  type InstanceAction,
  instanceActionCommand,
  updateInstanceGuestStateCommand,
} from "../domain/instance-actions.ts";
import { createInstanceCommand } from "../domain/instance-creation.ts";
import { effectiveInstanceStatus, instanceStatusWhere } from "../domain/instance-status.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { builder } from "./builder.ts";
import { validUntil } from "./cache-hints.ts";
import { ArchitectureEnum, InstanceStatusEnum, OsTypeEnum } from "./enums.ts";
import { liveImageField, RegionModel } from "./model-refs.ts";
import { commandMutation } from "./mutations.ts";
import { payloadType } from "./payloads.ts";
import { accountListField, rowByIdField } from "./queries.ts";

const GuestStateRef = builder.objectRef<GuestState>("GuestState").implement({
  fields: (t) => ({
    fstabDataDiskEntries: t.exposeStringList("fstabDataDiskEntries", {
      description: "Data-disk entries in /etc/fstab (device or UUID).",
    }),
    mountedFileSystems: t.exposeStringList("mountedFileSystems", {
      description: "Mount points of data-disk file systems that are mounted now.",
    }),
    kernelUpgraded: t.exposeBoolean("kernelUpgraded", {
      description:
        "An OS or kernel upgrade that has not been rebooted into, or was done for no required reason.",
    }),
    systemDiskPartitions: t.exposeInt("systemDiskPartitions"),
    systemDiskFreeMiB: t.exposeInt("systemDiskFreeMiB"),
    modifiedSystemPaths: t.exposeStringList("modifiedSystemPaths", {
      description: "Which of /sbin, /bin, /lib were modified.",
    }),
    rootUsername: t.exposeString("rootUsername"),
  }),
});

export const InstanceRef = builder.prismaNode("Instance", {
  id: { field: "id" },
  // A node of another account is null to the caller.
  nullable: true,
  findUnique: (id, ctx) => ({ id, accountId: ctx.account.id }),
  fields: (t) => ({
    name: t.exposeString("name"),
    region: t.field({
      type: RegionModel,
      resolve: (instance, _args, ctx) => ctx.loaders.region(instance.regionId),
    }),
    status: t.field({
      type: InstanceStatusEnum,
      resolve: (instance, _args, ctx) => {
        const now = ctx.clock.now();
        if (instance.status !== "RELEASED" && instance.expiresAt && instance.expiresAt > now)
          validUntil(ctx, instance.expiresAt);
        return effectiveInstanceStatus(instance, now);
      },
    }),
    osType: t.expose("osType", { type: OsTypeEnum }),
    platform: t.exposeString("platform"),
    architecture: t.expose("architecture", { type: ArchitectureEnum }),
    image: t.field(
      liveImageField("image", "The image the instance was created from (null once that image is deleted)."),
    ),
    disks: t.relation("disks", {
      description: "System disk first, then data disks ordered by device.",
      query: { orderBy: { device: "asc" } },
    }),
    imageInProgress: t.relation("lockedByImage", {
      nullable: true,
      description:
        "The image being created from this instance right now, if any. While set, status changes are refused.",
    }),
    guest: t.field({
      type: GuestStateRef,
      description: "What the guest OS last reported; the Linux pre-checks of createCustomImage read it.",
      resolve: (instance) => guestFromColumns(instance),
    }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    releasedAt: t.expose("releasedAt", { type: "DateTime", nullable: true }),
  }),
});

export const InstanceConnectionRef = builder.connectionObject({
  type: InstanceRef,
  name: "InstanceConnection",
});

const InstanceFilter = builder.inputType("InstanceFilter", {
  fields: (t) => ({
    regionId: t.id(),
    status: t.field({ type: [InstanceStatusEnum] }),
  }),
});

builder.queryFields((t) => ({
  instance: rowByIdField(t, "Instance"),
  instances: accountListField(t, {
    type: InstanceConnectionRef,
    description: "Newest first. first defaults to 20; more than 100 is a GraphQL error.",
    filter: InstanceFilter,
    model: (ctx) => ctx.prisma.instance,
    where: (filter, ctx): Prisma.InstanceWhereInput | null => {
      // An empty status list matches nothing (Prisma would drop the empty OR it makes).
      if (filter?.status?.length === 0) return null;
      // Which instances are EXPIRED changes with the clock alone, at instants no row here shows.
      if (filter?.status) validUntil(ctx, null);
      return {
        ...(filter?.regionId ? { regionId: filter.regionId } : {}),
        ...(filter?.status ? instanceStatusWhere(filter.status, ctx.clock.now()) : {}),
      };
    },
  }),
}));

const GuestStateInput = builder.inputType("GuestStateInput", {
  fields: (t) => ({
    fstabDataDiskEntries: t.stringList(),
    mountedFileSystems: t.stringList(),
    kernelUpgraded: t.boolean(),
    systemDiskPartitions: t.int(),
    systemDiskFreeMiB: t.int(),
    modifiedSystemPaths: t.stringList(),
    rootUsername: t.string(),
  }),
});

const DataDiskInput = builder.inputType("DataDiskInput", {
  fields: (t) => ({
    sizeGiB: t.int({ required: true }),
    device: t.string({ description: "Defaults to the next free of /dev/vdb../dev/vdz." }),
  }),
});

const CreateInstanceInput = builder.inputType("CreateInstanceInput", {
  fields: (t) => ({
    regionId: t.id({ required: true }),
    name: t.string({ required: true }),
    imageId: t.id({
      required: true,
      description:
        "A SYSTEM image or an AVAILABLE/DEPRECATED custom image of the same region. Each of a custom image's data-disk snapshots becomes a data disk on the same device, at least the snapshot's size.",
    }),
    systemDiskSizeGiB: t.int({ description: "Defaults to the image's sizeGiB; may not be smaller." }),
    dataDisks: t.field({ type: [DataDiskInput], description: "At most 16 data disks in all." }),
    start: t.boolean({ defaultValue: true, description: "false creates it STOPPED." }),
    expiresAt: t.field({
      type: "DateTime",
      description: "A subscription instance: it becomes EXPIRED at this time.",
    }),
    guest: t.field({ type: GuestStateInput }),
    clientToken: t.string(),
  }),
});

const InstanceActionInput = builder.inputType("InstanceActionInput", {
  fields: (t) => ({
    instanceId: t.id({ required: true }),
    force: t.boolean({
      defaultValue: false,
      description:
        "Change the status even while an image is being created from the instance: that image then ends CREATE_FAILED.",
    }),
  }),
});

const UpdateInstanceGuestStateInput = builder.inputType("UpdateInstanceGuestStateInput", {
  fields: (t) => ({
    instanceId: t.id({ required: true }),
    guest: t.field({ type: GuestStateInput, required: true }),
  }),
});

const CreateInstancePayload = payloadType("CreateInstancePayload", { instance: "Instance" });
const InstancePayload = payloadType("InstancePayload", { instance: "Instance" });

function actionMutation(action: InstanceAction, description?: string) {
  commandMutation(`${action}Instance`, {
    description,
    input: InstanceActionInput,
    payload: InstancePayload,
    command: instanceActionCommand(action),
    toPayload: (instance) => ({ instanceId: instance.id }),
  });
}

actionMutation("start");
actionMutation("stop");
actionMutation("reboot");
actionMutation("release", "Releases the instance and its disks; its snapshots stay.");

commandMutation("createInstance", {
  input: CreateInstanceInput,
  payload: CreateInstancePayload,
  command: createInstanceCommand,
  toPayload: (instanceId) => ({ instanceId }),
});

commandMutation("updateInstanceGuestState", {
  input: UpdateInstanceGuestStateInput,
  payload: InstancePayload,
  command: updateInstanceGuestStateCommand,
  toPayload: (instance) => ({ instanceId: instance.id }),
});
