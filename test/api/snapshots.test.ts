import type { ExecutionResult } from "graphql";
import type { SnapshotProgressSubscription } from "../generated/graphql.ts";
import { DEMO_KEY, type TestApp } from "../support/app.ts";
import { gql, gqlData, sseCollect, wsClient } from "../support/client.ts";
import { advanceAndStep, ManualClock } from "../support/clock.ts";
import { CreateCustomImageDocument, ImageProgressDocument } from "../support/documents/images.ts";
import { ReleaseInstanceDocument, StopInstanceDocument } from "../support/documents/instances.ts";
import {
  CreateSnapshotDocument,
  DeleteSnapshotDocument,
  SnapshotDocument,
  SnapshotProgressDocument,
  SnapshotsDocument,
} from "../support/documents/snapshots.ts";
import { newInstance } from "../support/fixtures.ts";
import { Stream, subscribeWs } from "../support/stream.ts";
import { beforeAll, describe, expect, it, useServer } from "../support/test.ts";

const clock = new ManualClock();
let app: TestApp;
let otherKey: string;

// 8 GiB/s, and progress only moves when a test moves the clock and ticks the engine.
useServer({ clock, config: { progressIntervalMs: 3_600_000, snapshotGibPerSecond: 8 } });
beforeAll(async ({ server }) => {
  app = server;
  otherKey = await app.newAccount("snapshots-other");
});

const tick = (ms: number) => advanceAndStep(app, clock, ms);

/** An instance with one 40 GiB data disk unless told otherwise. */
const vm = (options: { key?: string; start?: boolean; dataDisks?: { sizeGiB: number }[] } = {}) =>
  newInstance(
    app.origin,
    { dataDisks: options.dataDisks ?? [{ sizeGiB: 40 }], start: options.start },
    options.key,
  );

function dataDisk(instance: Awaited<ReturnType<typeof newInstance>>) {
  const disk = instance.disks.find((d) => d.type === "DATA");
  expect(disk).toBeDefined();
  return disk!;
}

async function createSnapshot(diskId: string, key = DEMO_KEY, name?: string) {
  const data = await gqlData(app.origin, CreateSnapshotDocument, { input: { diskId, name } }, key);
  return data.createSnapshot;
}

async function snapshotCount() {
  return app.prisma.snapshot.count();
}

async function expectRefused(diskId: string, code: string, key = DEMO_KEY) {
  const before = await snapshotCount();
  const payload = await createSnapshot(diskId, key);
  expect(payload.snapshot).toBeNull();
  expect(payload.userErrors.map(({ code, field }) => ({ code, field }))).toEqual([
    { code, field: ["input", "diskId"] },
  ]);
  expect(await snapshotCount()).toBe(before);
}

type SnapshotEvent = SnapshotProgressSubscription["snapshotProgress"];

/** The stream invariants of the contract: sequence 1, 2, …; progress never back; one last event, done. */
/** The snapshot's own sequence, gap-free from the subscriber's first event; progress never goes back; one done, last. */
function expectWellFormed(events: SnapshotEvent[]) {
  const first = events[0]?.sequence ?? 0;
  expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => first + i));
  const progress = events.map((e) => e.snapshot.progress);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
  expect(events.filter((e) => e.done)).toHaveLength(1);
  expect(events.at(-1)?.done).toBe(true);
}

