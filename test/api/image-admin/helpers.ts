/** What the image-administration suites (update, delete, instances from images, copies) share. */
import { expect } from "vitest";
import { ConsoleDeleteImageDocument, type DeleteImageInput } from "../../../src/console/src/gql/graphql.ts";
import type { App } from "../../../src/server/app.ts";
import type {
  CopyImageInput,
  CreateInstanceInput,
  DataDiskInput,
  ImageFilter,
  UpdateImageInput,
} from "../../generated/graphql.ts";
import { DEMO_KEY, type TestApp } from "../../support/app.ts";
import { gqlData } from "../../support/client.ts";
import { advanceAndStep, ManualClock } from "../../support/clock.ts";
import { ResourcesDocument } from "../../support/documents/account.ts";
import { CopyImageDocument } from "../../support/documents/copies.ts";
import {
  CreateCustomImageDocument,
  ImageDocument,
  ImagesDocument,
  UpdateImageDocument,
} from "../../support/documents/images.ts";
import { CreateInstanceDocument, InstanceDocument } from "../../support/documents/instances.ts";
import { SnapshotsDocument } from "../../support/documents/snapshots.ts";
import { newInstance } from "../../support/fixtures.ts";
import { beforeEach, useServer } from "../../support/test.ts";

export const LINUX = "ubuntu_22_04_x64_20G_alibase";
export const ARM = "ubuntu_22_04_arm64_20G_alibase";
export const WINDOWS = "win2022_datacenter_x64_40G_alibase";
export const HANGZHOU = "cn-hangzhou";
export const SHANGHAI = "cn-shanghai";
export const BEIJING = "cn-beijing";
/** The source instance of most images: data disks on /dev/vdb (40 GiB) and /dev/vdd (100 GiB). */
export const STANDARD_DISKS: DataDiskInput[] = [{ sizeGiB: 40 }, { sizeGiB: 100, device: "/dev/vdd" }];
/** Progress moves only when a test calls tick(); snapshots at 8 GiB/s, copies at 4 GiB/s. */
export const RATES = { progressIntervalMs: 3_600_000, snapshotGibPerSecond: 8, copyGibPerSecond: 4 };

export const clock = new ManualClock();
/** The test's server (see freshAppPerTest). */
export let app: TestApp;

// The servers of the files that import this: on `clock`, at RATES.
useServer({ clock, config: RATES });

/** Every test of these suites gets a server with a database of its own. */
export function freshAppPerTest(): void {
  beforeEach(({ freshServer }) => {
    app = freshServer;
  });
}

export const tick = (ms: number, target: App = app) => advanceAndStep(target, clock, ms);

export interface UserErrorShape {
  code: string;
  field?: string[] | null;
  message: string;
}

/** Exactly one userError, with this code and field path. */
export function expectRefused(userErrors: UserErrorShape[], code: string, field: string[]): UserErrorShape {
  expect(userErrors).toEqual([{ code, field, message: expect.any(String) }]);
  return userErrors[0]!;
}

let counter = 0;

export interface InstanceOptions {
  key?: string;
  origin?: string;
  regionId?: string;
  imageId?: string;
  systemDiskSizeGiB?: number;
  dataDisks?: DataDiskInput[];
}

export async function createInstance(
  input: Partial<CreateInstanceInput>,
  key = DEMO_KEY,
  origin = app.origin,
) {
  counter += 1;
  const data = await gqlData(
    origin,
    CreateInstanceDocument,
    { input: { regionId: HANGZHOU, name: `admin-vm-${counter}`, imageId: LINUX, ...input } },
    key,
  );
  return data.createInstance;
}

export function vm({ key, origin, ...input }: InstanceOptions = {}) {
  return newInstance(origin ?? app.origin, input, key);
}

export interface ImageOptions extends InstanceOptions {
  description?: string;
}

