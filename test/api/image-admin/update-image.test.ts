import { describe, expect, it } from "../../support/test.ts";
import * as admin from "./helpers.ts";

/**
 * updateImage refuses to set `deprecated` (INCORRECT_IMAGE_STATUS at input.deprecated), together with a
 * rename, and changes nothing: the image keeps its name and status.
 */
async function expectDeprecationRefused(
  imageId: string,
  deprecated: boolean,
  image: { name: string; status: string },
): Promise<void> {
  const before = await admin.state();
  const refused = await admin.updateImage({ imageId, deprecated, name: `${image.name}-renamed` });
  expect(refused.image).toBeNull();
  admin.expectRefused(refused.userErrors, "INCORRECT_IMAGE_STATUS", ["input", "deprecated"]);
  expect(await admin.state()).toEqual(before);
  expect((await admin.readImage(imageId)).image).toMatchObject(image);
}

describe("updateImage", () => {
  admin.freshAppPerTest();

  it("renames an image; a name breaking the rules is INVALID_IMAGE_NAME at input.name and changes nothing", async () => {
    const image = await admin.availableImage("web");
    const before = await admin.state();
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
      const refused = await admin.updateImage({ imageId: image.id, name });
      expect(refused.image, name).toBeNull();
      admin.expectRefused(refused.userErrors, "INVALID_IMAGE_NAME", ["input", "name"]);
    }
    expect(await admin.state()).toEqual(before);

    const renamed = await admin.updateImage({ imageId: image.id, name: "web-v2.0:blue_1" });
    expect(renamed.userErrors).toEqual([]);
    expect(renamed.image).toMatchObject({
      id: image.id,
      name: "web-v2.0:blue_1",
      description: "web description",
      status: "AVAILABLE",
      region: { id: admin.HANGZHOU },
    });
    expect((await admin.readImage(image.id)).image?.name).toBe("web-v2.0:blue_1");
    // Any script's letters; 128 characters is the longest name.
    expect((await admin.updateImage({ imageId: image.id, name: "镜像-web" })).image?.name).toBe("镜像-web");
    const longest = "w".repeat(128);
    expect((await admin.updateImage({ imageId: image.id, name: longest })).image?.name).toBe(longest);
    // The old name is free again in that region.
    const again = await admin.availableImage("web");
    expect(again.id).not.toBe(image.id);
  });

  it("refuses a name another live image of the account has in the region: DUPLICATE_IMAGE_NAME", async () => {
    const alpha = await admin.availableImage("alpha");
    const beta = await admin.availableImage("beta");
    const { image: gamma } = await admin.creatingImage("gamma");
    const before = await admin.state();

    const refused = await admin.updateImage({ imageId: beta.id, name: "alpha", description: "renamed" });
    expect(refused.image).toBeNull();
    const error = admin.expectRefused(refused.userErrors, "DUPLICATE_IMAGE_NAME", ["input", "name"]);
    expect(error.message).toContain(alpha.id);
    // An image still being created holds its name too.
    const creating = await admin.updateImage({ imageId: beta.id, name: "gamma" });
    admin.expectRefused(creating.userErrors, "DUPLICATE_IMAGE_NAME", ["input", "name"]);
    expect(await admin.state()).toEqual(before);
    expect((await admin.readImage(gamma.id)).image?.name).toBe("gamma");

    // Names are compared exactly: another case is another name.
    const cased = await admin.updateImage({ imageId: beta.id, name: "Alpha" });
    expect(cased.userErrors).toEqual([]);
    expect(cased.image?.name).toBe("Alpha");
  });

  it("renaming an image to its own name is fine", async () => {
    const image = await admin.availableImage("same");
    const updated = await admin.updateImage({
      imageId: image.id,
      name: "same",
      description: "still the same",
    });
    expect(updated.userErrors).toEqual([]);
    expect(updated.image).toMatchObject({ id: image.id, name: "same", description: "still the same" });
  });

  it("the same name in another region is fine", async () => {
    const inHangzhou = await admin.availableImage("shared");
    const inShanghai = await admin.availableImage("local", { regionId: admin.SHANGHAI });
    const renamed = await admin.updateImage({ imageId: inShanghai.id, name: "shared" });
    expect(renamed.userErrors).toEqual([]);
    expect(renamed.image).toMatchObject({ name: "shared", region: { id: admin.SHANGHAI } });
    expect((await admin.readImage(inHangzhou.id)).image).toMatchObject({
      name: "shared",
      region: { id: admin.HANGZHOU },
    });
  });

  it("another account's image of that name in the region is no duplicate", async () => {
    const otherKey = await admin.app.newAccount("admin-dup-other");
    await admin.availableImage("taken-elsewhere", { key: otherKey });
    const mine = await admin.availableImage("mine");
    const renamed = await admin.updateImage({ imageId: mine.id, name: "taken-elsewhere" });
    expect(renamed.userErrors).toEqual([]);
    expect(renamed.image?.name).toBe("taken-elsewhere");
  });

  it("re-describes an image; a bad description is INVALID_DESCRIPTION at input.description and changes nothing", async () => {
    const image = await admin.availableImage("docs");
    const before = await admin.state();
    for (const description of ["d".repeat(257), "http://example.com/readme", "HTTPS://example.com"]) {
      const refused = await admin.updateImage({ imageId: image.id, description });
      expect(refused.image).toBeNull();
      admin.expectRefused(refused.userErrors, "INVALID_DESCRIPTION", ["input", "description"]);
    }
    // A bad name and a bad description are both reported.
    const both = await admin.updateImage({ imageId: image.id, name: "1docs", description: "http://x" });
    expect(both.userErrors.map((e) => [e.code, e.field]).sort()).toEqual([
      ["INVALID_DESCRIPTION", ["input", "description"]],
      ["INVALID_IMAGE_NAME", ["input", "name"]],
    ]);
    expect(await admin.state()).toEqual(before);

    const described = await admin.updateImage({ imageId: image.id, description: "d".repeat(256) });
    expect(described.userErrors).toEqual([]);
    expect(described.image).toMatchObject({
      name: "docs",
      description: "d".repeat(256),
      status: "AVAILABLE",
    });
  });

  it("deprecated: true moves AVAILABLE to DEPRECATED, and false moves it back", async () => {
    const image = await admin.availableImage("legacy");
    const deprecated = await admin.updateImage({ imageId: image.id, deprecated: true });
    expect(deprecated.userErrors).toEqual([]);
    expect(deprecated.image).toMatchObject({
      name: "legacy",
      description: "legacy description",
      status: "DEPRECATED",
      progress: 100,
    });
    expect((await admin.readImage(image.id)).image?.status).toBe("DEPRECATED");
    expect(await admin.listImageIds({ status: ["DEPRECATED"] })).toEqual([image.id]);
    expect(await admin.listImageIds({ status: ["AVAILABLE"], regionId: admin.HANGZHOU })).not.toContain(
      image.id,
    );

    const restored = await admin.updateImage({ imageId: image.id, deprecated: false });
    expect(restored.userErrors).toEqual([]);
    expect(restored.image).toMatchObject({ name: "legacy", status: "AVAILABLE" });
    expect(await admin.listImageIds({ status: ["DEPRECATED"] })).toEqual([]);
  });

  it("deprecating an image still CREATING is INCORRECT_IMAGE_STATUS at input.deprecated", async () => {
    const { image } = await admin.creatingImage("young");
    await expectDeprecationRefused(image.id, true, { name: "young", status: "CREATING" });

    await admin.tick(13_000);
    const later = await admin.updateImage({ imageId: image.id, deprecated: true });
    expect(later.userErrors).toEqual([]);
    expect(later.image?.status).toBe("DEPRECATED");
  });

  it("un-deprecating an AVAILABLE image is INCORRECT_IMAGE_STATUS at input.deprecated", async () => {
    const image = await admin.availableImage("fresh");
    await expectDeprecationRefused(image.id, false, { name: "fresh", status: "AVAILABLE" });
  });

  it("SYSTEM images cannot be updated: a userError (INCORRECT_IMAGE_STATUS at input.imageId)", async () => {
    const system = (await admin.readImage(admin.LINUX)).image!;
    const before = await admin.state();
    for (const input of [
      { imageId: admin.LINUX, name: "my-ubuntu" },
      { imageId: admin.LINUX, description: "mine now" },
      { imageId: admin.LINUX, deprecated: true },
    ]) {
      const refused = await admin.updateImage(input);
      expect(refused.image).toBeNull();
      admin.expectRefused(refused.userErrors, "INCORRECT_IMAGE_STATUS", ["input", "imageId"]);
    }
    expect(await admin.state()).toEqual(before);
    expect((await admin.readImage(admin.LINUX)).image).toEqual(system);
  });

  it("another account's image is NOT_FOUND to updateImage and deleteImage, and stays as it was", async () => {
    const otherKey = await admin.app.newAccount("admin-other");
    const theirs = await admin.availableImage("theirs", { key: otherKey });
    const theirState = await admin.state(otherKey);
    const before = await admin.state();

    for (const input of [
      { imageId: theirs.id, name: "stolen" },
      { imageId: theirs.id, deprecated: true },
    ]) {
      const refused = await admin.updateImage(input);
      expect(refused.image).toBeNull();
      admin.expectRefused(refused.userErrors, "NOT_FOUND", ["input", "imageId"]);
    }
    const deleted = await admin.deleteImage({ imageId: theirs.id, force: true });
    expect(deleted.deletedImageId).toBeNull();
    admin.expectRefused(deleted.userErrors, "NOT_FOUND", ["input", "imageId"]);

    expect(await admin.state()).toEqual(before);
    expect(await admin.state(otherKey)).toEqual(theirState);
    expect((await admin.readImage(theirs.id)).image).toBeNull();
    expect((await admin.readImage(theirs.id, otherKey)).image).toMatchObject({
      name: "theirs",
      status: "AVAILABLE",
    });
  });
});