describe("createSnapshot", () => {
  it("snapshots a disk of a RUNNING instance", async () => {
    const instance = await vm();
    const disk = dataDisk(instance);
    const before = await snapshotCount();
    const payload = await createSnapshot(disk.id, DEMO_KEY, "nightly-1");
    expect(payload.userErrors).toEqual([]);
    expect(payload.snapshot).toMatchObject({
      name: "nightly-1",
      status: "PROGRESSING",
      progress: 0,
      remainingSeconds: 5,
      device: "/dev/vdb",
      sourceDiskId: disk.id,
      sourceDiskType: "DATA",
      sourceDiskSizeGiB: 40,
      sourceDisk: { id: disk.id, status: "IN_USE" },
      image: null,
      completedAt: null,
      createdAt: clock.now().toISOString(),
    });
    expect(payload.snapshot?.id).toMatch(/^s-[0-9a-z]{20}$/);
    expect(await snapshotCount()).toBe(before + 1);
  });

  it("snapshots a disk of a STOPPED instance, the system disk included", async () => {
    const instance = await vm({ start: false });
    expect(instance.status).toBe("STOPPED");
    const system = instance.disks.find((d) => d.type === "SYSTEM")!;
    const payload = await createSnapshot(system.id);
    expect(payload.userErrors).toEqual([]);
    expect(payload.snapshot).toMatchObject({
      status: "PROGRESSING",
      device: "/dev/vda",
      sourceDiskType: "SYSTEM",
      sourceDiskSizeGiB: 20,
    });
  });

  it("refuses a disk of a RELEASED instance (INCORRECT_INSTANCE_STATUS)", async () => {
    const instance = await vm();
    const released = await gqlData(app.origin, ReleaseInstanceDocument, {
      input: { instanceId: instance.id },
    });
    expect(released.releaseInstance.userErrors).toEqual([]);
    await expectRefused(dataDisk(instance).id, "INCORRECT_INSTANCE_STATUS");
  });

  it("refuses an unknown disk and another account's disk (NOT_FOUND)", async () => {
    await expectRefused("d-00000000000000000000", "NOT_FOUND");
    const foreign = await vm({ key: otherKey });
    await expectRefused(dataDisk(foreign).id, "NOT_FOUND");
    // The owner can.
    const theirs = await createSnapshot(dataDisk(foreign).id, otherKey);
    expect(theirs.userErrors).toEqual([]);
  });

  it("refuses a second snapshot of a disk while one is PROGRESSING (DISK_CREATING_SNAPSHOT)", async () => {
    const instance = await vm();
    const disk = dataDisk(instance);
    const first = await createSnapshot(disk.id);
    expect(first.userErrors).toEqual([]);
    await expectRefused(disk.id, "DISK_CREATING_SNAPSHOT");
    // Another disk of the same instance is free.
    const system = await createSnapshot(instance.disks[0]!.id);
    expect(system.userErrors).toEqual([]);
    // Once the first is done, the disk can be snapshotted again.
    await tick(5_000);
    const read = await gqlData(app.origin, SnapshotDocument, { id: first.snapshot!.id });
    expect(read.snapshot?.status).toBe("ACCOMPLISHED");
    const again = await createSnapshot(disk.id);
    expect(again.userErrors).toEqual([]);
  });

  it("creates exactly one of 10 snapshots of one disk requested at once", async () => {
    const instance = await vm();
    const disk = dataDisk(instance);
    const before = await snapshotCount();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        gql(app.origin, CreateSnapshotDocument, { input: { diskId: disk.id } }),
      ),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    const payloads = results.map((r) => r.data!.createSnapshot);
    expect(payloads.filter((p) => p.snapshot)).toHaveLength(1);
    for (const payload of payloads.filter((p) => !p.snapshot)) {
      expect(payload.userErrors.map(({ code, field }) => ({ code, field }))).toEqual([
        { code: "DISK_CREATING_SNAPSHOT", field: ["input", "diskId"] },
      ]);
    }
    expect(await snapshotCount()).toBe(before + 1);
  });

  it("derives progress and remainingSeconds from time and ends ACCOMPLISHED", async () => {
    const instance = await vm();
    const created = await createSnapshot(dataDisk(instance).id);
    const id = created.snapshot!.id;
    const startedAt = clock.now().getTime();

    clock.advance(1_000); // 8 of 40 GiB
    const oneSecond = await gqlData(app.origin, SnapshotDocument, { id });
    expect(oneSecond.snapshot).toMatchObject({ status: "PROGRESSING", progress: 20, remainingSeconds: 4 });

    clock.advance(2_500); // 28 of 40 GiB
    const later = await gqlData(app.origin, SnapshotDocument, { id });
    expect(later.snapshot).toMatchObject({ status: "PROGRESSING", progress: 70, remainingSeconds: 2 });

    await tick(1_500); // 5 s: done
    const done = await gqlData(app.origin, SnapshotDocument, { id });
    expect(done.snapshot).toMatchObject({
      status: "ACCOMPLISHED",
      progress: 100,
      remainingSeconds: null,
      failureReason: null,
      completedAt: new Date(startedAt + 5_000).toISOString(),
    });
  });
});

