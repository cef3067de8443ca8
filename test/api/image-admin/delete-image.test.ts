import { gqlData } from "../../support/client.ts";
import { CancelCopyImageDocument } from "../../support/documents/copies.ts";
import { ReleaseInstanceDocument, StopInstanceDocument } from "../../support/documents/instances.ts";
import { DeleteSnapshotDocument } from "../../support/documents/snapshots.ts";
import { describe, expect, it } from "../../support/test.ts";
import * as admin from "./helpers.ts";

/** deleteImage refuses the image (INCORRECT_IMAGE_STATUS), with force and without, and changes nothing. */
async function expectNotDeletable(imageId: string): Promise<void> {
  const before = await admin.state();
  for (const force of [false, true]) {
    const refused = await admin.deleteImage({ imageId, force });
    expect(refused.deletedImageId).toBeNull();
    admin.expectRefused(refused.userErrors, "INCORRECT_IMAGE_STATUS", ["input", "imageId"]);
  }
  expect(await admin.state()).toEqual(before);
}

describe("deleteImage", () => {
  admin.freshAppPerTest();

  it("is refused with IMAGE_IN_USE while instances created from it are not released; the message counts them and mentions force", async () => {
    const image = await admin.availableImage("busy");
    const running = await admin.vm({ imageId: image.id });
    const stopped = await admin.vm({ imageId: image.id });
    const released = await admin.vm({ imageId: image.id });
    await gqlData(admin.app.origin, StopInstanceDocument, { input: { instanceId: stopped.id } });
    await gqlData(admin.app.origin, ReleaseInstanceDocument, { input: { instanceId: released.id } });
    const before = await admin.state();

    const refused = await admin.deleteImage({ imageId: image.id });
    expect(refused.deletedImageId).toBeNull();
    const error = admin.expectRefused(refused.userErrors, "IMAGE_IN_USE", ["input", "imageId"]);
    expect(error.message).toMatch(/\b2 instance/);
    expect(error.message).toContain("force");
    expect(await admin.state()).toEqual(before);
    expect((await admin.readImage(image.id)).image?.status).toBe("AVAILABLE");
    expect((await admin.readInstance(running.id))?.image?.id).toBe(image.id);
  });

  it("with force: true deletes an image in use; its instances keep running and show image: null", async () => {
    const image = await admin.availableImage("forced");
    const instance = await admin.vm({ imageId: image.id, dataDisks: [{ sizeGiB: 30 }] });
    const deleted = await admin.deleteImage({ imageId: image.id, force: true });
    expect(deleted).toEqual({ deletedImageId: image.id, userErrors: [] });
    expect((await admin.readImage(image.id)).image).toBeNull();
    const after = await admin.readInstance(instance.id);
    expect(after).toMatchObject({ id: instance.id, status: "RUNNING", image: null });
    expect(after?.disks).toEqual(instance.disks);
  });

  it("after the instances created from it are released, deletes without force", async () => {
    const image = await admin.availableImage("retired");
    const first = await admin.vm({ imageId: image.id });
    const second = await admin.vm({ imageId: image.id });
    admin.expectRefused((await admin.deleteImage({ imageId: image.id })).userErrors, "IMAGE_IN_USE", [
      "input",
      "imageId",
    ]);
    for (const instance of [first, second]) {
      const released = await gqlData(admin.app.origin, ReleaseInstanceDocument, {
        input: { instanceId: instance.id },
      });
      expect(released.releaseInstance.userErrors).toEqual([]);
    }
    const deleted = await admin.deleteImage({ imageId: image.id });
    expect(deleted).toEqual({ deletedImageId: image.id, userErrors: [] });
    expect((await admin.readInstance(first.id))?.image).toBeNull();
  });

  it("is refused with IMAGE_COPYING while a copy of it is CREATING or WAITING", async () => {
    const creatingSource = await admin.availableImage("copied-a");
    const waitingSource = await admin.availableImage("copied-b");
    const copiesOfA: string[] = [];
    for (let i = 0; i < 5; i++) {
      const copied = await admin.copyImage({
        imageId: creatingSource.id,
        destinationRegionId: admin.SHANGHAI,
        name: `copied-a-${i}`,
      });
      expect(copied.image?.status).toBe("CREATING");
      copiesOfA.push(copied.image!.id);
    }
    const copyOfB = await admin.copyImage({ imageId: waitingSource.id, destinationRegionId: admin.SHANGHAI });
    expect(copyOfB.image?.status).toBe("WAITING");
    const before = await admin.state();

    for (const force of [false, true]) {
      const refusedA = await admin.deleteImage({ imageId: creatingSource.id, force });
      expect(refusedA.deletedImageId).toBeNull();
      const errorA = admin.expectRefused(refusedA.userErrors, "IMAGE_COPYING", ["input", "imageId"]);
      expect(copiesOfA.some((id) => errorA.message.includes(id))).toBe(true);
      const refusedB = await admin.deleteImage({ imageId: waitingSource.id, force });
      expect(refusedB.deletedImageId).toBeNull();
      const errorB = admin.expectRefused(refusedB.userErrors, "IMAGE_COPYING", ["input", "imageId"]);
      expect(errorB.message).toContain(copyOfB.image!.id);
    }
    expect(await admin.state()).toEqual(before);

    // Once the waiting copy is cancelled, its source deletes.
    const cancelled = await gqlData(admin.app.origin, CancelCopyImageDocument, {
      input: { imageId: copyOfB.image!.id },
    });
    expect(cancelled.cancelCopyImage.image?.status).toBe("CANCELLED");
    expect(await admin.deleteImage({ imageId: waitingSource.id })).toEqual({
      deletedImageId: waitingSource.id,
      userErrors: [],
    });

    // Once the running copies are AVAILABLE (100 GiB at 4 GiB/s), theirs does too; the copies stay.
    await admin.tick(26_000);
    expect(await admin.deleteImage({ imageId: creatingSource.id })).toEqual({
      deletedImageId: creatingSource.id,
      userErrors: [],
    });
    for (const id of copiesOfA) {
      expect((await admin.readImage(id)).image).toMatchObject({ status: "AVAILABLE", sourceImage: null });
    }
  });

  it("SYSTEM images cannot be deleted", async () => {
    await expectNotDeletable(admin.LINUX);
    expect((await admin.readImage(admin.LINUX)).image).toMatchObject({
      ownerAlias: "SYSTEM",
      status: "AVAILABLE",
    });
    expect(await admin.listImageIds({ regionId: admin.HANGZHOU })).toContain(admin.LINUX);
  });

  it("an image still CREATING cannot be deleted: INCORRECT_IMAGE_STATUS", async () => {
    const { image } = await admin.creatingImage("unfinished");
    await expectNotDeletable(image.id);
    await admin.tick(13_000);
    expect((await admin.readImage(image.id)).image?.status).toBe("AVAILABLE");
    expect((await admin.deleteImage({ imageId: image.id })).deletedImageId).toBe(image.id);
  });

  it("a deleted image is gone from image, node and the lists, and its name is free again in that region", async () => {
    const image = await admin.availableImage("gone");
    const kept = await admin.availableImage("kept");
    const shown = await admin.readImage(image.id);
    expect(shown.node).toEqual({ __typename: "Image", id: image.id });
    const totalBefore = (await admin.imagesQuery(null)).images.totalCount;
    expect(await admin.listImageIds({ nameContains: "gone" })).toEqual([image.id]);

    expect(await admin.deleteImage({ imageId: image.id })).toEqual({
      deletedImageId: image.id,
      userErrors: [],
    });

    expect(await admin.readImage(image.id)).toEqual({ image: null, node: null });
    const all = await admin.imagesQuery(null);
    expect(all.images.totalCount).toBe(totalBefore - 1);
    expect(all.images.edges.map((e) => e.node.id)).not.toContain(image.id);
    expect(all.images.edges.map((e) => e.node.id)).toContain(kept.id);
    expect(await admin.listImageIds({ nameContains: "gone" })).toEqual([]);
    expect(await admin.listImageIds({ regionId: admin.HANGZHOU })).not.toContain(image.id);
    expect(
      await admin.listImageIds({
        status: ["WAITING", "CREATING", "AVAILABLE", "CREATE_FAILED", "CANCELLED", "DEPRECATED"],
      }),
    ).not.toContain(image.id);

    // Nothing else finds it either.
    admin.expectRefused((await admin.deleteImage({ imageId: image.id })).userErrors, "NOT_FOUND", [
      "input",
      "imageId",
    ]);
    admin.expectRefused(
      (await admin.updateImage({ imageId: image.id, name: "back" })).userErrors,
      "NOT_FOUND",
      ["input", "imageId"],
    );
    admin.expectRefused(
      (await admin.copyImage({ imageId: image.id, destinationRegionId: admin.SHANGHAI })).userErrors,
      "NOT_FOUND",
      ["input", "imageId"],
    );
    admin.expectRefused((await admin.createInstance({ imageId: image.id })).userErrors, "NOT_FOUND", [
      "input",
      "imageId",
    ]);

    // The name is free again in that region, for a new image and for a rename.
    const reborn = await admin.availableImage("gone");
    expect(reborn.id).not.toBe(image.id);
    expect(await admin.deleteImage({ imageId: reborn.id })).toEqual({
      deletedImageId: reborn.id,
      userErrors: [],
    });
    const renamed = await admin.updateImage({ imageId: kept.id, name: "gone" });
    expect(renamed.userErrors).toEqual([]);
    expect(renamed.image?.name).toBe("gone");
  });

  it("a deleted image's snapshots stay and are then free to delete (SNAPSHOT_IN_USE before)", async () => {
    const image = await admin.availableImage("snapped");
    const owned = await admin.snapshotsOfImage(image.id);
    expect(owned.totalCount).toBe(3);
    const ids = owned.edges.map((e) => e.node.id).sort();
    expect(ids).toEqual(image.diskMappings.map((m) => m.snapshot!.id).sort());
    expect(owned.edges.every((e) => e.node.image?.id === image.id)).toBe(true);

    const before = await admin.state();
    for (const snapshotId of ids) {
      const refused = await gqlData(admin.app.origin, DeleteSnapshotDocument, { input: { snapshotId } });
      expect(refused.deleteSnapshot.deletedSnapshotId).toBeNull();
      const error = admin.expectRefused(refused.deleteSnapshot.userErrors, "SNAPSHOT_IN_USE", [
        "input",
        "snapshotId",
      ]);
      expect(error.message).toContain(image.id);
    }
    expect(await admin.state()).toEqual(before);

    expect((await admin.deleteImage({ imageId: image.id })).deletedImageId).toBe(image.id);
    const left = await admin.snapshotsOfImage(image.id);
    expect(left.edges.map((e) => e.node.id).sort()).toEqual(ids);
    expect(left.edges.map((e) => [e.node.status, e.node.image])).toEqual([
      ["ACCOMPLISHED", null],
      ["ACCOMPLISHED", null],
      ["ACCOMPLISHED", null],
    ]);

    for (const snapshotId of ids) {
      const deleted = await gqlData(admin.app.origin, DeleteSnapshotDocument, { input: { snapshotId } });
      expect(deleted.deleteSnapshot).toEqual({ deletedSnapshotId: snapshotId, userErrors: [] });
    }
    expect((await admin.snapshotsOfImage(image.id)).totalCount).toBe(0);
  });
});
