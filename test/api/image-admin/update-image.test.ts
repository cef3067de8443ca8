import { describe, expect, it } from "../../support/test.ts";
import {
  app,
  availableImage,
  copyImage,
  creatingImage,
  deleteImage,
  diskLayout,
  expectRefused,
  freshAppPerTest,
  HANGZHOU,
  LINUX,
  listImageIds,
  readImage,
  SHANGHAI,
  snapshotOn,
  state,
  tick,
  updateImage,
  vm,
} from "./helpers.ts";

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
