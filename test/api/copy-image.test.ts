import { ConsoleDeleteImageDocument } from "../../src/console/src/gql/graphql.ts";
import type { TestApp } from "../support/app.ts";
import { gqlData, wsClient } from "../support/client.ts";
import { advanceAndStep, ManualClock } from "../support/clock.ts";
import { CancelCopyImageDocument, CopyImageDocument } from "../support/documents/copies.ts";
import { ImageDocument, ImageProgressDocument, ImagesByStatusDocument } from "../support/documents/images.ts";
import { CreateInstanceDocument } from "../support/documents/instances.ts";
import { SnapshotProgressDocument } from "../support/documents/snapshots.ts";
import { newImage, newInstance } from "../support/fixtures.ts";
import { subscribeWs } from "../support/stream.ts";
import { beforeAll, describe, expect, it, useServer } from "../support/test.ts";

const clock = new ManualClock();
let app: TestApp;

useServer({
  clock,
  config: { progressIntervalMs: 3_600_000, snapshotGibPerSecond: 8, copyGibPerSecond: 4 },
});
beforeAll(({ server }) => {
  app = server;
});

const tick = (ms: number) => advanceAndStep(app, clock, ms);

/** An AVAILABLE image in cn-hangzhou made from an instance with data disks of 40 and 100 GiB. */
async function availableImage(name: string) {
  const image = await newImage(
    app.origin,
    { name, description: `${name} description` },
    { name: `${name}-vm`, dataDisks: [{ sizeGiB: 40 }, { sizeGiB: 100, device: "/dev/vdd" }] },
  );
  await tick(13_000);
  const done = await gqlData(app.origin, ImageDocument, { id: image.id });
  expect(done.image?.status).toBe("AVAILABLE");
  return done.image!;
}

