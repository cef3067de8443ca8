import type { Db } from "../../src/db/client.ts";
import { copyImageCommand } from "../../src/domain/copies.ts";
import { createCustomImageCommand } from "../../src/domain/image-creation.ts";
import { createInstanceCommand } from "../../src/domain/instance-creation.ts";
import { createSnapshotCommand } from "../../src/domain/snapshots.ts";
import { work } from "../../src/domain/work.ts";
import { createDispatcher, type Dispatch } from "../../src/engine/dispatcher.ts";
import type { Jobs } from "../../src/engine/in-flight.ts";
import { createPublisher } from "../../src/engine/publish.ts";
import type { Scheduler } from "../../src/engine/scheduler.ts";
import { advanceImage, advanceSnapshot, type StepDeps } from "../../src/engine/steps.ts";
import type { ImageEvent, ProgressBus, SnapshotEvent } from "../../src/events/progress.ts";
import { memorySequenceLedger } from "../../src/events/sequence.ts";
import type { Logger } from "../../src/logger.ts";
import { simulatedBlockStorage } from "../../src/storage/block-storage.ts";
import { ManualClock } from "../support/clock.ts";
import { directDeps, runOrThrow } from "../support/commands.ts";
import { beforeAll, beforeEach, describe, expect, it } from "../support/test.ts";

const ACCOUNT = "acc-demo0000000000000000";
const RATES = { snapshotGibPerSecond: 10, copyGibPerSecond: 10 };
/** The deps of a command run directly, as a mutation at this instant would run it. */
const commandDeps = () => directDeps(prisma, ACCOUNT, clock.now(), RATES);

let prisma: Db;
const clock = new ManualClock();

/** A bus that records what is published, in order. */
function recordingBus() {
  const images: ImageEvent[] = [];
  const snapshots: SnapshotEvent[] = [];
  const bus = {
    publish: (topic: "image" | "snapshot", _id: string, event: ImageEvent | SnapshotEvent) => {
      if (topic === "image") images.push(event as ImageEvent);
      else snapshots.push(event as SnapshotEvent);
    },
  } as unknown as ProgressBus;
  return { bus, images, snapshots };
}

