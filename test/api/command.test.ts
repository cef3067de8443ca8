import { createDb, type Db } from "../../src/db/client.ts";
import { type CommandDeps, runCommand } from "../../src/domain/command.ts";
import { createCustomImageCommand } from "../../src/domain/image-creation.ts";
import { instanceActionCommand } from "../../src/domain/instance-actions.ts";
import { createInstanceCommand } from "../../src/domain/instance-creation.ts";
import type { Work } from "../../src/domain/work.ts";
import { simulatedBlockStorage } from "../../src/storage/block-storage.ts";
import type { TestApp } from "../support/app.ts";
import { ManualClock } from "../support/clock.ts";
import { runOrThrow } from "../support/commands.ts";
import { afterAll, beforeAll, describe, expect, it, useServer } from "../support/test.ts";

const ACCOUNT = "acc-demo0000000000000000";
const clock = new ManualClock();

// The app's engine never ticks here: this test hands the work to a dispatcher of its own.
let app: TestApp;
let prisma: Db;
/** A client of its own: it sees only what the app's client committed. */
let other: Db;

useServer({ clock, config: { progressIntervalMs: 3_600_000 } });
beforeAll(({ server }) => {
  app = server;
  prisma = app.prisma;
  other = createDb(app.database.url).prisma;
});
afterAll(() => other?.$disconnect());

function deps(): CommandDeps {
  return {
    db: prisma,
    accountId: ACCOUNT,
    now: clock.now(),
    rates: { snapshotGibPerSecond: 10, copyGibPerSecond: 10 },
    storage: simulatedBlockStorage,
  };
}

/** The dispatcher's stand-in: what it was handed, in order. */
function recordingDispatch() {
  const handed: Work[] = [];
  return { handed, afterCommit: async (work: Work) => void handed.push(work) };
}

let serial = 0;
/** A RUNNING instance with a system disk of 20 GiB and a data disk of 40 GiB. */
async function newInstance(): Promise<string> {
  serial += 1;
  clock.advance(1_000);
  const { result } = await runOrThrow(createInstanceCommand, deps(), {
    regionId: "cn-hangzhou",
    name: `command-${serial}`,
    imageId: "ubuntu_22_04_x64_20G_alibase",
    dataDisks: [{ sizeGiB: 40 }],
  });
  return result;
}

const tokenRecords = (token: string) =>
  prisma.idempotencyRecord.count({ where: { accountId: ACCOUNT, token } });