// ------------------------------------------------------------------------------ DEPRECATED images

describe("a DEPRECATED image", () => {
  admin.freshAppPerTest();

  it("can still create instances", async () => {
    const image = await admin.availableImage("old");
    expect((await admin.updateImage({ imageId: image.id, deprecated: true })).image?.status).toBe(
      "DEPRECATED",
    );
    const instance = await admin.vm({ imageId: image.id });
    expect(instance).toMatchObject({ status: "RUNNING", image: { id: image.id, status: "DEPRECATED" } });
    admin.expectDisksFromImage(instance, image, [
      ["SYSTEM", "/dev/vda", 20],
      ["DATA", "/dev/vdb", 40],
      ["DATA", "/dev/vdd", 100],
    ]);
  });

  it("cannot be copied: INCORRECT_IMAGE_STATUS whose message says it is DEPRECATED", async () => {
    const image = await admin.availableImage("old-copy");
    await admin.updateImage({ imageId: image.id, deprecated: true });
    const before = await admin.state();
    const refused = await admin.copyImage({ imageId: image.id, destinationRegionId: admin.SHANGHAI });
    expect(refused.image).toBeNull();
    const error = admin.expectRefused(refused.userErrors, "INCORRECT_IMAGE_STATUS", ["input", "imageId"]);
    expect(error.message).toContain("DEPRECATED");
    expect(await admin.state()).toEqual(before);
    expect(await admin.listImageIds({ regionId: admin.SHANGHAI, nameContains: "old-copy" })).toEqual([]);

    // Made AVAILABLE again, it copies.
    await admin.updateImage({ imageId: image.id, deprecated: false });
    const copied = await admin.copyImage({ imageId: image.id, destinationRegionId: admin.SHANGHAI });
    expect(copied.userErrors).toEqual([]);
    expect(copied.image).toMatchObject({ status: "CREATING", sourceImage: { id: image.id } });
  });
});