describe("copyImage", () => {
  it("copies an image to another region, streams it, and an instance there gets the same data disks", async () => {
    const source = await availableImage("golden");
    const copied = await gqlData(app.origin, CopyImageDocument, {
      input: { imageId: source.id, destinationRegionId: "cn-shanghai" },
    });
    expect(copied.copyImage.userErrors).toEqual([]);
    const copy = copied.copyImage.image!;
    expect(copy).toMatchObject({
      name: "golden",
      description: "golden description",
      status: "CREATING",
      source: "COPY",
      region: { id: "cn-shanghai" },
      sourceImage: { id: source.id },
      sourceRegion: { id: "cn-hangzhou" },
      sizeGiB: 20,
    });
    expect(copy.diskMappings.map((m) => [m.device, m.type, m.sizeGiB, m.snapshot?.region.id])).toEqual([
      ["/dev/vda", "SYSTEM", 20, "cn-shanghai"],
      ["/dev/vdb", "DATA", 40, "cn-shanghai"],
      ["/dev/vdd", "DATA", 100, "cn-shanghai"],
    ]);
    const sourceSnapshots = new Set(source.diskMappings.map((m) => m.snapshot!.id));
    expect(copy.diskMappings.every((m) => !sourceSnapshots.has(m.snapshot!.id))).toBe(true);

    const client = wsClient(app.origin);
    const stream = subscribeWs(client, ImageProgressDocument, { imageId: copy.id });
    await stream.until((e) => e.imageProgress.sequence === 1);
    await tick(5_000); // 20 GiB at 4 GiB/s: the system disk's copy is done
    await stream.until((e) => e.imageProgress.snapshot?.status === "ACCOMPLISHED");
    await tick(20_000); // 100 GiB takes 25 s
    const events = await stream.finished;
    await client.dispose();
    expect(events.at(-1)?.imageProgress).toMatchObject({
      done: true,
      image: { status: "AVAILABLE", progress: 100 },
    });

    // Creating the instance in the image's old region is refused with a hint to copy.
    const wrongRegion = await gqlData(app.origin, CreateInstanceDocument, {
      input: { regionId: "cn-beijing", name: "far-away", imageId: copy.id },
    });
    expect(wrongRegion.createInstance.userErrors[0]).toMatchObject({ code: "REGION_MISMATCH" });
    expect(wrongRegion.createInstance.userErrors[0]?.message).toContain("copyImage");

    const created = await newInstance(app.origin, {
      regionId: "cn-shanghai",
      name: "shanghai-web",
      imageId: copy.id,
      dataDisks: [{ sizeGiB: 50 }],
    });
    const instance = created;
    const copySnapshots = new Map(copy.diskMappings.map((m) => [m.device, m.snapshot!.id]));
    expect(instance.disks.map((d) => [d.type, d.device, d.sizeGiB, d.sourceSnapshot?.id ?? null])).toEqual([
      ["SYSTEM", "/dev/vda", 20, copySnapshots.get("/dev/vda")],
      ["DATA", "/dev/vdb", 40, copySnapshots.get("/dev/vdb")],
      ["DATA", "/dev/vdc", 50, null],
      ["DATA", "/dev/vdd", 100, copySnapshots.get("/dev/vdd")],
    ]);
    expect(instance).toMatchObject({ osType: "LINUX", platform: "Ubuntu", image: { id: copy.id } });
  });

  it("refuses what cannot be copied, each with its own code", async () => {
    const source = await availableImage("refusals");
    const copy = (input: { imageId: string; destinationRegionId: string; name?: string }) =>
      gqlData(app.origin, CopyImageDocument, { input }).then((d) => d.copyImage.userErrors[0]?.code);
    expect(await copy({ imageId: source.id, destinationRegionId: "cn-hangzhou" })).toBe("SAME_REGION");
    expect(await copy({ imageId: source.id, destinationRegionId: "mars-north-1" })).toBe("REGION_NOT_FOUND");
    expect(await copy({ imageId: "m-00000000000000000000", destinationRegionId: "cn-beijing" })).toBe(
      "NOT_FOUND",
    );
    expect(await copy({ imageId: "ubuntu_22_04_x64_20G_alibase", destinationRegionId: "cn-beijing" })).toBe(
      "INCORRECT_IMAGE_STATUS",
    );
    expect(await copy({ imageId: source.id, destinationRegionId: "cn-beijing", name: "9lives" })).toBe(
      "INVALID_IMAGE_NAME",
    );
    // The name is judged in the destination: the first copy takes it there.
    expect(await copy({ imageId: source.id, destinationRegionId: "cn-beijing" })).toBeUndefined();
    expect(await copy({ imageId: source.id, destinationRegionId: "cn-beijing" })).toBe(
      "DUPLICATE_IMAGE_NAME",
    );

    // A copy still in progress cannot be copied, and its source cannot be deleted.
    const waiting = await gqlData(app.origin, ImagesByStatusDocument, {
      filter: { regionId: "cn-beijing", status: ["CREATING"], nameContains: "refusals" },
    });
    const inFlight = waiting.images.edges[0]!.node.id;
    expect(await copy({ imageId: inFlight, destinationRegionId: "us-west-1" })).toBe(
      "INCORRECT_IMAGE_STATUS",
    );
    const deleted = await gqlData(app.origin, ConsoleDeleteImageDocument, { input: { imageId: source.id } });
    expect(deleted.deleteImage.userErrors[0]).toMatchObject({ code: "IMAGE_COPYING" });
    expect(deleted.deleteImage.userErrors[0]?.message).toContain(inFlight);
  });

  it("runs at most 5 copies per destination region; the rest wait in arrival order and start by themselves", async () => {
    const source = await availableImage("queued");
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const copied = await gqlData(app.origin, CopyImageDocument, {
        input: { imageId: source.id, destinationRegionId: "eu-central-1", name: `queued-${i}` },
      });
      ids.push(copied.copyImage.image!.id);
      expect(copied.copyImage.image!.status).toBe(i < 5 ? "CREATING" : "WAITING");
      // All in the same millisecond of the test clock: arrival order must hold anyway.
    }
    const statuses = async () =>
      Promise.all(ids.map(async (id) => (await gqlData(app.origin, ImageDocument, { id })).image!.status));

    // A waiting copy's stream sees it start.
    const client = wsClient(app.origin);
    const sixth = subscribeWs(client, ImageProgressDocument, { imageId: ids[5]! });
    await sixth.until((e) => e.imageProgress.image.status === "WAITING");

    // Cancelling one running copy frees a slot: the oldest waiting copy (the sixth) starts.
    const cancelled = await gqlData(app.origin, CancelCopyImageDocument, { input: { imageId: ids[1]! } });
    expect(cancelled.cancelCopyImage.userErrors).toEqual([]);
    expect(cancelled.cancelCopyImage.image?.status).toBe("CANCELLED");
    expect(cancelled.cancelCopyImage.image?.diskMappings.every((m) => m.snapshot === null)).toBe(true);
    expect(await statuses()).toEqual([
      "CREATING",
      "CANCELLED",
      "CREATING",
      "CREATING",
      "CREATING",
      "CREATING",
      "WAITING",
    ]);
    await sixth.until((e) => e.imageProgress.image.status === "CREATING");

    await tick(40_000);
    await tick(40_000);
    expect(await statuses()).toEqual([
      "AVAILABLE",
      "CANCELLED",
      "AVAILABLE",
      "AVAILABLE",
      "AVAILABLE",
      "AVAILABLE",
      "AVAILABLE",
    ]);
    const sixthEvents = await sixth.finished;
    await client.dispose();
    expect(sixthEvents.at(-1)?.imageProgress).toMatchObject({ done: true, image: { status: "AVAILABLE" } });

    // Cancelled copies leave the lists unless asked for.
    const listed = await gqlData(app.origin, ImagesByStatusDocument, {
      filter: { regionId: "eu-central-1" },
    });
    expect(listed.images.edges.map((e) => e.node.id)).not.toContain(ids[1]);
    const cancelledOnly = await gqlData(app.origin, ImagesByStatusDocument, {
      filter: { regionId: "eu-central-1", status: ["CANCELLED"] },
    });
    expect(cancelledOnly.images.edges.map((e) => e.node.id)).toEqual([ids[1]]);

    // A finished copy cannot be cancelled; a non-copy is NOT_A_COPY.
    const late = await gqlData(app.origin, CancelCopyImageDocument, { input: { imageId: ids[0]! } });
    expect(late.cancelCopyImage.userErrors[0]?.code).toBe("INCORRECT_IMAGE_STATUS");
    const notCopy = await gqlData(app.origin, CancelCopyImageDocument, { input: { imageId: source.id } });
    expect(notCopy.cancelCopyImage.userErrors[0]?.code).toBe("NOT_A_COPY");
  });

  it("cancelling mid-way ends the copy's stream with done", async () => {
    const source = await availableImage("cancel-me");
    const copied = await gqlData(app.origin, CopyImageDocument, {
      input: { imageId: source.id, destinationRegionId: "ap-southeast-1" },
    });
    const copyId = copied.copyImage.image!.id;
    const client = wsClient(app.origin);
    const stream = subscribeWs(client, ImageProgressDocument, { imageId: copyId });
    const dataSnapshotId = copied.copyImage.image!.diskMappings.at(-1)!.snapshot!.id;
    const snapshotStream = subscribeWs(client, SnapshotProgressDocument, { snapshotId: dataSnapshotId });
    await stream.until((e) => e.imageProgress.sequence === 1);
    await snapshotStream.until((e) => e.snapshotProgress.sequence === 1);
    await tick(2_000);
    await stream.until((e) => (e.imageProgress.snapshot?.progress ?? 0) > 0);
    await snapshotStream.until((e) => e.snapshotProgress.snapshot.progress > 0);
    await gqlData(app.origin, CancelCopyImageDocument, { input: { imageId: copyId } });
    const events = await stream.finished;
    // The copy's snapshots are removed: their own streams end too, where they stood.
    const snapshotEvents = (await snapshotStream.finished).map((e) => e.snapshotProgress);
    expect(snapshotEvents.at(-1)).toMatchObject({ done: true, snapshot: { status: "FAILED" } });
    expect(snapshotEvents.at(-1)?.snapshot.failureReason).toContain("cancelled");
    const progress = snapshotEvents.map((e) => e.snapshot.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    await client.dispose();
    expect(events.at(-1)?.imageProgress).toMatchObject({ done: true, image: { status: "CANCELLED" } });
    const image = await gqlData(app.origin, ImageDocument, { id: copyId });
    expect(image.image?.status).toBe("CANCELLED");
  });
});
