import type { TestApp } from "../support/app.ts";
import { gqlData, sseCollect, wsClient } from "../support/client.ts";
import { advanceAndStep, ManualClock } from "../support/clock.ts";
import {
  CreateCustomImageDocument,
  ImageDocument,
  ImageProgressDocument,
} from "../support/documents/images.ts";
import { InstanceDocument, StopInstanceDocument } from "../support/documents/instances.ts";
import { SnapshotDocument } from "../support/documents/snapshots.ts";
import { newInstance } from "../support/fixtures.ts";
import { subscribeWs } from "../support/stream.ts";
import { beforeAll, describe, expect, it, useServer } from "../support/test.ts";

const clock = new ManualClock();
let app: TestApp;

// Progress only advances when the test ticks the engine and moves the clock: fully deterministic.
useServer({ clock, config: { progressIntervalMs: 3_600_000, snapshotGibPerSecond: 8 } });
beforeAll(({ server }) => {
  app = server;
});

const tick = (ms: number) => advanceAndStep(app, clock, ms);

describe("a custom image from an instance with two data disks", () => {
  it("snapshots every disk, streams their progress by size and ends AVAILABLE", async () => {
    const instance = await newInstance(app.origin, {
      name: "imaging-source",
      dataDisks: [{ sizeGiB: 40 }, { sizeGiB: 100 }],
    });
    const created = await gqlData(app.origin, CreateCustomImageDocument, {
      input: { instanceId: instance.id, name: "web-golden-1", description: "first image" },
    });
    expect(created.createCustomImage.userErrors).toEqual([]);
    const image = created.createCustomImage.image!;
    expect(image.status).toBe("CREATING");
    expect(image.source).toBe("INSTANCE");
    expect(image.sizeGiB).toBe(20);
    expect(image.sourceInstance?.imageInProgress?.id).toBe(image.id);
    expect(image.diskMappings.map((m) => [m.device, m.type, m.sizeGiB, m.snapshot?.status])).toEqual([
      ["/dev/vda", "SYSTEM", 20, "PROGRESSING"],
      ["/dev/vdb", "DATA", 40, "PROGRESSING"],
      ["/dev/vdc", "DATA", 100, "PROGRESSING"],
    ]);
    // Linux pre-checks all ran; only the confidential-data reminder is not PASS.
    expect(image.checks).toHaveLength(8);
    expect(created.createCustomImage.warnings.map((w) => w.item)).toEqual(["CONFIDENTIAL_DATA"]);

    const client = wsClient(app.origin);
    const stream = subscribeWs(client, ImageProgressDocument, { imageId: image.id });
    await stream.until((e) => e.imageProgress.sequence === 1);
    expect(stream.events[0]?.imageProgress).toMatchObject({
      done: false,
      snapshot: null,
      image: { status: "CREATING", progress: 0 },
    });

    await tick(1_000); // 8 GiB done of each: 40%, 20%, 8%
    await stream.until((e) => e.imageProgress.snapshot?.device === "/dev/vdc");
    const progressOf = (device: string) =>
      stream.events.filter((e) => e.imageProgress.snapshot?.device === device).at(-1)?.imageProgress.snapshot
        ?.progress;
    expect([progressOf("/dev/vda"), progressOf("/dev/vdb"), progressOf("/dev/vdc")]).toEqual([40, 20, 8]);

    // While the image is being created the instance's status cannot change.
    const refused = await gqlData(app.origin, StopInstanceDocument, { input: { instanceId: instance.id } });
    expect(refused.stopInstance.userErrors[0]).toMatchObject({
      code: "INSTANCE_LOCKED",
      field: ["input", "instanceId"],
    });
    expect(refused.stopInstance.userErrors[0]?.message).toContain(image.id);
    expect(refused.stopInstance.instance).toBeNull();
    const still = await gqlData(app.origin, InstanceDocument, { id: instance.id });
    expect(still.instance?.status).toBe("RUNNING");

    await tick(1_500); // the 20 GiB system disk is done at 2.5 s
    await stream.until((e) => e.imageProgress.snapshot?.status === "ACCOMPLISHED");
    await tick(2_500); // 40 GiB at 5 s
    await tick(7_500); // 100 GiB at 12.5 s
    const events = await stream.finished;
    await client.dispose();

    const last = events.at(-1)!.imageProgress;
    expect(last).toMatchObject({ done: true, image: { status: "AVAILABLE", progress: 100 } });
    const sequences = events.map((e) => e.imageProgress.sequence);
    expect(sequences).toEqual(sequences.map((_, i) => i + 1));
    for (const device of ["/dev/vda", "/dev/vdb", "/dev/vdc"]) {
      const progress = events
        .filter((e) => e.imageProgress.snapshot?.device === device)
        .map((e) => e.imageProgress.snapshot!.progress);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(progress.at(-1)).toBe(100);
    }
    expect(events.filter((e) => e.imageProgress.done)).toHaveLength(1);

    const done = await gqlData(app.origin, ImageDocument, { id: image.id });
    expect(done.image).toMatchObject({ status: "AVAILABLE", progress: 100, remainingSeconds: null });
    expect(done.image?.availableAt).toBe(
      new Date(Date.parse("2026-11-27T10:00:00.000Z") + 12_500).toISOString(),
    );
    expect(done.image?.sourceInstance?.imageInProgress).toBeNull();
    // Bigger disks take longer: completion times follow the sizes.
    const completed = await Promise.all(
      done.image!.diskMappings.map(async (m) => {
        const s = await gqlData(app.origin, SnapshotDocument, { id: m.snapshot!.id });
        return Date.parse(s.snapshot!.completedAt!);
      }),
    );
    expect(completed[0]! < completed[1]! && completed[1]! < completed[2]!).toBe(true);

    // An image already finished gives one event, done, numbered as the image's last event.
    const sse = await sseCollect(app.origin, ImageProgressDocument, { imageId: image.id });
    expect(sse.results).toHaveLength(1);
    expect(sse.results[0]?.data?.imageProgress).toMatchObject({ sequence: last.sequence, done: true });
  });
});

describe("the engine's reconciliation", () => {
  it("picks up in-flight work it was never handed (a lost hand-off) and finishes it", async () => {
    const instance = await newInstance(app.origin, { name: "orphan-source", dataDisks: [] });
    const disk = instance.disks[0]!;
    // A snapshot in progress that no mutation told the engine about.
    await app.prisma.snapshot.create({
      data: {
        id: "s-orphan00000000000000",
        accountId: "acc-demo0000000000000000",
        regionId: "cn-hangzhou",
        status: "PROGRESSING",
        sourceDiskId: disk.id,
        sourceDiskType: "SYSTEM",
        sourceDiskSizeGiB: 20,
        device: "/dev/vda",
        startedAt: clock.now(),
        gibPerSecond: 8,
      },
    });
    clock.advance(3_000);
    for (let i = 0; i < 25; i++) await app.engine.tick();
    await tick(0);
    const done = await gqlData(app.origin, SnapshotDocument, { id: "s-orphan00000000000000" });
    expect(done.snapshot).toMatchObject({ status: "ACCOMPLISHED", progress: 100 });
  });
});