describe("the command runner", () => {
  it("runs a dry run with every check, writes nothing and dispatches nothing; a real call then succeeds", async () => {
    const instanceId = await newInstance();
    const input = {
      instanceId,
      name: "dry-run-image",
      clientToken: "dry-run-token",
      ignoreCheckFailures: true,
    };
    const dispatch = recordingDispatch();
    const images = await prisma.image.count();
    const snapshots = await prisma.snapshot.count();

    const dry = await runCommand(createCustomImageCommand, deps(), input, { ...dispatch, dryRun: true });
    expect(dry.userErrors).toEqual([]);
    if (!dry.ok) throw new Error("the dry run failed");
    expect(dry.plan).toMatchObject({
      snapshots: [
        { device: "/dev/vda", type: "SYSTEM", sizeGiB: 20, estimatedSeconds: 2 },
        { device: "/dev/vdb", type: "DATA", sizeGiB: 40, estimatedSeconds: 4 },
      ],
      estimatedSeconds: 4,
      queuePosition: 0,
    });
    expect(dry.plan?.warnings).toEqual(dry.result.warnings);
    // What it would hand the engine, but nothing was handed, and nothing stayed.
    expect(dry.work.startedImages).toEqual([dry.result.imageId]);
    expect(dispatch.handed).toEqual([]);
    expect(await prisma.image.findUnique({ where: { id: dry.result.imageId } })).toBeNull();
    expect(await prisma.image.count()).toBe(images);
    expect(await prisma.snapshot.count()).toBe(snapshots);
    expect(await tokenRecords("dry-run-token")).toBe(0);
    const instance = await prisma.instance.findUniqueOrThrow({ where: { id: instanceId } });
    expect(instance.lockedByImageId).toBeNull();

    const real = await runCommand(createCustomImageCommand, deps(), input, dispatch);
    expect(real.userErrors).toEqual([]);
    if (!real.ok) throw new Error("the real call failed");
    expect(real.plan).toBeNull();
    expect(real.result.imageId).not.toBe(dry.result.imageId);
    expect(real.result.warnings).toEqual(dry.result.warnings);
    expect(await prisma.image.findUniqueOrThrow({ where: { id: real.result.imageId } })).toMatchObject({
      status: "CREATING",
      name: "dry-run-image",
    });
    expect(await prisma.snapshot.count()).toBe(snapshots + 2);
    expect(await tokenRecords("dry-run-token")).toBe(1);
    expect(dispatch.handed.map((work) => work.startedImages)).toEqual([[real.result.imageId]]);

    // The same checks as a real call: the instance is locked by the image now.
    const again = await runCommand(
      createCustomImageCommand,
      deps(),
      { instanceId, name: "dry-run-image-2", ignoreCheckFailures: true },
      { ...dispatch, dryRun: true },
    );
    expect(again.userErrors.map((error) => [error.code, error.field])).toEqual([
      ["INSTANCE_LOCKED", ["input", "instanceId"]],
    ]);
    // A dry run of a retry answers as the retry would: the first result.
    const retry = await runCommand(createCustomImageCommand, deps(), input, { ...dispatch, dryRun: true });
    expect(retry.ok && retry.result.imageId).toBe(real.result.imageId);
    expect(dispatch.handed).toHaveLength(1);
  });

  it("hands the work to the dispatcher only once the transaction committed", async () => {
    const instanceId = await newInstance();
    const seen: { image: unknown; record: number }[] = [];
    const outcome = await runCommand(
      createCustomImageCommand,
      deps(),
      {
        instanceId,
        name: "after-commit-image",
        clientToken: "after-commit-token",
        ignoreCheckFailures: true,
      },
      {
        afterCommit: async (work) => {
          // Read through another connection: only committed rows are there.
          const imageId = work.startedImages[0]!;
          const image = await other.image.findUnique({ where: { id: imageId }, select: { status: true } });
          const record = await other.idempotencyRecord.count({ where: { token: "after-commit-token" } });
          seen.push({ image, record });
        },
      },
    );
    expect(outcome.userErrors).toEqual([]);
    expect(seen).toEqual([{ image: { status: "CREATING" }, record: 1 }]);
  });

  it("rolls a failing command back whole, dispatches nothing, and returns its userErrors with code and field", async () => {
    const instanceId = await newInstance();
    const dispatch = recordingDispatch();
    const account = await prisma.account.findUniqueOrThrow({ where: { id: ACCOUNT } });
    const used = await prisma.image.count({
      where: { accountId: ACCOUNT, regionId: "cn-hangzhou", status: { not: "CANCELLED" }, deletedAt: null },
    });
    await prisma.account.update({ where: { id: ACCOUNT }, data: { imageQuotaPerRegion: used } });
    const images = await prisma.image.count();
    const snapshots = await prisma.snapshot.count();
    try {
      // The quota is checked inside the transaction, after the clientToken was claimed in it.
      const refused = await runCommand(
        createCustomImageCommand,
        deps(),
        { instanceId, name: "over-quota", clientToken: "over-quota-token", ignoreCheckFailures: true },
        dispatch,
      );
      expect(refused).toMatchObject({ ok: false });
      expect(refused.userErrors.map((error) => [error.code, error.field])).toEqual([
        ["QUOTA_EXCEEDED", ["input"]],
      ]);
      expect(await tokenRecords("over-quota-token")).toBe(0);
      expect(await prisma.image.count()).toBe(images);
      expect(await prisma.snapshot.count()).toBe(snapshots);
      expect(
        (await prisma.instance.findUniqueOrThrow({ where: { id: instanceId } })).lockedByImageId,
      ).toBeNull();
      expect(dispatch.handed).toEqual([]);
    } finally {
      await prisma.account.update({
        where: { id: ACCOUNT },
        data: { imageQuotaPerRegion: account.imageQuotaPerRegion },
      });
    }

    // Validation collects every bad field; a token is looked up before it.
    const invalid = await runCommand(
      createCustomImageCommand,
      deps(),
      { instanceId, snapshotId: "s-00000000000000000000", name: "1-not-a-name" },
      dispatch,
    );
    expect(invalid.userErrors.map((error) => [error.code, error.field])).toEqual([
      ["INVALID_INPUT", ["input"]],
      ["INVALID_IMAGE_NAME", ["input", "name"]],
    ]);
    expect(dispatch.handed).toEqual([]);
  });

  it("rolls back a dry run of a state change too", async () => {
    const instanceId = await newInstance();
    const dispatch = recordingDispatch();
    const dry = await runCommand(
      instanceActionCommand("stop"),
      deps(),
      { instanceId },
      { ...dispatch, dryRun: true },
    );
    expect(dry.ok && dry.result.status).toBe("STOPPED");
    expect((await prisma.instance.findUniqueOrThrow({ where: { id: instanceId } })).status).toBe("RUNNING");
    const real = await runCommand(instanceActionCommand("stop"), deps(), { instanceId }, dispatch);
    expect(real.ok && real.result.status).toBe("STOPPED");
    expect((await prisma.instance.findUniqueOrThrow({ where: { id: instanceId } })).status).toBe("STOPPED");
    expect(dispatch.handed).toHaveLength(1);
  });
});