/** A logger that keeps its entries, so a test can count the transitions a step won. */
function recordingLogger() {
  const entries: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    void entries.push({ level, message, fields });
  const logger: Logger = { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
  return { logger, entries };
}

let recorded: ReturnType<typeof recordingBus>;
let logged: ReturnType<typeof recordingLogger>;
let deps: StepDeps;

beforeAll(({ db }) => {
  prisma = db.prisma;
});
beforeEach(() => {
  recorded = recordingBus();
  logged = recordingLogger();
  const ledger = memorySequenceLedger();
  deps = {
    prisma,
    storage: simulatedBlockStorage,
    ledger,
    publish: createPublisher(recorded.bus, ledger),
    logger: logged.logger,
  };
});

let serial = 0;
/** An image CREATING from a new instance: system disk 20 GiB, data disks 40 and 60 GiB (2, 4 and 6 s at 10 GiB/s). */
async function imageInProgress(): Promise<string> {
  serial += 1;
  const { result: instanceId } = await runOrThrow(createInstanceCommand, commandDeps(), {
    regionId: "cn-hangzhou",
    name: `unit-${serial}`,
    imageId: "ubuntu_22_04_x64_20G_alibase",
    dataDisks: [{ sizeGiB: 40 }, { sizeGiB: 60 }],
  });
  const created = await runOrThrow(createCustomImageCommand, commandDeps(), {
    instanceId,
    name: `unit-image-${serial}`,
  });
  expect(created.work.startedImages).toEqual([created.result.imageId]);
  return created.result.imageId;
}

/** A copy of an image that has just become AVAILABLE (6 s), to `region`: the copy and its work. */
async function copyOfFinishedImage(region: string) {
  const sourceId = await imageInProgress();
  clock.advance(6_000);
  await advanceImage(deps, sourceId, clock.now());
  return runOrThrow(copyImageCommand, commandDeps(), { imageId: sourceId, destinationRegionId: region });
}

const completions = () => logged.entries.filter((e) => e.message === "engine: snapshot completed");

describe("advanceImage", () => {
  it("publishes each snapshot that moved since its last event, and nothing when nothing moved", async () => {
    const imageId = await imageInProgress();
    clock.advance(1_000);
    const step = await advanceImage(deps, imageId, clock.now());
    expect(step.final).toBe(false);
    // Three snapshots moved: an event on each snapshot's topic and one on the image's for each.
    expect(recorded.snapshots.map((e) => e.snapshot.device)).toEqual(["/dev/vda", "/dev/vdb", "/dev/vdc"]);
    // No event before (the dispatcher, which publishes the start, is not in this test): the image's
    // numbers start from the milliseconds since it began, so they rise across restarts too.
    expect(recorded.images.map((e) => e.sequence)).toEqual([1001, 1002, 1003]);
    // Stateless: the same step again at the same instant has nothing new to say.
    await advanceImage(deps, imageId, clock.now());
    expect(recorded.images).toHaveLength(3);
    clock.advance(20); // 50 % → 51 % on the system disk, 25 % → 25.5 % and 16.7 % → 17 % on the data disks
    await advanceImage(deps, imageId, clock.now());
    expect(recorded.images.map((e) => e.snapshot?.device)).toEqual([
      "/dev/vda",
      "/dev/vdb",
      "/dev/vdc",
      "/dev/vda",
      "/dev/vdc",
    ]);
    expect(recorded.images.map((e) => e.sequence)).toEqual([1001, 1002, 1003, 1004, 1005]);
  });

  it("completes what the provider finished once, however many times it runs, then ends the image", async () => {
    const imageId = await imageInProgress();
    clock.advance(2_000); // the system disk is done
    await Promise.all([advanceImage(deps, imageId, clock.now()), advanceImage(deps, imageId, clock.now())]);
    expect(completions()).toHaveLength(1);
    clock.advance(4_000); // every disk is done
    const [first, second] = await Promise.all([
      advanceImage(deps, imageId, clock.now()),
      advanceImage(deps, imageId, clock.now()),
    ]);
    expect(completions()).toHaveLength(3);
    expect(first.final && second.final).toBe(true);
    const image = await prisma.image.findUniqueOrThrow({
      where: { id: imageId },
      include: { snapshots: true },
    });
    expect(image.status).toBe("AVAILABLE");
    expect(image.snapshots.map((s) => s.status)).toEqual(["ACCOMPLISHED", "ACCOMPLISHED", "ACCOMPLISHED"]);
    expect(await prisma.instance.count({ where: { lockedByImageId: imageId } })).toBe(0);
    // The image's stream ends once, on its last event.
    expect(recorded.images.filter((e) => e.done)).toHaveLength(1);
    expect(recorded.images.at(-1)).toMatchObject({ done: true, image: { status: "AVAILABLE" } });
    // And a later step has nothing to do.
    const again = await advanceImage(deps, imageId, clock.now());
    expect(again.final).toBe(true);
    expect(recorded.images.filter((e) => e.done)).toHaveLength(1);
  });

  it("publishes the last event a crashed process committed but never sent", async () => {
    const imageId = await imageInProgress();
    clock.advance(6_000);
    // Another process completed the image and died before publishing.
    await prisma.snapshot.updateMany({ where: { imageId }, data: { status: "ACCOMPLISHED", progress: 100 } });
    await prisma.image.update({ where: { id: imageId }, data: { status: "AVAILABLE" } });
    const step = await advanceImage(deps, imageId, clock.now());
    expect(step.final).toBe(true);
    expect(recorded.images.filter((e) => e.done)).toHaveLength(1);
    expect(recorded.snapshots.filter((e) => e.done)).toHaveLength(3);
    expect(completions()).toHaveLength(0);
  });

  it("frees the copy slot of a copy that ends, for the dispatcher", async () => {
    const { result: imageId, work: queued } = await copyOfFinishedImage("cn-beijing");
    expect(queued.regionsWithFreeSlots).toEqual(["cn-beijing"]);
    // WAITING: nobody drives it until it is promoted.
    expect((await advanceImage(deps, imageId, clock.now())).final).toBe(true);
    await prisma.image.update({ where: { id: imageId }, data: { status: "CREATING" } });
    await prisma.snapshot.updateMany({ where: { imageId }, data: { startedAt: clock.now() } });
    clock.advance(6_000);
    const ended = await advanceImage(deps, imageId, clock.now());
    expect(ended).toMatchObject({ final: true, work: { regionsWithFreeSlots: ["cn-beijing"] } });
  });
});

describe("advanceSnapshot", () => {
  it("drives a snapshot taken on its own to ACCOMPLISHED, once", async () => {
    const { result: instanceId } = await runOrThrow(createInstanceCommand, commandDeps(), {
      regionId: "cn-hangzhou",
      name: "unit-snap",
      imageId: "ubuntu_22_04_x64_20G_alibase",
    });
    const disk = await prisma.disk.findFirstOrThrow({ where: { instanceId } });
    const { result: snapshotId } = await runOrThrow(createSnapshotCommand, commandDeps(), {
      diskId: disk.id,
    });
    clock.advance(1_000);
    expect((await advanceSnapshot(deps, snapshotId, clock.now())).final).toBe(false);
    expect(recorded.snapshots.map((e) => [e.sequence, e.snapshot.status])).toEqual([[1001, "PROGRESSING"]]);
    clock.advance(1_000);
    const [a, b] = await Promise.all([
      advanceSnapshot(deps, snapshotId, clock.now()),
      advanceSnapshot(deps, snapshotId, clock.now()),
    ]);
    expect(a.final && b.final).toBe(true);
    expect(completions()).toHaveLength(1);
    expect(recorded.snapshots.at(-1)).toMatchObject({ done: true, snapshot: { status: "ACCOMPLISHED" } });
  });
});

describe("the after-commit dispatcher", () => {
  function dispatcherWith(scheduler: Partial<Scheduler>): { dispatch: Dispatch; scheduled: Jobs[] } {
    const scheduled: Jobs[] = [];
    const full: Scheduler = {
      start: async () => undefined,
      stop: async () => undefined,
      reconcile: async () => undefined,
      schedule: async (jobs) => void scheduled.push(jobs),
      ...scheduler,
    };
    return { dispatch: createDispatcher({ ...deps, clock, scheduler: () => full }), scheduled };
  }

  it("hands started images to the scheduler with their first event", async () => {
    const { dispatch, scheduled } = dispatcherWith({});
    const imageId = await imageInProgress();
    await dispatch(work({ startedImages: [imageId] }));
    expect(scheduled).toEqual([{ images: [imageId], snapshots: [] }]);
    expect(recorded.images.map((e) => [e.sequence, e.image.status, e.done])).toEqual([
      [1, "CREATING", false],
    ]);
  });

  it("starts waiting copies where a slot is free, and schedules them", async () => {
    const { dispatch, scheduled } = dispatcherWith({});
    const { result: copyId, work: queued } = await copyOfFinishedImage("us-west-1");
    await dispatch(queued);
    expect(scheduled.at(-1)).toEqual({ images: [copyId], snapshots: [] });
    const promoted = await prisma.image.findUniqueOrThrow({ where: { id: copyId } });
    expect(promoted.status).toBe("CREATING");
    expect(recorded.images.at(-1)).toMatchObject({ image: { id: copyId, status: "CREATING" } });
  });

  it("ends the streams of ended images and deleted snapshots", async () => {
    const { dispatch } = dispatcherWith({});
    const imageId = await imageInProgress();
    await prisma.image.update({ where: { id: imageId }, data: { status: "CREATE_FAILED" } });
    await prisma.snapshot.updateMany({ where: { imageId }, data: { status: "FAILED" } });
    const deleted = await prisma.snapshot.findFirstOrThrow({ where: { imageId } });
    await dispatch(
      work({ endedImages: [imageId], deletedSnapshots: [{ snapshot: deleted, reason: "gone" }] }),
    );
    expect(recorded.images.at(-1)).toMatchObject({ done: true, image: { status: "CREATE_FAILED" } });
    expect(recorded.snapshots.filter((e) => e.done)).toHaveLength(4);
    expect(recorded.snapshots.at(-1)).toMatchObject({ done: true, snapshot: { failureReason: "gone" } });
  });

  it("never fails a committed command: a scheduler that refuses is logged", async () => {
    const { dispatch } = dispatcherWith({
      schedule: async () => {
        throw new Error("redis is down");
      },
    });
    const imageId = await imageInProgress();
    await expect(dispatch(work({ startedImages: [imageId] }))).resolves.toBeUndefined();
    expect(logged.entries.filter((e) => e.level === "error").map((e) => e.message)).toEqual([
      "engine dispatch failed: scheduling; reconciliation will pick it up",
    ]);
  });
});