/** An image in progress from a new instance (by default in cn-hangzhou with STANDARD_DISKS). */
export async function creatingImage(name: string, options: ImageOptions = {}) {
  const { description, ...instanceOptions } = options;
  const instance = await vm({ ...instanceOptions, dataDisks: options.dataDisks ?? STANDARD_DISKS });
  const created = await gqlData(
    options.origin ?? app.origin,
    CreateCustomImageDocument,
    { input: { instanceId: instance.id, name, description: description ?? `${name} description` } },
    options.key ?? DEMO_KEY,
  );
  expect(created.createCustomImage.userErrors).toEqual([]);
  const image = created.createCustomImage.image!;
  expect(image.status).toBe("CREATING");
  return { image, instance };
}

/** An AVAILABLE image: its largest disk (100 GiB at 8 GiB/s) takes 12.5 s. */
export async function availableImage(name: string, options: ImageOptions = {}) {
  const { image } = await creatingImage(name, options);
  await tick(13_000);
  const done = await readImage(image.id, options.key);
  expect(done.image?.status).toBe("AVAILABLE");
  return done.image!;
}

export async function readImage(id: string, key = DEMO_KEY, origin = app.origin) {
  return gqlData(origin, ImageDocument, { id }, key);
}

export async function readInstance(id: string, key = DEMO_KEY) {
  return (await gqlData(app.origin, InstanceDocument, { id }, key)).instance;
}

export async function state(key = DEMO_KEY) {
  return gqlData(app.origin, ResourcesDocument, {}, key);
}

export async function updateImage(input: UpdateImageInput, key = DEMO_KEY) {
  return (await gqlData(app.origin, UpdateImageDocument, { input }, key)).updateImage;
}

export async function deleteImage(input: DeleteImageInput, key = DEMO_KEY) {
  return (await gqlData(app.origin, ConsoleDeleteImageDocument, { input }, key)).deleteImage;
}

export async function copyImage(input: CopyImageInput, key = DEMO_KEY, origin = app.origin) {
  return (await gqlData(origin, CopyImageDocument, { input }, key)).copyImage;
}

export function imagesQuery(filter: ImageFilter | null, key = DEMO_KEY) {
  return gqlData(app.origin, ImagesDocument, { first: 100, filter }, key);
}

export async function listImageIds(filter: ImageFilter | null, key = DEMO_KEY) {
  return (await imagesQuery(filter, key)).images.edges.map((e) => e.node.id);
}

export async function snapshotsOfImage(imageId: string) {
  return (await gqlData(app.origin, SnapshotsDocument, { first: 100, filter: { imageId } })).snapshots;
}

/** [type, device, sizeGiB, sourceSnapshotId] of each disk, system disk first. */
export function diskLayout(instance: {
  disks: { type: string; device: string; sizeGiB: number; sourceSnapshot: { id: string } | null }[];
}) {
  return instance.disks.map((d) => [d.type, d.device, d.sizeGiB, d.sourceSnapshot?.id ?? null]);
}

/**
 * Asserts an instance's disks, in order: each [type, device, GiB], made from `image`'s snapshot on
 * that device where the image maps the device, and empty (no source snapshot) where it does not.
 */
export function expectDisksFromImage(
  instance: Parameters<typeof diskLayout>[0],
  image: Parameters<typeof snapshotOn>[0],
  disks: [type: string, device: string, sizeGiB: number][],
) {
  expect(diskLayout(instance)).toEqual(
    disks.map(([type, device, sizeGiB]) => [
      type,
      device,
      sizeGiB,
      image.diskMappings.some((m) => m.device === device) ? snapshotOn(image, device) : null,
    ]),
  );
}

export function snapshotOn(
  image: { diskMappings: { device: string; snapshot: { id: string } | null }[] },
  device: string,
): string {
  const id = image.diskMappings.find((m) => m.device === device)?.snapshot?.id;
  expect(id).toBeDefined();
  return id!;
}
