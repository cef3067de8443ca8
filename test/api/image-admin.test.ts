import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type App, startApp } from "../../src/server/app.ts";
import type {
  CopyImageInput,
  CreateInstanceInput,
  DataDiskInput,
  DeleteImageInput,
  ImageFilter,
  UpdateImageInput,
} from "../generated/graphql.ts";
import { DEMO_KEY, startTestApp, type TestApp, testConfig } from "../support/app.ts";
import { gqlData } from "../support/client.ts";
import { advanceAndStep, ManualClock } from "../support/clock.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { ResourcesDocument } from "../support/documents/account.ts";
import { CancelCopyImageDocument, CopyImageDocument } from "../support/documents/copies.ts";
import {
  CreateCustomImageDocument,
  DeleteImageDocument,
  ImageDocument,
  ImagesDocument,
  UpdateImageDocument,
} from "../support/documents/images.ts";
import {
  CreateInstanceDocument,
  InstanceDocument,
  ReleaseInstanceDocument,
  StopInstanceDocument,
} from "../support/documents/instances.ts";
import {
  CreateSnapshotDocument,
  DeleteSnapshotDocument,
  SnapshotsDocument,
} from "../support/documents/snapshots.ts";
import { newInstance } from "../support/fixtures.ts";

const LINUX = "ubuntu_22_04_x64_20G_alibase";
const ARM = "ubuntu_22_04_arm64_20G_alibase";
const WINDOWS = "win2022_datacenter_x64_40G_alibase";
const HANGZHOU = "cn-hangzhou";
const SHANGHAI = "cn-shanghai";
const BEIJING = "cn-beijing";
/** The source instance of most images: data disks on /dev/vdb (40 GiB) and /dev/vdd (100 GiB). */
const STANDARD_DISKS: DataDiskInput[] = [{ sizeGiB: 40 }, { sizeGiB: 100, device: "/dev/vdd" }];
/** Progress moves only when a test calls tick(); snapshots at 8 GiB/s, copies at 4 GiB/s. */
const RATES = { progressIntervalMs: 3_600_000, snapshotGibPerSecond: 8, copyGibPerSecond: 4 };

const clock = new ManualClock();
let app: TestApp;

/** Every test of these suites gets a server with a database of its own. */
function freshAppPerTest(): void {
  beforeEach(async () => {
    app = await startTestApp({ clock, config: RATES });
  });
  afterEach(async () => {
    await app.close();
  });
}

const tick = (ms: number, target: App = app) => advanceAndStep(target, clock, ms);

interface UserErrorShape {
  code: string;
  field?: string[] | null;
  message: string;
}

/** Exactly one userError, with this code and field path. */
function expectRefused(userErrors: UserErrorShape[], code: string, field: string[]): UserErrorShape {
  expect(userErrors).toEqual([{ code, field, message: expect.any(String) }]);
  return userErrors[0]!;
}

// ------------------------------------------------------------------------------------- helpers

let counter = 0;

interface InstanceOptions {
  key?: string;
  origin?: string;
  regionId?: string;
  imageId?: string;
  systemDiskSizeGiB?: number;
  dataDisks?: DataDiskInput[];
}

async function createInstance(input: Partial<CreateInstanceInput>, key = DEMO_KEY, origin = app.origin) {
  counter += 1;
  const data = await gqlData(
    origin,
    CreateInstanceDocument,
    { input: { regionId: HANGZHOU, name: `admin-vm-${counter}`, imageId: LINUX, ...input } },
    key,
  );
  return data.createInstance;
}

function vm({ key, origin, ...input }: InstanceOptions = {}) {
  return newInstance(origin ?? app.origin, input, key);
}

interface ImageOptions extends InstanceOptions {
  description?: string;
}