describe("snapshotProgress", () => {
  it("streams over server-sent events: current state, changes, done, completion", async () => {
    const instance = await vm();
    const created = await createSnapshot(dataDisk(instance).id);
    const id = created.snapshot!.id;
    clock.advance(1_000); // the first event is the current state, not the start

    const stream = new Stream<ExecutionResult<{ snapshotProgress: SnapshotEvent }>>();
    const collected = sseCollect(app.origin, SnapshotProgressDocument, { snapshotId: id }, DEMO_KEY, (r) =>
      stream.push(r),
    );
    await stream.until((r) => r.data?.snapshotProgress !== undefined);
    await tick(1_000);
    await stream.until((r) => r.data?.snapshotProgress.snapshot.progress === 40);
    await tick(1_000);
    await stream.until((r) => r.data?.snapshotProgress.snapshot.progress === 60);
    await tick(2_000);
    const { status, results } = await collected;

    expect(status).toBe(200);
    for (const result of results) expect(result.errors).toBeUndefined();
    const events = results.map((r) => r.data!.snapshotProgress);
    // The snapshot's own numbers: 1 was its start; joining at 20 % published the move to it as 2.
    expect(events[0]).toMatchObject({
      sequence: 2,
      done: false,
      snapshot: { id, status: "PROGRESSING", progress: 20, remainingSeconds: 4 },
    });
    expectWellFormed(events);
    expect(events.at(-1)).toMatchObject({
      done: true,
      snapshot: { id, status: "ACCOMPLISHED", progress: 100, remainingSeconds: null },
    });
    expect(events.map((e) => e.snapshot.progress)).toEqual([20, 40, 60, 100]);
  });

  it("streams over graphql-ws: current state, changes, done, completion", async () => {
    const instance = await vm();
    const created = await createSnapshot(dataDisk(instance).id);
    const id = created.snapshot!.id;

    const client = wsClient(app.origin);
    const stream = subscribeWs(client, SnapshotProgressDocument, { snapshotId: id });
    await stream.until((e) => e.snapshotProgress.sequence === 1);
    expect(stream.events[0]?.snapshotProgress).toMatchObject({
      sequence: 1,
      done: false,
      snapshot: { id, status: "PROGRESSING", progress: 0, remainingSeconds: 5 },
    });
    await tick(1_000);
    await stream.until((e) => e.snapshotProgress.snapshot.progress === 20);
    expect(stream.events.at(-1)?.snapshotProgress.snapshot.remainingSeconds).toBe(4);
    await tick(4_000);
    const events = (await stream.finished).map((e) => e.snapshotProgress);
    await client.dispose();

    expect(stream.completed).toBe(true);
    expectWellFormed(events);
    expect(events.at(-1)).toMatchObject({ done: true, snapshot: { status: "ACCOMPLISHED", progress: 100 } });

    // A finished snapshot: one event, done, numbered as its last event.
    const sse = await sseCollect(app.origin, SnapshotProgressDocument, { snapshotId: id });
    expect(sse.results.map((r) => r.data?.snapshotProgress)).toMatchObject([
      { sequence: events.at(-1)!.sequence, done: true, snapshot: { status: "ACCOMPLISHED", progress: 100 } },
    ]);
  });

  it("gives a GraphQL error and no events for another account's snapshot or image", async () => {
    const instance = await vm();
    const snapshot = (await createSnapshot(instance.disks[0]!.id)).snapshot!;
    const imaged = await vm();
    const image = await gqlData(app.origin, CreateCustomImageDocument, {
      input: { instanceId: imaged.id, name: "private-image" },
    });
    expect(image.createCustomImage.userErrors).toEqual([]);
    const imageId = image.createCustomImage.image!.id;

    // Server-sent events.
    const refusedResults = [
      (await sseCollect(app.origin, SnapshotProgressDocument, { snapshotId: snapshot.id }, otherKey)).results,
      (await sseCollect(app.origin, ImageProgressDocument, { imageId }, otherKey)).results,
    ];
    for (const results of refusedResults) {
      expect(results.length).toBeGreaterThan(0);
      expect(results.every((r) => !r.data)).toBe(true);
      expect(results.some((r) => (r.errors?.length ?? 0) > 0)).toBe(true);
    }

    // graphql-ws.
    const client = wsClient(app.origin, otherKey);
    const snapshotStream = subscribeWs(client, SnapshotProgressDocument, { snapshotId: snapshot.id });
    await expect(snapshotStream.finished).rejects.toBeDefined();
    expect(snapshotStream.events).toEqual([]);
    const imageStream = subscribeWs(client, ImageProgressDocument, { imageId });
    await expect(imageStream.finished).rejects.toBeDefined();
    expect(imageStream.events).toEqual([]);
    await client.dispose();

    // A snapshot that does not exist: the same.
    const missing = await sseCollect(app.origin, SnapshotProgressDocument, {
      snapshotId: "s-00000000000000000000",
    });
    expect(missing.results.every((r) => !r.data)).toBe(true);
    expect(missing.results.some((r) => (r.errors?.length ?? 0) > 0)).toBe(true);

    // The owner still sees both.
    const own = await gqlData(app.origin, SnapshotDocument, { id: snapshot.id });
    expect(own.snapshot?.id).toBe(snapshot.id);
  });
});

