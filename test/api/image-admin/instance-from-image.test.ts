import type { CreateInstanceInput, DataDiskInput } from "../../generated/graphql.ts";
import { gqlData } from "../../support/client.ts";
import { CreateCustomImageDocument } from "../../support/documents/images.ts";
import { ReleaseInstanceDocument, StopInstanceDocument } from "../../support/documents/instances.ts";
import { CreateSnapshotDocument } from "../../support/documents/snapshots.ts";
import { describe, expect, it } from "../../support/test.ts";
import * as admin from "./helpers.ts";

/** createInstance is refused (`code` at input.imageId, its message saying each of `says`) and changes nothing. */
async function expectNoInstance(
  input: Partial<CreateInstanceInput>,
  code: string,
  says: string[],
): Promise<void> {
  const before = await admin.state();
  const refused = await admin.createInstance(input);
  expect(refused.instance).toBeNull();
  const error = admin.expectRefused(refused.userErrors, code, ["input", "imageId"]);
  for (const text of says) expect(error.message).toContain(text);
  expect(await admin.state()).toEqual(before);
}

describe("createInstance from a custom image", () => {
  admin.freshAppPerTest();

  it("refuses an image still CREATING: INCORRECT_IMAGE_STATUS", async () => {
    const { image } = await admin.creatingImage("not-yet");
    await expectNoInstance({ imageId: image.id }, "INCORRECT_IMAGE_STATUS", ["CREATING"]);
  });

  it("refuses a CREATE_FAILED image: INCORRECT_IMAGE_STATUS", async () => {
    const { image, instance } = await admin.creatingImage("abandoned");
    const stopped = await gqlData(admin.app.origin, StopInstanceDocument, {
      input: { instanceId: instance.id, force: true },
    });
    expect(stopped.stopInstance.userErrors).toEqual([]);
    expect((await admin.readImage(image.id)).image?.status).toBe("CREATE_FAILED");
    await expectNoInstance({ imageId: image.id }, "INCORRECT_IMAGE_STATUS", ["CREATE_FAILED"]);
  });

  it("refuses an image of another region: REGION_MISMATCH, saying to copy it first", async () => {
    const image = await admin.availableImage("hangzhou-only");
    await expectNoInstance({ regionId: admin.SHANGHAI, imageId: image.id }, "REGION_MISMATCH", [
      "copyImage",
      admin.SHANGHAI,
    ]);
  });

  it("takes the OS type, platform and architecture from the image", async () => {
    for (const [systemImage, name] of [
      [admin.WINDOWS, "windows-custom"],
      [admin.ARM, "arm-custom"],
    ] as const) {
      const system = (await admin.readImage(systemImage)).image!;
      const image = await admin.availableImage(name, { imageId: systemImage });
      expect(image).toMatchObject({
        osType: system.osType,
        platform: system.platform,
        architecture: system.architecture,
      });
      const instance = await admin.vm({ imageId: image.id });
      expect(instance).toMatchObject({
        osType: system.osType,
        platform: system.platform,
        architecture: system.architecture,
        image: { id: image.id },
      });
    }
    // The two differ from the default Linux x86 image in what they carry.
    expect((await admin.readImage(admin.WINDOWS)).image?.osType).toBe("WINDOWS");
    expect((await admin.readImage(admin.ARM)).image?.architecture).toBe("ARM64");
  });

  it("sizes the system disk to the image by default and refuses a smaller one: INVALID_INPUT at input.systemDiskSizeGiB", async () => {
    const image = await admin.availableImage("big-root", { systemDiskSizeGiB: 60 });
    expect(image.sizeGiB).toBe(60);
    const systemSnapshot = admin.snapshotOn(image, "/dev/vda");

    const byDefault = await admin.vm({ imageId: image.id });
    expect(admin.diskLayout(byDefault)[0]).toEqual(["SYSTEM", "/dev/vda", 60, systemSnapshot]);

    const before = await admin.state();
    const refused = await admin.createInstance({ imageId: image.id, systemDiskSizeGiB: 59 });
    expect(refused.instance).toBeNull();
    admin.expectRefused(refused.userErrors, "INVALID_INPUT", ["input", "systemDiskSizeGiB"]);
    expect(await admin.state()).toEqual(before);

    const larger = await admin.vm({ imageId: image.id, systemDiskSizeGiB: 80 });
    expect(admin.diskLayout(larger)[0]).toEqual(["SYSTEM", "/dev/vda", 80, systemSnapshot]);
  });

  it("makes one data disk per data-disk mapping, on the same device, from its snapshot", async () => {
    const image = await admin.availableImage("with-data");
    expect(image.diskMappings.map((m) => [m.device, m.type, m.sizeGiB])).toEqual([
      ["/dev/vda", "SYSTEM", 20],
      ["/dev/vdb", "DATA", 40],
      ["/dev/vdd", "DATA", 100],
    ]);
    const instance = await admin.vm({ imageId: image.id });
    admin.expectDisksFromImage(instance, image, [
      ["SYSTEM", "/dev/vda", 20],
      ["DATA", "/dev/vdb", 40],
      ["DATA", "/dev/vdd", 100],
    ]);
    expect(instance.disks.every((d) => d.status === "IN_USE")).toBe(true);
  });

  it("a requested disk on a mapped device resizes it; smaller than the snapshot is INVALID_INPUT at that disk's sizeGiB", async () => {
    const image = await admin.availableImage("resizable");
    const before = await admin.state();
    const refused = await admin.createInstance({
      imageId: image.id,
      dataDisks: [{ sizeGiB: 50 }, { sizeGiB: 30, device: "/dev/vdd" }],
    });
    expect(refused.instance).toBeNull();
    const error = admin.expectRefused(refused.userErrors, "INVALID_INPUT", [
      "input",
      "dataDisks",
      "1",
      "sizeGiB",
    ]);
    expect(error.message).toContain("100");
    expect(await admin.state()).toEqual(before);

    const resized = await admin.vm({
      imageId: image.id,
      dataDisks: [
        { sizeGiB: 150, device: "/dev/vdd" },
        { sizeGiB: 40, device: "/dev/vdb" },
      ],
    });
    admin.expectDisksFromImage(resized, image, [
      ["SYSTEM", "/dev/vda", 20],
      ["DATA", "/dev/vdb", 40],
      ["DATA", "/dev/vdd", 150],
    ]);
  });

  it("puts extra requested data disks on free devices", async () => {
    const image = await admin.availableImage("extended");
    const instance = await admin.vm({
      imageId: image.id,
      dataDisks: [{ sizeGiB: 20 }, { sizeGiB: 30 }, { sizeGiB: 25, device: "/dev/vdz" }],
    });
    admin.expectDisksFromImage(instance, image, [
      ["SYSTEM", "/dev/vda", 20],
      ["DATA", "/dev/vdb", 40],
      ["DATA", "/dev/vdc", 20],
      ["DATA", "/dev/vdd", 100],
      ["DATA", "/dev/vde", 30],
      ["DATA", "/dev/vdz", 25],
    ]);
  });

  it("refuses more than 16 data disks in all, counting the image's: INVALID_INPUT at input.dataDisks", async () => {
    const image = await admin.availableImage("crowded");
    const extra = (n: number): DataDiskInput[] => Array.from({ length: n }, () => ({ sizeGiB: 20 }));
    const before = await admin.state();
    for (const dataDisks of [extra(15), [{ sizeGiB: 50, device: "/dev/vdb" }, ...extra(15)]]) {
      const refused = await admin.createInstance({ imageId: image.id, dataDisks });
      expect(refused.instance).toBeNull();
      const error = admin.expectRefused(refused.userErrors, "INVALID_INPUT", ["input", "dataDisks"]);
      expect(error.message).toContain("16");
    }
    expect(await admin.state()).toEqual(before);

    // 14 more plus the image's 2 is 16; a disk resizing a mapped device is not one more.
    for (const dataDisks of [extra(14), [{ sizeGiB: 50, device: "/dev/vdb" }, ...extra(14)]]) {
      const instance = await admin.vm({ imageId: image.id, dataDisks });
      const data = instance.disks.filter((d) => d.type === "DATA");
      expect(data).toHaveLength(16);
      expect(data.filter((d) => d.sourceSnapshot).map((d) => d.device)).toEqual(["/dev/vdb", "/dev/vdd"]);
    }
  });

  it("works from an image made of snapshots after the source instance was released", async () => {
    const source = await admin.vm({ imageId: admin.ARM, dataDisks: admin.STANDARD_DISKS });
    const snapshots = new Map<string, string>();
    for (const disk of source.disks) {
      const taken = await gqlData(admin.app.origin, CreateSnapshotDocument, { input: { diskId: disk.id } });
      expect(taken.createSnapshot.userErrors).toEqual([]);
      snapshots.set(disk.device, taken.createSnapshot.snapshot!.id);
    }
    await admin.tick(13_000);
    const released = await gqlData(admin.app.origin, ReleaseInstanceDocument, {
      input: { instanceId: source.id },
    });
    expect(released.releaseInstance.instance?.status).toBe("RELEASED");

    const created = await gqlData(admin.app.origin, CreateCustomImageDocument, {
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

    const instance = await admin.vm({
      imageId: image.id,
      dataDisks: [{ sizeGiB: 120, device: "/dev/vdd" }, { sizeGiB: 20 }],
    });
    expect(instance).toMatchObject({
      osType: "LINUX",
      platform: source.platform,
      architecture: "ARM64",
      image: { id: image.id },
    });
    expect(admin.diskLayout(instance)).toEqual([
      ["SYSTEM", "/dev/vda", 20, snapshots.get("/dev/vda")],
      ["DATA", "/dev/vdb", 40, snapshots.get("/dev/vdb")],
      ["DATA", "/dev/vdc", 20, null],
      ["DATA", "/dev/vdd", 120, snapshots.get("/dev/vdd")],
    ]);
  });
});