/** An image in progress from a new instance (by default in cn-hangzhou with STANDARD_DISKS). */
async function creatingImage(name: string, options: ImageOptions = {}) {
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
async function availableImage(name: string, options: ImageOptions = {}) {
  const { image } = await creatingImage(name, options);
  await tick(13_000);
  const done = await readImage(image.id, options.key);
  expect(done.image?.status).toBe("AVAILABLE");
  return done.image!;
}

async function readImage(id: string, key = DEMO_KEY, origin = app.origin) {
  return gqlData(origin, ImageDocument, { id }, key);
}

async function readInstance(id: string, key = DEMO_KEY) {
  return (await gqlData(app.origin, InstanceDocument, { id }, key)).instance;
}

async function state(key = DEMO_KEY) {
  return gqlData(app.origin, ResourcesDocument, {}, key);
}

async function updateImage(input: UpdateImageInput, key = DEMO_KEY) {
  return (await gqlData(app.origin, UpdateImageDocument, { input }, key)).updateImage;
}

async function deleteImage(input: DeleteImageInput, key = DEMO_KEY) {
  return (await gqlData(app.origin, DeleteImageDocument, { input }, key)).deleteImage;
}

async function copyImage(input: CopyImageInput, key = DEMO_KEY, origin = app.origin) {
  return (await gqlData(origin, CopyImageDocument, { input }, key)).copyImage;
}

function imagesQuery(filter: ImageFilter | null, key = DEMO_KEY) {
  return gqlData(app.origin, ImagesDocument, { first: 100, filter }, key);
}

async function listImageIds(filter: ImageFilter | null, key = DEMO_KEY) {
  return (await imagesQuery(filter, key)).images.edges.map((e) => e.node.id);
}

async function snapshotsOfImage(imageId: string) {
  return (await gqlData(app.origin, SnapshotsDocument, { first: 100, filter: { imageId } })).snapshots;
}

/** [type, device, sizeGiB, sourceSnapshotId] of each disk, system disk first. */
function diskLayout(instance: {
  disks: { type: string; device: string; sizeGiB: number; sourceSnapshot: { id: string } | null }[];
}) {
  return instance.disks.map((d) => [d.type, d.device, d.sizeGiB, d.sourceSnapshot?.id ?? null]);
}

function snapshotOn(
  image: { diskMappings: { device: string; snapshot: { id: string } | null }[] },
  device: string,
): string {
  const id = image.diskMappings.find((m) => m.device === device)?.snapshot?.id;
  expect(id).toBeDefined();
  return id!;
}

// ----------------------------------------------------------------------------------- updateImage

describe("updateImage", () => {
  freshAppPerTest();

  it("renames an image; a name breaking the rules is INVALID_IMAGE_NAME at input.name and changes nothing", async () => {
    const image = await availableImage("web");
    const before = await state();
    for (const name of [
      "9lives",
      "w",
      "w".repeat(129),
      "-web",
      "web image",
      "web/1",
      "http://web",
      "https://web",
    ]) {
      const refused = await updateImage({ imageId: image.id, name });
      expect(refused.image, name).toBeNull();
      expectRefused(refused.userErrors, "INVALID_IMAGE_NAME", ["input", "name"]);
    }
    expect(await state()).toEqual(before);

    const renamed = await updateImage({ imageId: image.id, name: "web-v2.0:blue_1" });
    expect(renamed.userErrors).toEqual([]);
    expect(renamed.image).toMatchObject({
      id: image.id,
      name: "web-v2.0:blue_1",
      description: "web description",
      status: "AVAILABLE",
      region: { id: HANGZHOU },
    });
    expect((await readImage(image.id)).image?.name).toBe("web-v2.0:blue_1");
    // Any script's letters; 128 characters is the longest name.
    expect((await updateImage({ imageId: image.id, name: "镜像-web" })).image?.name).toBe("镜像-web");
    const longest = "w".repeat(128);
    expect((await updateImage({ imageId: image.id, name: longest })).image?.name).toBe(longest);
    // The old name is free again in that region.
    const again = await availableImage("web");
    expect(again.id).not.toBe(image.id);
  });

  it("refuses a name another live image of the account has in the region: DUPLICATE_IMAGE_NAME", async () => {
    const alpha = await availableImage("alpha");
    const beta = await availableImage("beta");
    const { image: gamma } = await creatingImage("gamma");
    const before = await state();

    const refused = await updateImage({ imageId: beta.id, name: "alpha", description: "renamed" });
    expect(refused.image).toBeNull();
    const error = expectRefused(refused.userErrors, "DUPLICATE_IMAGE_NAME", ["input", "name"]);
    expect(error.message).toContain(alpha.id);
    // An image still being created holds its name too.
    const creating = await updateImage({ imageId: beta.id, name: "gamma" });
    expectRefused(creating.userErrors, "DUPLICATE_IMAGE_NAME", ["input", "name"]);
    expect(await state()).toEqual(before);
    expect((await readImage(gamma.id)).image?.name).toBe("gamma");

    // Names are compared exactly: another case is another name.
    const cased = await updateImage({ imageId: beta.id, name: "Alpha" });
    expect(cased.userErrors).toEqual([]);
    expect(cased.image?.name).toBe("Alpha");
  });

  it("renaming an image to its own name is fine", async () => {
    const image = await availableImage("same");
    const updated = await updateImage({ imageId: image.id, name: "same", description: "still the same" });
    expect(updated.userErrors).toEqual([]);
    expect(updated.image).toMatchObject({ id: image.id, name: "same", description: "still the same" });
  });

  it("the same name in another region is fine", async () => {
    const inHangzhou = await availableImage("shared");
    const inShanghai = await availableImage("local", { regionId: SHANGHAI });
    const renamed = await updateImage({ imageId: inShanghai.id, name: "shared" });
    expect(renamed.userErrors).toEqual([]);
    expect(renamed.image).toMatchObject({ name: "shared", region: { id: SHANGHAI } });
    expect((await readImage(inHangzhou.id)).image).toMatchObject({
      name: "shared",
      region: { id: HANGZHOU },
    });
  });

  it("another account's image of that name in the region is no duplicate", async () => {
    const otherKey = await app.newAccount("admin-dup-other");
    await availableImage("taken-elsewhere", { key: otherKey });
    const mine = await availableImage("mine");
    const renamed = await updateImage({ imageId: mine.id, name: "taken-elsewhere" });
    expect(renamed.userErrors).toEqual([]);
    expect(renamed.image?.name).toBe("taken-elsewhere");
  });

  it("re-describes an image; a bad description is INVALID_DESCRIPTION at input.description and changes nothing", async () => {
    const image = await availableImage("docs");
    const before = await state();
    for (const description of ["d".repeat(257), "http://example.com/readme", "HTTPS://example.com"]) {
      const refused = await updateImage({ imageId: image.id, description });
      expect(refused.image).toBeNull();
      expectRefused(refused.userErrors, "INVALID_DESCRIPTION", ["input", "description"]);
    }
    // A bad name and a bad description are both reported.
    const both = await updateImage({ imageId: image.id, name: "1docs", description: "http://x" });
    expect(both.userErrors.map((e) => [e.code, e.field]).sort()).toEqual([
      ["INVALID_DESCRIPTION", ["input", "description"]],
      ["INVALID_IMAGE_NAME", ["input", "name"]],
    ]);
    expect(await state()).toEqual(before);

    const described = await updateImage({ imageId: image.id, description: "d".repeat(256) });
    expect(described.userErrors).toEqual([]);
    expect(described.image).toMatchObject({
      name: "docs",
      description: "d".repeat(256),
      status: "AVAILABLE",
    });
  });

  it("deprecated: true moves AVAILABLE to DEPRECATED, and false moves it back", async () => {
    const image = await availableImage("legacy");
    const deprecated = await updateImage({ imageId: image.id, deprecated: true });
    expect(deprecated.userErrors).toEqual([]);
    expect(deprecated.image).toMatchObject({
      name: "legacy",
      description: "legacy description",
      status: "DEPRECATED",
      progress: 100,
    });
    expect((await readImage(image.id)).image?.status).toBe("DEPRECATED");
    expect(await listImageIds({ status: ["DEPRECATED"] })).toEqual([image.id]);
    expect(await listImageIds({ status: ["AVAILABLE"], regionId: HANGZHOU })).not.toContain(image.id);

    const restored = await updateImage({ imageId: image.id, deprecated: false });
    expect(restored.userErrors).toEqual([]);
    expect(restored.image).toMatchObject({ name: "legacy", status: "AVAILABLE" });
    expect(await listImageIds({ status: ["DEPRECATED"] })).toEqual([]);
  });

  it("deprecating an image still CREATING is INCORRECT_IMAGE_STATUS at input.deprecated", async () => {
    const { image } = await creatingImage("young");
    const before = await state();
    const refused = await updateImage({ imageId: image.id, deprecated: true, name: "young-renamed" });
    expect(refused.image).toBeNull();
    expectRefused(refused.userErrors, "INCORRECT_IMAGE_STATUS", ["input", "deprecated"]);
    expect(await state()).toEqual(before);
    expect((await readImage(image.id)).image).toMatchObject({ name: "young", status: "CREATING" });

    await tick(13_000);
    const later = await updateImage({ imageId: image.id, deprecated: true });
    expect(later.userErrors).toEqual([]);
    expect(later.image?.status).toBe("DEPRECATED");
  });

  it("un-deprecating an AVAILABLE image is INCORRECT_IMAGE_STATUS at input.deprecated", async () => {
    const image = await availableImage("fresh");
    const before = await state();
    const refused = await updateImage({ imageId: image.id, deprecated: false, name: "fresh-renamed" });
    expect(refused.image).toBeNull();
    expectRefused(refused.userErrors, "INCORRECT_IMAGE_STATUS", ["input", "deprecated"]);
    expect(await state()).toEqual(before);
    expect((await readImage(image.id)).image).toMatchObject({ name: "fresh", status: "AVAILABLE" });
  });

  it("SYSTEM images cannot be updated: a userError (INCORRECT_IMAGE_STATUS at input.imageId)", async () => {
    const system = (await readImage(LINUX)).image!;
    const before = await state();
    for (const input of [
      { imageId: LINUX, name: "my-ubuntu" },
      { imageId: LINUX, description: "mine now" },
      { imageId: LINUX, deprecated: true },
    ]) {
      const refused = await updateImage(input);
      expect(refused.image).toBeNull();
      expectRefused(refused.userErrors, "INCORRECT_IMAGE_STATUS", ["input", "imageId"]);
    }
    expect(await state()).toEqual(before);
    expect((await readImage(LINUX)).image).toEqual(system);
  });

  it("another account's image is NOT_FOUND to updateImage and deleteImage, and stays as it was", async () => {
    const otherKey = await app.newAccount("admin-other");
    const theirs = await availableImage("theirs", { key: otherKey });
    const theirState = await state(otherKey);
    const before = await state();

    for (const input of [
      { imageId: theirs.id, name: "stolen" },
      { imageId: theirs.id, deprecated: true },
    ]) {
      const refused = await updateImage(input);
      expect(refused.image).toBeNull();
      expectRefused(refused.userErrors, "NOT_FOUND", ["input", "imageId"]);
    }
    const deleted = await deleteImage({ imageId: theirs.id, force: true });
    expect(deleted.deletedImageId).toBeNull();
    expectRefused(deleted.userErrors, "NOT_FOUND", ["input", "imageId"]);

    expect(await state()).toEqual(before);
    expect(await state(otherKey)).toEqual(theirState);
    expect((await readImage(theirs.id)).image).toBeNull();
    expect((await readImage(theirs.id, otherKey)).image).toMatchObject({
      name: "theirs",
      status: "AVAILABLE",
    });
  });
});

// ------------------------------------------------------------------------------ DEPRECATED images

describe("a DEPRECATED image", () => {
  freshAppPerTest();

  it("can still create instances", async () => {
    const image = await availableImage("old");
    expect((await updateImage({ imageId: image.id, deprecated: true })).image?.status).toBe("DEPRECATED");
    const instance = await vm({ imageId: image.id });
    expect(instance).toMatchObject({ status: "RUNNING", image: { id: image.id, status: "DEPRECATED" } });
    expect(diskLayout(instance)).toEqual([
      ["SYSTEM", "/dev/vda", 20, snapshotOn(image, "/dev/vda")],
      ["DATA", "/dev/vdb", 40, snapshotOn(image, "/dev/vdb")],
      ["DATA", "/dev/vdd", 100, snapshotOn(image, "/dev/vdd")],
    ]);
  });

  it("cannot be copied: INCORRECT_IMAGE_STATUS whose message says it is DEPRECATED", async () => {
    const image = await availableImage("old-copy");
    await updateImage({ imageId: image.id, deprecated: true });
    const before = await state();
    const refused = await copyImage({ imageId: image.id, destinationRegionId: SHANGHAI });
    expect(refused.image).toBeNull();
    const error = expectRefused(refused.userErrors, "INCORRECT_IMAGE_STATUS", ["input", "imageId"]);
    expect(error.message).toContain("DEPRECATED");
    expect(await state()).toEqual(before);
    expect(await listImageIds({ regionId: SHANGHAI, nameContains: "old-copy" })).toEqual([]);

    // Made AVAILABLE again, it copies.
    await updateImage({ imageId: image.id, deprecated: false });
    const copied = await copyImage({ imageId: image.id, destinationRegionId: SHANGHAI });
    expect(copied.userErrors).toEqual([]);
    expect(copied.image).toMatchObject({ status: "CREATING", sourceImage: { id: image.id } });
  });
});

// ------------------------------------------------------------------------------------ deleteImage

describe("deleteImage", () => {
  freshAppPerTest();

  it("is refused with IMAGE_IN_USE while instances created from it are not released; the message counts them and mentions force", async () => {
    const image = await availableImage("busy");
    const running = await vm({ imageId: image.id });
    const stopped = await vm({ imageId: image.id });
    const released = await vm({ imageId: image.id });
    await gqlData(app.origin, StopInstanceDocument, { input: { instanceId: stopped.id } });
    await gqlData(app.origin, ReleaseInstanceDocument, { input: { instanceId: released.id } });
    const before = await state();

    const refused = await deleteImage({ imageId: image.id });
    expect(refused.deletedImageId).toBeNull();
    const error = expectRefused(refused.userErrors, "IMAGE_IN_USE", ["input", "imageId"]);
    expect(error.message).toMatch(/\b2 instance/);
    expect(error.message).toContain("force");
    expect(await state()).toEqual(before);
    expect((await readImage(image.id)).image?.status).toBe("AVAILABLE");
    expect((await readInstance(running.id))?.image?.id).toBe(image.id);
  });

  it("with force: true deletes an image in use; its instances keep running and show image: null", async () => {
    const image = await availableImage("forced");
    const instance = await vm({ imageId: image.id, dataDisks: [{ sizeGiB: 30 }] });
    const deleted = await deleteImage({ imageId: image.id, force: true });
    expect(deleted).toEqual({ deletedImageId: image.id, userErrors: [] });
    expect((await readImage(image.id)).image).toBeNull();
    const after = await readInstance(instance.id);
    expect(after).toMatchObject({ id: instance.id, status: "RUNNING", image: null });
    expect(after?.disks).toEqual(instance.disks);
  });

  it("after the instances created from it are released, deletes without force", async () => {
    const image = await availableImage("retired");
    const first = await vm({ imageId: image.id });
    const second = await vm({ imageId: image.id });
    expectRefused((await deleteImage({ imageId: image.id })).userErrors, "IMAGE_IN_USE", [
      "input",
      "imageId",
    ]);
    for (const instance of [first, second]) {
      const released = await gqlData(app.origin, ReleaseInstanceDocument, {
        input: { instanceId: instance.id },
      });
      expect(released.releaseInstance.userErrors).toEqual([]);
    }
    const deleted = await deleteImage({ imageId: image.id });
    expect(deleted).toEqual({ deletedImageId: image.id, userErrors: [] });
    expect((await readInstance(first.id))?.image).toBeNull();
  });

  it("is refused with IMAGE_COPYING while a copy of it is CREATING or WAITING", async () => {
    const creatingSource = await availableImage("copied-a");
    const waitingSource = await availableImage("copied-b");
    const copiesOfA: string[] = [];
    for (let i = 0; i < 5; i++) {
      const copied = await copyImage({
        imageId: creatingSource.id,
        destinationRegionId: SHANGHAI,
        name: `copied-a-${i}`,
      });
      expect(copied.image?.status).toBe("CREATING");
      copiesOfA.push(copied.image!.id);
    }
    const copyOfB = await copyImage({ imageId: waitingSource.id, destinationRegionId: SHANGHAI });
    expect(copyOfB.image?.status).toBe("WAITING");
    const before = await state();

    for (const force of [false, true]) {
      const refusedA = await deleteImage({ imageId: creatingSource.id, force });
      expect(refusedA.deletedImageId).toBeNull();
      const errorA = expectRefused(refusedA.userErrors, "IMAGE_COPYING", ["input", "imageId"]);
      expect(copiesOfA.some((id) => errorA.message.includes(id))).toBe(true);
      const refusedB = await deleteImage({ imageId: waitingSource.id, force });
      expect(refusedB.deletedImageId).toBeNull();
      const errorB = expectRefused(refusedB.userErrors, "IMAGE_COPYING", ["input", "imageId"]);
      expect(errorB.message).toContain(copyOfB.image!.id);
    }
    expect(await state()).toEqual(before);

    // Once the waiting copy is cancelled, its source deletes.
    const cancelled = await gqlData(app.origin, CancelCopyImageDocument, {
      input: { imageId: copyOfB.image!.id },
    });
    expect(cancelled.cancelCopyImage.image?.status).toBe("CANCELLED");
    expect(await deleteImage({ imageId: waitingSource.id })).toEqual({
      deletedImageId: waitingSource.id,
      userErrors: [],
    });

    // Once the running copies are AVAILABLE (100 GiB at 4 GiB/s), theirs does too; the copies stay.
    await tick(26_000);
    expect(await deleteImage({ imageId: creatingSource.id })).toEqual({
      deletedImageId: creatingSource.id,
      userErrors: [],
    });
    for (const id of copiesOfA) {
      expect((await readImage(id)).image).toMatchObject({ status: "AVAILABLE", sourceImage: null });
    }
  });

  it("SYSTEM images cannot be deleted", async () => {
    const before = await state();
    for (const force of [false, true]) {
      const refused = await deleteImage({ imageId: LINUX, force });
      expect(refused.deletedImageId).toBeNull();
      expectRefused(refused.userErrors, "INCORRECT_IMAGE_STATUS", ["input", "imageId"]);
    }
    expect(await state()).toEqual(before);
    expect((await readImage(LINUX)).image).toMatchObject({ ownerAlias: "SYSTEM", status: "AVAILABLE" });
    expect(await listImageIds({ regionId: HANGZHOU })).toContain(LINUX);
  });

  it("an image still CREATING cannot be deleted: INCORRECT_IMAGE_STATUS", async () => {
    const { image } = await creatingImage("unfinished");
    const before = await state();
    for (const force of [false, true]) {
      const refused = await deleteImage({ imageId: image.id, force });
      expect(refused.deletedImageId).toBeNull();
      expectRefused(refused.userErrors, "INCORRECT_IMAGE_STATUS", ["input", "imageId"]);
    }
    expect(await state()).toEqual(before);
    await tick(13_000);
    expect((await readImage(image.id)).image?.status).toBe("AVAILABLE");
    expect((await deleteImage({ imageId: image.id })).deletedImageId).toBe(image.id);
  });

  it("a deleted image is gone from image, node and the lists, and its name is free again in that region", async () => {
    const image = await availableImage("gone");
    const kept = await availableImage("kept");
    const shown = await readImage(image.id);
    expect(shown.node).toEqual({ __typename: "Image", id: image.id });
    const totalBefore = (await imagesQuery(null)).images.totalCount;
    expect(await listImageIds({ nameContains: "gone" })).toEqual([image.id]);

    expect(await deleteImage({ imageId: image.id })).toEqual({ deletedImageId: image.id, userErrors: [] });

    expect(await readImage(image.id)).toEqual({ image: null, node: null });
    const all = await imagesQuery(null);
    expect(all.images.totalCount).toBe(totalBefore - 1);
    expect(all.images.edges.map((e) => e.node.id)).not.toContain(image.id);
    expect(all.images.edges.map((e) => e.node.id)).toContain(kept.id);
    expect(await listImageIds({ nameContains: "gone" })).toEqual([]);
    expect(await listImageIds({ regionId: HANGZHOU })).not.toContain(image.id);
    expect(
      await listImageIds({
        status: ["WAITING", "CREATING", "AVAILABLE", "CREATE_FAILED", "CANCELLED", "DEPRECATED"],
      }),
    ).not.toContain(image.id);

    // Nothing else finds it either.
    expectRefused((await deleteImage({ imageId: image.id })).userErrors, "NOT_FOUND", ["input", "imageId"]);
    expectRefused((await updateImage({ imageId: image.id, name: "back" })).userErrors, "NOT_FOUND", [
      "input",
      "imageId",
    ]);
    expectRefused(
      (await copyImage({ imageId: image.id, destinationRegionId: SHANGHAI })).userErrors,
      "NOT_FOUND",
      ["input", "imageId"],
    );
    expectRefused((await createInstance({ imageId: image.id })).userErrors, "NOT_FOUND", [
      "input",
      "imageId",
    ]);

    // The name is free again in that region, for a new image and for a rename.
    const reborn = await availableImage("gone");
    expect(reborn.id).not.toBe(image.id);
    expect(await deleteImage({ imageId: reborn.id })).toEqual({ deletedImageId: reborn.id, userErrors: [] });
    const renamed = await updateImage({ imageId: kept.id, name: "gone" });
    expect(renamed.userErrors).toEqual([]);
    expect(renamed.image?.name).toBe("gone");
  });

  it("a deleted image's snapshots stay and are then free to delete (SNAPSHOT_IN_USE before)", async () => {
    const image = await availableImage("snapped");
    const owned = await snapshotsOfImage(image.id);
    expect(owned.totalCount).toBe(3);
    const ids = owned.edges.map((e) => e.node.id).sort();
    expect(ids).toEqual(image.diskMappings.map((m) => m.snapshot!.id).sort());
    expect(owned.edges.every((e) => e.node.image?.id === image.id)).toBe(true);

    const before = await state();
    for (const snapshotId of ids) {
      const refused = await gqlData(app.origin, DeleteSnapshotDocument, { input: { snapshotId } });
      expect(refused.deleteSnapshot.deletedSnapshotId).toBeNull();
      const error = expectRefused(refused.deleteSnapshot.userErrors, "SNAPSHOT_IN_USE", [
        "input",
        "snapshotId",
      ]);
      expect(error.message).toContain(image.id);
    }
    expect(await state()).toEqual(before);

    expect((await deleteImage({ imageId: image.id })).deletedImageId).toBe(image.id);
    const left = await snapshotsOfImage(image.id);
    expect(left.edges.map((e) => e.node.id).sort()).toEqual(ids);
    expect(left.edges.map((e) => [e.node.status, e.node.image])).toEqual([
      ["ACCOMPLISHED", null],
      ["ACCOMPLISHED", null],
      ["ACCOMPLISHED", null],
    ]);

    for (const snapshotId of ids) {
      const deleted = await gqlData(app.origin, DeleteSnapshotDocument, { input: { snapshotId } });
      expect(deleted.deleteSnapshot).toEqual({ deletedSnapshotId: snapshotId, userErrors: [] });
    }
    expect((await snapshotsOfImage(image.id)).totalCount).toBe(0);
  });
});

// ----------------------------------------------------------------- createInstance from a custom image

describe("createInstance from a custom image", () => {
  freshAppPerTest();

  it("refuses an image still CREATING: INCORRECT_IMAGE_STATUS", async () => {
    const { image } = await creatingImage("not-yet");
    const before = await state();
    const refused = await createInstance({ imageId: image.id });
    expect(refused.instance).toBeNull();
    const error = expectRefused(refused.userErrors, "INCORRECT_IMAGE_STATUS", ["input", "imageId"]);
    expect(error.message).toContain("CREATING");
    expect(await state()).toEqual(before);
  });

  it("refuses a CREATE_FAILED image: INCORRECT_IMAGE_STATUS", async () => {
    const { image, instance } = await creatingImage("abandoned");
    const stopped = await gqlData(app.origin, StopInstanceDocument, {
      input: { instanceId: instance.id, force: true },
    });
    expect(stopped.stopInstance.userErrors).toEqual([]);
    expect((await readImage(image.id)).image?.status).toBe("CREATE_FAILED");
    const before = await state();
    const refused = await createInstance({ imageId: image.id });
    expect(refused.instance).toBeNull();
    const error = expectRefused(refused.userErrors, "INCORRECT_IMAGE_STATUS", ["input", "imageId"]);
    expect(error.message).toContain("CREATE_FAILED");
    expect(await state()).toEqual(before);
  });

  it("refuses an image of another region: REGION_MISMATCH, saying to copy it first", async () => {
    const image = await availableImage("hangzhou-only");
    const before = await state();
    const refused = await createInstance({ regionId: SHANGHAI, imageId: image.id });
    expect(refused.instance).toBeNull();
    const error = expectRefused(refused.userErrors, "REGION_MISMATCH", ["input", "imageId"]);
    expect(error.message).toContain("copyImage");
    expect(error.message).toContain(SHANGHAI);
    expect(await state()).toEqual(before);
  });

  it("takes the OS type, platform and architecture from the image", async () => {
    for (const [systemImage, name] of [
      [WINDOWS, "windows-custom"],
      [ARM, "arm-custom"],
    ] as const) {
      const system = (await readImage(systemImage)).image!;
      const image = await availableImage(name, { imageId: systemImage });
      expect(image).toMatchObject({
        osType: system.osType,
        platform: system.platform,
        architecture: system.architecture,
      });
      const instance = await vm({ imageId: image.id });
      expect(instance).toMatchObject({
        osType: system.osType,
        platform: system.platform,
        architecture: system.architecture,
        image: { id: image.id },
      });
    }
    // The two differ from the default Linux x86 image in what they carry.
    expect((await readImage(WINDOWS)).image?.osType).toBe("WINDOWS");
    expect((await readImage(ARM)).image?.architecture).toBe("ARM64");
  });

  it("sizes the system disk to the image by default and refuses a smaller one: INVALID_INPUT at input.systemDiskSizeGiB", async () => {
    const image = await availableImage("big-root", { systemDiskSizeGiB: 60 });
    expect(image.sizeGiB).toBe(60);
    const systemSnapshot = snapshotOn(image, "/dev/vda");

    const byDefault = await vm({ imageId: image.id });
    expect(diskLayout(byDefault)[0]).toEqual(["SYSTEM", "/dev/vda", 60, systemSnapshot]);

    const before = await state();
    const refused = await createInstance({ imageId: image.id, systemDiskSizeGiB: 59 });
    expect(refused.instance).toBeNull();
    expectRefused(refused.userErrors, "INVALID_INPUT", ["input", "systemDiskSizeGiB"]);
    expect(await state()).toEqual(before);

    const larger = await vm({ imageId: image.id, systemDiskSizeGiB: 80 });
    expect(diskLayout(larger)[0]).toEqual(["SYSTEM", "/dev/vda", 80, systemSnapshot]);
  });

  it("makes one data disk per data-disk mapping, on the same device, from its snapshot", async () => {
    const image = await availableImage("with-data");
    expect(image.diskMappings.map((m) => [m.device, m.type, m.sizeGiB])).toEqual([
      ["/dev/vda", "SYSTEM", 20],
      ["/dev/vdb", "DATA", 40],
      ["/dev/vdd", "DATA", 100],
    ]);
    const instance = await vm({ imageId: image.id });
    expect(diskLayout(instance)).toEqual([
      ["SYSTEM", "/dev/vda", 20, snapshotOn(image, "/dev/vda")],
      ["DATA", "/dev/vdb", 40, snapshotOn(image, "/dev/vdb")],
      ["DATA", "/dev/vdd", 100, snapshotOn(image, "/dev/vdd")],
    ]);
    expect(instance.disks.every((d) => d.status === "IN_USE")).toBe(true);
  });

  it("a requested disk on a mapped device resizes it; smaller than the snapshot is INVALID_INPUT at that disk's sizeGiB", async () => {
    const image = await availableImage("resizable");
    const before = await state();
    const refused = await createInstance({
      imageId: image.id,
      dataDisks: [{ sizeGiB: 50 }, { sizeGiB: 30, device: "/dev/vdd" }],
    });
    expect(refused.instance).toBeNull();
    const error = expectRefused(refused.userErrors, "INVALID_INPUT", ["input", "dataDisks", "1", "sizeGiB"]);
    expect(error.message).toContain("100");
    expect(await state()).toEqual(before);

    const resized = await vm({
      imageId: image.id,
      dataDisks: [
        { sizeGiB: 150, device: "/dev/vdd" },
        { sizeGiB: 40, device: "/dev/vdb" },
      ],
    });
    expect(diskLayout(resized)).toEqual([
      ["SYSTEM", "/dev/vda", 20, snapshotOn(image, "/dev/vda")],
      ["DATA", "/dev/vdb", 40, snapshotOn(image, "/dev/vdb")],
      ["DATA", "/dev/vdd", 150, snapshotOn(image, "/dev/vdd")],
    ]);
  });

  it("puts extra requested data disks on free devices", async () => {
    const image = await availableImage("extended");
    const instance = await vm({
      imageId: image.id,
      dataDisks: [{ sizeGiB: 20 }, { sizeGiB: 30 }, { sizeGiB: 25, device: "/dev/vdz" }],
    });
    expect(diskLayout(instance)).toEqual([
      ["SYSTEM", "/dev/vda", 20, snapshotOn(image, "/dev/vda")],
      ["DATA", "/dev/vdb", 40, snapshotOn(image, "/dev/vdb")],
      ["DATA", "/dev/vdc", 20, null],
      ["DATA", "/dev/vdd", 100, snapshotOn(image, "/dev/vdd")],
      ["DATA", "/dev/vde", 30, null],
      ["DATA", "/dev/vdz", 25, null],
    ]);
  });

  it("refuses more than 16 data disks in all, counting the image's: INVALID_INPUT at input.dataDisks", async () => {
    const image = await availableImage("crowded");
    const extra = (n: number): DataDiskInput[] => Array.from({ length: n }, () => ({ sizeGiB: 20 }));
    const before = await state();
    for (const dataDisks of [extra(15), [{ sizeGiB: 50, device: "/dev/vdb" }, ...extra(15)]]) {
      const refused = await createInstance({ imageId: image.id, dataDisks });
      expect(refused.instance).toBeNull();
      const error = expectRefused(refused.userErrors, "INVALID_INPUT", ["input", "dataDisks"]);
      expect(error.message).toContain("16");
    }
    expect(await state()).toEqual(before);

    // 14 more plus the image's 2 is 16; a disk resizing a mapped device is not one more.
    for (const dataDisks of [extra(14), [{ sizeGiB: 50, device: "/dev/vdb" }, ...extra(14)]]) {
      const instance = await vm({ imageId: image.id, dataDisks });
      const data = instance.disks.filter((d) => d.type === "DATA");
      expect(data).toHaveLength(16);
      expect(data.filter((d) => d.sourceSnapshot).map((d) => d.device)).toEqual(["/dev/vdb", "/dev/vdd"]);
    }
  });

  it("works from an image made of snapshots after the source instance was released", async () => {
    const source = await vm({ imageId: ARM, dataDisks: STANDARD_DISKS });
    const snapshots = new Map<string, string>();
    for (const disk of source.disks) {
      const taken = await gqlData(app.origin, CreateSnapshotDocument, { input: { diskId: disk.id } });
      expect(taken.createSnapshot.userErrors).toEqual([]);
      snapshots.set(disk.device, taken.createSnapshot.snapshot!.id);
    }
    await tick(13_000);
    const released = await gqlData(app.origin, ReleaseInstanceDocument, {
      input: { instanceId: source.id },
    });
    expect(released.releaseInstance.instance?.status).toBe("RELEASED");

    const created = await gqlData(app.origin, CreateCustomImageDocument, {
      input: {
        name: "from-snapshots",
        snapshotId: snapshots.get("/dev/vda")!,
        dataDiskSnapshotIds: [snapshots.get("/dev/vdd")!, snapshots.get("/dev/vdb")!],
      },
    });
    expect(created.createCustomImage.userErrors).toEqual([]);
    const image = created.createCustomImage.image!;
    expect(image).toMatchObject({
      status: "AVAILABLE",
      source: "SNAPSHOT",
      architecture: "ARM64",
      sizeGiB: 20,
    });
    expect(image.diskMappings.map((m) => [m.device, m.type, m.sizeGiB, m.snapshot?.id])).toEqual([
      ["/dev/vda", "SYSTEM", 20, snapshots.get("/dev/vda")],
      ["/dev/vdb", "DATA", 40, snapshots.get("/dev/vdb")],
      ["/dev/vdd", "DATA", 100, snapshots.get("/dev/vdd")],
    ]);

    const instance = await vm({
      imageId: image.id,
      dataDisks: [{ sizeGiB: 120, device: "/dev/vdd" }, { sizeGiB: 20 }],
    });
    expect(instance).toMatchObject({
      osType: "LINUX",
      platform: source.platform,
      architecture: "ARM64",
      image: { id: image.id },
    });
    expect(diskLayout(instance)).toEqual([
      ["SYSTEM", "/dev/vda", 20, snapshots.get("/dev/vda")],
      ["DATA", "/dev/vdb", 40, snapshots.get("/dev/vdb")],
      ["DATA", "/dev/vdc", 20, null],
      ["DATA", "/dev/vdd", 120, snapshots.get("/dev/vdd")],
    ]);
  });
});

// ------------------------------------------------------------------ copyImage: clientToken and quota

describe("copyImage idempotency and quota", () => {
  freshAppPerTest();

  it("a retry with the same clientToken and input returns the same copy", async () => {
    const source = await availableImage("retried");
    const input = { imageId: source.id, destinationRegionId: SHANGHAI, clientToken: "copy-retried-1" };
    const first = await copyImage(input);
    expect(first.userErrors).toEqual([]);
    const retry = await copyImage(input);
    expect(retry.userErrors).toEqual([]);
    expect(retry.image?.id).toBe(first.image!.id);
    expect(await listImageIds({ regionId: SHANGHAI, nameContains: "retried" })).toEqual([first.image!.id]);

    // Still the same copy once it has finished.
    await tick(26_000);
    const late = await copyImage(input);
    expect(late.image).toMatchObject({ id: first.image!.id, status: "AVAILABLE" });
    expect(await listImageIds({ regionId: SHANGHAI, nameContains: "retried" })).toEqual([first.image!.id]);
  });

  it("the same clientToken with other input is IDEMPOTENT_PARAMETER_MISMATCH", async () => {
    const source = await availableImage("tokened");
    const first = await copyImage({
      imageId: source.id,
      destinationRegionId: SHANGHAI,
      clientToken: "copy-tokened-1",
    });
    expect(first.userErrors).toEqual([]);
    const before = await state();
    for (const input of [
      { imageId: source.id, destinationRegionId: BEIJING, clientToken: "copy-tokened-1" },
      { imageId: source.id, destinationRegionId: SHANGHAI, name: "tokened-2", clientToken: "copy-tokened-1" },
    ]) {
      const refused = await copyImage(input);
      expect(refused.image).toBeNull();
      expectRefused(refused.userErrors, "IDEMPOTENT_PARAMETER_MISMATCH", ["input", "clientToken"]);
    }
    expect(await state()).toEqual(before);
  });

  it("QUOTA_EXCEEDED is judged in the destination region", async () => {
    const key = await app.newAccount("admin-quota-one");
    await app.prisma.account.update({ where: { name: "admin-quota-one" }, data: { imageQuotaPerRegion: 1 } });
    const source = await availableImage("quota-src", { key });

    // cn-hangzhou is full for this account, yet the copy goes to a region with room.
    const copied = await copyImage({ imageId: source.id, destinationRegionId: SHANGHAI }, key);
    expect(copied.userErrors).toEqual([]);
    expect(copied.image).toMatchObject({ region: { id: SHANGHAI }, status: "CREATING" });

    const before = await state(key);
    const refused = await copyImage(
      { imageId: source.id, destinationRegionId: SHANGHAI, name: "quota-src-2" },
      key,
    );
    expect(refused.image).toBeNull();
    const error = expectRefused(refused.userErrors, "QUOTA_EXCEEDED", ["input"]);
    expect(error.message).toContain(SHANGHAI);
    expect(await state(key)).toEqual(before);

    // Another region still has room; a cancelled copy frees its slot.
    expect((await copyImage({ imageId: source.id, destinationRegionId: BEIJING }, key)).userErrors).toEqual(
      [],
    );
    await gqlData(app.origin, CancelCopyImageDocument, { input: { imageId: copied.image!.id } }, key);
    const retried = await copyImage(
      { imageId: source.id, destinationRegionId: SHANGHAI, name: "quota-src-2" },
      key,
    );
    expect(retried.userErrors).toEqual([]);
  });
});

// ------------------------------------------------------------------ the copy queue across a restart

describe("the copy queue", () => {
  let database: TestDatabase;
  const running: App[] = [];

  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    for (const started of running.splice(0)) await started.close();
    await database.drop();
  });

  async function start(): Promise<App> {
    const config = testConfig(database.url, RATES);
    const started = await startApp(config, { skipMigrations: true, clock });
    running.push(started);
    return started;
  }

  async function stop(target: App): Promise<void> {
    running.splice(running.indexOf(target), 1);
    await target.close();
  }

  async function sourceImage(target: App, name: string, dataDisks: DataDiskInput[]) {
    const { image } = await creatingImage(name, { origin: target.origin, dataDisks });
    await tick(13_000, target);
    expect((await readImage(image.id, DEMO_KEY, target.origin)).image?.status).toBe("AVAILABLE");
    return image.id;
  }

  it("survives a restart: waiting copies still wait, then start by themselves oldest first, and all end AVAILABLE", async () => {
    const first = await start();
    // A 20 GiB image copies in 5 s at 4 GiB/s; one with a 100 GiB data disk in 25 s.
    const small = await sourceImage(first, "queue-small", []);
    const big = await sourceImage(first, "queue-big", STANDARD_DISKS);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const copied = await copyImage(
        { imageId: i === 0 ? small : big, destinationRegionId: "eu-central-1", name: `queued-${i}` },
        DEMO_KEY,
        first.origin,
      );
      expect(copied.userErrors).toEqual([]);
      expect(copied.image?.status).toBe(i < 5 ? "CREATING" : "WAITING");
      ids.push(copied.image!.id);
      clock.advance(1); // distinct arrival times
    }
    await stop(first);

    const second = await start();
    const statuses = async () =>
      Promise.all(ids.map(async (id) => (await readImage(id, DEMO_KEY, second.origin)).image?.status));
    const waiting = ["CREATING", "CREATING", "CREATING", "CREATING", "CREATING", "WAITING", "WAITING"];
    expect(await statuses()).toEqual(waiting);
    await tick(1_000, second); // nothing finished: nothing starts
    expect(await statuses()).toEqual(waiting);

    // The small copy finishes: the oldest waiting copy (the sixth) takes its slot.
    await tick(4_500, second);
    expect(await statuses()).toEqual([
      "AVAILABLE",
      "CREATING",
      "CREATING",
      "CREATING",
      "CREATING",
      "CREATING",
      "WAITING",
    ]);
    // The four big ones finish (25 s after they started): the seventh starts.
    await tick(20_000, second);
    expect(await statuses()).toEqual([
      "AVAILABLE",
      "AVAILABLE",
      "AVAILABLE",
      "AVAILABLE",
      "AVAILABLE",
      "CREATING",
      "CREATING",
    ]);
    await tick(26_000, second);
    expect(await statuses()).toEqual(Array(7).fill("AVAILABLE"));
  });
});