describe("deleteSnapshot", () => {
  it("cancels a snapshot in progress: its stream ends with done and it is gone", async () => {
    const instance = await vm();
    const disk = dataDisk(instance);
    const created = await createSnapshot(disk.id);
    const id = created.snapshot!.id;

    const client = wsClient(app.origin);
    const stream = subscribeWs(client, SnapshotProgressDocument, { snapshotId: id });
    await stream.until((e) => e.snapshotProgress.sequence === 1);
    await tick(1_000);
    await stream.until((e) => e.snapshotProgress.snapshot.progress === 20);

    const before = await snapshotCount();
    const deleted = await gqlData(app.origin, DeleteSnapshotDocument, { input: { snapshotId: id } });
    expect(deleted.deleteSnapshot).toEqual({ deletedSnapshotId: id, userErrors: [] });

    const events = (await stream.finished).map((e) => e.snapshotProgress);
    await client.dispose();
    expect(events.at(-1)?.done).toBe(true);
    expect(events.at(-1)?.snapshot.status).not.toBe("PROGRESSING");
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));

    const read = await gqlData(app.origin, SnapshotDocument, { id });
    expect(read.snapshot).toBeNull();
    expect(await snapshotCount()).toBe(before - 1);
    // Ticking past its end brings nothing back, and the disk is free for a new snapshot.
    await tick(10_000);
    expect((await gqlData(app.origin, SnapshotDocument, { id })).snapshot).toBeNull();
    const again = await createSnapshot(disk.id);
    expect(again.userErrors).toEqual([]);

    const missing = await gqlData(app.origin, DeleteSnapshotDocument, { input: { snapshotId: id } });
    expect(missing.deleteSnapshot.deletedSnapshotId).toBeNull();
    expect(missing.deleteSnapshot.userErrors.map(({ code, field }) => ({ code, field }))).toEqual([
      { code: "NOT_FOUND", field: ["input", "snapshotId"] },
    ]);
  });

  it("refuses to delete a snapshot an image uses (SNAPSHOT_IN_USE), CREATING or AVAILABLE", async () => {
    const instance = await vm();
    const image = await gqlData(app.origin, CreateCustomImageDocument, {
      input: { instanceId: instance.id, name: "uses-snapshots" },
    });
    expect(image.createCustomImage.userErrors).toEqual([]);
    const snapshotIds = image.createCustomImage.image!.diskMappings.map((m) => m.snapshot!.id);

    const refuse = async (snapshotId: string) => {
      const before = await snapshotCount();
      const payload = await gqlData(app.origin, DeleteSnapshotDocument, { input: { snapshotId } });
      expect(payload.deleteSnapshot.deletedSnapshotId).toBeNull();
      expect(payload.deleteSnapshot.userErrors.map(({ code, field }) => ({ code, field }))).toEqual([
        { code: "SNAPSHOT_IN_USE", field: ["input", "snapshotId"] },
      ]);
      expect(payload.deleteSnapshot.userErrors[0]?.message).toContain(image.createCustomImage.image!.id);
      expect(await snapshotCount()).toBe(before);
    };

    for (const id of snapshotIds) await refuse(id); // CREATING
    await tick(5_000);
    const read = await gqlData(app.origin, SnapshotDocument, { id: snapshotIds[0]! });
    expect(read.snapshot?.image?.status).toBe("AVAILABLE");
    for (const id of snapshotIds) await refuse(id); // AVAILABLE

    // A snapshot taken on its own that an image from snapshots maps is in use too.
    const other = await vm({ dataDisks: [] });
    const own = await createSnapshot(other.disks[0]!.id);
    await tick(2_500);
    const fromSnapshot = await gqlData(app.origin, CreateCustomImageDocument, {
      input: { snapshotId: own.snapshot!.id, name: "maps-a-snapshot" },
    });
    expect(fromSnapshot.createCustomImage.userErrors).toEqual([]);
    const before = await snapshotCount();
    const payload = await gqlData(app.origin, DeleteSnapshotDocument, {
      input: { snapshotId: own.snapshot!.id },
    });
    expect(payload.deleteSnapshot.userErrors.map(({ code, field }) => ({ code, field }))).toEqual([
      { code: "SNAPSHOT_IN_USE", field: ["input", "snapshotId"] },
    ]);
    expect(payload.deleteSnapshot.userErrors[0]?.message).toContain(fromSnapshot.createCustomImage.image!.id);
    expect(await snapshotCount()).toBe(before);
  });

  it("refuses another account's snapshot (NOT_FOUND)", async () => {
    const instance = await vm();
    const created = await createSnapshot(dataDisk(instance).id);
    const before = await snapshotCount();
    const payload = await gqlData(
      app.origin,
      DeleteSnapshotDocument,
      { input: { snapshotId: created.snapshot!.id } },
      otherKey,
    );
    expect(payload.deleteSnapshot.deletedSnapshotId).toBeNull();
    expect(payload.deleteSnapshot.userErrors.map((e) => e.code)).toEqual(["NOT_FOUND"]);
    expect(await snapshotCount()).toBe(before);
  });
});

describe("snapshots(filter)", () => {
  it("filters by instanceId, imageId, sourceDiskType and status", async () => {
    const instance = await vm({ dataDisks: [{ sizeGiB: 40 }, { sizeGiB: 100 }] });
    const other = await vm();
    const [systemDisk, vdb] = instance.disks;

    // A snapshot of the system disk on its own, finished; then one of /dev/vdb, finished.
    const own = await createSnapshot(systemDisk!.id);
    const ownVdb = await createSnapshot(vdb!.id);
    await tick(5_000);
    // One of another instance, still PROGRESSING.
    const elsewhere = await createSnapshot(dataDisk(other).id);
    expect(elsewhere.userErrors).toEqual([]);
    // An image from the instance: three more, PROGRESSING.
    const image = await gqlData(app.origin, CreateCustomImageDocument, {
      input: { instanceId: instance.id, name: "filtered-image" },
    });
    expect(image.createCustomImage.userErrors).toEqual([]);
    const imageId = image.createCustomImage.image!.id;
    const imageSnapshots = image.createCustomImage.image!.diskMappings.map((m) => m.snapshot!.id);

    const ids = async (filter: Record<string, unknown>) => {
      const data = await gqlData(app.origin, SnapshotsDocument, { first: 100, filter });
      expect(data.snapshots.totalCount).toBe(data.snapshots.edges.length);
      return data.snapshots.edges.map((e) => e.node.id).sort();
    };
    const sorted = (list: string[]) => [...list].sort();

    expect(await ids({ instanceId: instance.id })).toEqual(
      sorted([own.snapshot!.id, ownVdb.snapshot!.id, ...imageSnapshots]),
    );
    expect(await ids({ imageId })).toEqual(sorted(imageSnapshots));
    expect(await ids({ instanceId: instance.id, sourceDiskType: "SYSTEM" })).toEqual(
      sorted([own.snapshot!.id, imageSnapshots[0]!]),
    );
    expect(await ids({ instanceId: instance.id, sourceDiskType: "DATA" })).toEqual(
      sorted([ownVdb.snapshot!.id, ...imageSnapshots.slice(1)]),
    );
    expect(await ids({ instanceId: instance.id, status: ["ACCOMPLISHED"] })).toEqual(
      sorted([own.snapshot!.id, ownVdb.snapshot!.id]),
    );
    expect(await ids({ instanceId: instance.id, status: ["PROGRESSING"] })).toEqual(sorted(imageSnapshots));
    expect(await ids({ instanceId: other.id })).toEqual([elsewhere.snapshot!.id]);
    expect(await ids({ diskId: vdb!.id })).toEqual(sorted([ownVdb.snapshot!.id, imageSnapshots[1]!]));

    // The filters keep working after the instance is released (the snapshots stay).
    const stop = await gqlData(app.origin, StopInstanceDocument, {
      input: { instanceId: instance.id, force: true },
    });
    expect(stop.stopInstance.userErrors).toEqual([]);
    const release = await gqlData(app.origin, ReleaseInstanceDocument, {
      input: { instanceId: instance.id },
    });
    expect(release.releaseInstance.userErrors).toEqual([]);
    expect(await ids({ instanceId: instance.id, status: ["FAILED"] })).toEqual(sorted(imageSnapshots));
    expect(await ids({ instanceId: instance.id, status: ["ACCOMPLISHED"] })).toEqual(
      sorted([own.snapshot!.id, ownVdb.snapshot!.id]),
    );

    // Another account sees none of them.
    const theirs = await gqlData(
      app.origin,
      SnapshotsDocument,
      { filter: { instanceId: instance.id } },
      otherKey,
    );
    expect(theirs.snapshots.totalCount).toBe(0);
  });
});
