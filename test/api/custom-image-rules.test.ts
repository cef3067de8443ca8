import type { CreateCustomImageInput, CreateInstanceInput, GuestStateInput } from "../generated/graphql.ts";
import { DEMO_KEY, type TestApp } from "../support/app.ts";
import { gql, gqlData, wsClient } from "../support/client.ts";
import { advanceAndStep, ManualClock } from "../support/clock.ts";
import {
  CreateCustomImageDocument,
  ImageDocument,
  ImageProgressDocument,
} from "../support/documents/images.ts";
import {
  InstanceDocument,
  ReleaseInstanceDocument,
  StopInstanceDocument,
  UpdateGuestDocument,
} from "../support/documents/instances.ts";
import {
  CreateSnapshotDocument,
  SnapshotDocument,
  SnapshotProgressDocument,
  SnapshotsDocument,
} from "../support/documents/snapshots.ts";
import { newInstance } from "../support/fixtures.ts";
import { subscribeWs } from "../support/stream.ts";
import { beforeAll, describe, expect, it, useServer } from "../support/test.ts";

const clock = new ManualClock();
let app: TestApp;
let otherKey: string;

const _LINUX = "ubuntu_22_04_x64_20G_alibase";
const WINDOWS = "win2022_datacenter_x64_40G_alibase";

// Progress only advances when a test moves the clock and ticks the engine.
useServer({ clock, config: { progressIntervalMs: 3_600_000, snapshotGibPerSecond: 8 } });
beforeAll(async ({ server }) => {
  app = server;
  otherKey = await app.newAccount("rules-other");
});

const tick = (ms: number) => advanceAndStep(app, clock, ms);

/** An instance with 40 and 100 GiB data disks unless told otherwise. */
function vm({ key, ...input }: Partial<CreateInstanceInput> & { key?: string } = {}) {
  return newInstance(app.origin, { dataDisks: [{ sizeGiB: 40 }, { sizeGiB: 100 }], ...input }, key);
}

async function createImage(input: CreateCustomImageInput, key = DEMO_KEY) {
  const data = await gqlData(app.origin, CreateCustomImageDocument, { input }, key);
  return data.createCustomImage;
}

/** Every custom image and snapshot in the database, of every account. */
async function written() {
  return {
    images: await app.prisma.image.count({ where: { ownerAlias: "SELF" } }),
    snapshots: await app.prisma.snapshot.count(),
    mappings: await app.prisma.imageDiskMapping.count(),
    checks: await app.prisma.imageCheck.count(),
  };
}

/** No image is in progress on the instance: through the API (as its owner) and in the database. */
async function expectUnlocked(instanceId: string, key = DEMO_KEY) {
  const data = await gqlData(app.origin, InstanceDocument, { id: instanceId }, key);
  expect(data.instance).not.toBeNull();
  expect(data.instance?.imageInProgress).toBeNull();
  const row = await app.prisma.instance.findUniqueOrThrow({ where: { id: instanceId } });
  expect(row.lockedByImageId).toBeNull();
}

/** Like expectUnlocked, for an instance the caller may not be able to see (or that does not exist). */
async function expectNotLocked(instanceId: string) {
  const row = await app.prisma.instance.findUnique({ where: { id: instanceId } });
  expect(row?.lockedByImageId ?? null).toBeNull();
}

/** The request is refused with exactly these errors and nothing is written. */
async function expectRefused(
  input: CreateCustomImageInput,
  expected: { code: string; field: string[] | null }[],
  key = DEMO_KEY,
) {
  const before = await written();
  const payload = await createImage(input, key);
  expect(payload.image).toBeNull();
  expect(payload.warnings).toEqual([]);
  expect(payload.userErrors.map(({ code, field }) => ({ code, field }))).toEqual(expected);
  for (const error of payload.userErrors) expect(error.message.length).toBeGreaterThan(0);
  expect(await written()).toEqual(before);
  if (input.instanceId) await expectNotLocked(input.instanceId);
  return payload.userErrors;
}

const NAME_FIELD = ["input", "name"];
const INSTANCE_FIELD = ["input", "instanceId"];

describe("input validation", () => {
  it("refuses image names outside the rules with INVALID_IMAGE_NAME", async () => {
    const instance = await vm();
    const bad = [
      "a", // too short
      "", // too short
      "a".repeat(129), // too long
      "1image", // starts with a digit
      "-image", // starts with a dash
      "_image", // starts with an underscore
      "http://images.example.com",
      "https://images.example.com",
      "my image", // space
      "my/image", // slash
      "image*1",
    ];
    for (const name of bad) {
      const [error] = await expectRefused({ instanceId: instance.id, name }, [
        { code: "INVALID_IMAGE_NAME", field: NAME_FIELD },
      ]);
      if (name.startsWith("http")) expect(error?.message).toMatch(/http/);
    }
  });

  it("accepts names of any script, of 2 and of 128 characters", async () => {
    for (const name of ["镜像-1.0:prod_a", "Ωmega-image", "ab", `z${"9".repeat(127)}`]) {
      const instance = await vm();
      const payload = await createImage({ instanceId: instance.id, name });
      expect(payload.userErrors).toEqual([]);
      expect(payload.image).toMatchObject({ name, status: "CREATING", source: "INSTANCE" });
    }
  });

  /**
   * An image named `name` from one instance: refused with `code` at input.<field> for each of the
   * `refused` values, then created with the `accepted` one (its payload returned).
   */
  async function expectOnlyAccepted(
    field: "description" | "clientToken",
    name: string,
    code: string,
    refused: string[],
    accepted: string,
  ) {
    const instance = await vm();
    for (const value of refused) {
      await expectRefused({ instanceId: instance.id, name, [field]: value }, [
        { code, field: ["input", field] },
      ]);
    }
    const ok = await createImage({ instanceId: instance.id, name, [field]: accepted });
    expect(ok.userErrors).toEqual([]);
    return ok;
  }

  it("refuses a description over 256 characters or starting with a URL with INVALID_DESCRIPTION", async () => {
    const refused = ["d".repeat(257), "https://example.com/about", "http://example.com"];
    const ok = await expectOnlyAccepted(
      "description",
      "described-image",
      "INVALID_DESCRIPTION",
      refused,
      "d".repeat(256),
    );
    expect(ok.image?.description).toBe("d".repeat(256));
  });

  it("refuses a clientToken over 64 characters or not printable ASCII (INVALID_INPUT)", async () => {
    await expectOnlyAccepted(
      "clientToken",
      "token-checked",
      "INVALID_INPUT",
      ["t".repeat(65), "tökén", ""],
      "t".repeat(64),
    );
  });

  it("reports a bad name and a bad description together", async () => {
    const instance = await vm();
    await expectRefused({ instanceId: instance.id, name: "9lives", description: "x".repeat(300) }, [
      { code: "INVALID_IMAGE_NAME", field: NAME_FIELD },
      { code: "INVALID_DESCRIPTION", field: ["input", "description"] },
    ]);
  });

  it("needs exactly one of instanceId and snapshotId (INVALID_INPUT)", async () => {
    const instance = await vm();
    await expectRefused({ instanceId: instance.id, snapshotId: "s-00000000000000000000", name: "both-ids" }, [
      { code: "INVALID_INPUT", field: ["input"] },
    ]);
    await expectRefused({ name: "neither-id" }, [{ code: "INVALID_INPUT", field: ["input"] }]);
    await expectRefused(
      { instanceId: instance.id, dataDiskSnapshotIds: ["s-00000000000000000000"], name: "with-data" },
      [{ code: "INVALID_INPUT", field: ["input", "dataDiskSnapshotIds"] }],
    );
  });
});

describe("names and quota", () => {
  it("lets only one of concurrent requests for the same new name win (DUPLICATE_IMAGE_NAME)", async () => {
    const instances = [];
    for (let i = 0; i < 8; i++) instances.push(await vm());
    const before = await written();
    const payloads = await Promise.all(
      instances.map(async (instance) => {
        const result = await gql(app.origin, CreateCustomImageDocument, {
          input: { instanceId: instance.id, name: "contested-name" },
        });
        expect(result.errors).toBeUndefined();
        return result.data!.createCustomImage;
      }),
    );
    expect(payloads.filter((p) => p.image)).toHaveLength(1);
    for (const payload of payloads.filter((p) => !p.image)) {
      expect(payload.userErrors.map(({ code, field }) => ({ code, field }))).toEqual([
        { code: "DUPLICATE_IMAGE_NAME", field: NAME_FIELD },
      ]);
    }
    const after = await written();
    expect(after.images).toBe(before.images + 1);
    expect(after.snapshots).toBe(before.snapshots + 3);
    const locked = await app.prisma.instance.count({
      where: { id: { in: instances.map((i) => i.id) }, lockedByImageId: { not: null } },
    });
    expect(locked).toBe(1);
  });

  it("refuses a name already used in the account and region (DUPLICATE_IMAGE_NAME), case-sensitively", async () => {
    const first = await vm();
    const created = await createImage({ instanceId: first.id, name: "dup-name" });
    expect(created.userErrors).toEqual([]);

    const second = await vm();
    const [error] = await expectRefused({ instanceId: second.id, name: "dup-name" }, [
      { code: "DUPLICATE_IMAGE_NAME", field: NAME_FIELD },
    ]);
    expect(error?.message).toContain("dup-name");

    // Names compare case-sensitively.
    const otherCase = await createImage({ instanceId: second.id, name: "Dup-Name" });
    expect(otherCase.userErrors).toEqual([]);
    expect(otherCase.image?.name).toBe("Dup-Name");

    // The same name in another region of the same account.
    const shanghai = await vm({ regionId: "cn-shanghai" });
    const elsewhere = await createImage({ instanceId: shanghai.id, name: "dup-name" });
    expect(elsewhere.userErrors).toEqual([]);
    expect(elsewhere.image?.region?.id).toBe("cn-shanghai");

    // The same name and region in another account.
    const foreign = await vm({ key: otherKey });
    const theirs = await createImage({ instanceId: foreign.id, name: "dup-name" }, otherKey);
    expect(theirs.userErrors).toEqual([]);
    expect(theirs.image?.region?.id).toBe("cn-hangzhou");
  });

  it("refuses an image over the account's per-region quota (QUOTA_EXCEEDED) while another region still works", async () => {
    const key = await app.newAccount("rules-quota");
    await app.prisma.account.update({ where: { name: "rules-quota" }, data: { imageQuotaPerRegion: 2 } });

    for (const name of ["quota-1", "quota-2"]) {
      const instance = await vm({ key });
      const payload = await createImage({ instanceId: instance.id, name }, key);
      expect(payload.userErrors).toEqual([]);
    }
    const third = await vm({ key });
    const [error] = await expectRefused(
      { instanceId: third.id, name: "quota-3" },
      [{ code: "QUOTA_EXCEEDED", field: ["input"] }],
      key,
    );
    expect(error?.message).toContain("2");

    // Requests fired at once cannot overshoot the quota either.
    const racers = [];
    for (let i = 0; i < 5; i++) racers.push(await vm({ key, regionId: "cn-shanghai" }));
    const raced = await Promise.all(
      racers.map(async (instance, i) => {
        const result = await gql(
          app.origin,
          CreateCustomImageDocument,
          { input: { instanceId: instance.id, name: `quota-race-${i}` } },
          key,
        );
        expect(result.errors).toBeUndefined();
        return result.data!.createCustomImage;
      }),
    );
    expect(raced.filter((p) => p.image)).toHaveLength(2);
    for (const payload of raced.filter((p) => !p.image)) {
      expect(payload.userErrors.map((e) => e.code)).toEqual(["QUOTA_EXCEEDED"]);
    }

    const beijing = await vm({ key, regionId: "cn-beijing" });
    const payload = await createImage({ instanceId: beijing.id, name: "quota-3" }, key);
    expect(payload.userErrors).toEqual([]);
    expect(payload.image?.region?.id).toBe("cn-beijing");
  });
});

describe("instance status", () => {
  it("images a STOPPED instance", async () => {
    const instance = await vm({ start: false });
    expect(instance.status).toBe("STOPPED");
    const payload = await createImage({ instanceId: instance.id, name: "from-stopped" });
    expect(payload.userErrors).toEqual([]);
    expect(payload.image).toMatchObject({ status: "CREATING", sourceInstance: { id: instance.id } });
    expect(payload.image?.sourceInstance?.imageInProgress?.id).toBe(payload.image?.id);
  });

  it("refuses a RELEASED instance with INCORRECT_INSTANCE_STATUS", async () => {
    const instance = await vm();
    const released = await gqlData(app.origin, ReleaseInstanceDocument, {
      input: { instanceId: instance.id },
    });
    expect(released.releaseInstance.userErrors).toEqual([]);
    await expectRefused({ instanceId: instance.id, name: "from-released" }, [
      { code: "INCORRECT_INSTANCE_STATUS", field: INSTANCE_FIELD },
    ]);
  });

  it("refuses an EXPIRED instance with INCORRECT_INSTANCE_STATUS", async () => {
    const expiresAt = new Date(clock.now().getTime() + 60_000).toISOString();
    const instance = await vm({ expiresAt });
    clock.advance(61_000);
    const read = await gqlData(app.origin, InstanceDocument, { id: instance.id });
    expect(read.instance?.status).toBe("EXPIRED");
    await expectRefused({ instanceId: instance.id, name: "from-expired" }, [
      { code: "INCORRECT_INSTANCE_STATUS", field: INSTANCE_FIELD },
    ]);
  });

  it("refuses another account's instance with NOT_FOUND", async () => {
    const foreign = await vm({ key: otherKey });
    await expectRefused({ instanceId: foreign.id, name: "not-mine" }, [
      { code: "NOT_FOUND", field: INSTANCE_FIELD },
    ]);
    await expectUnlocked(foreign.id, otherKey);
    await expectRefused({ instanceId: "i-00000000000000000000", name: "no-such" }, [
      { code: "NOT_FOUND", field: INSTANCE_FIELD },
    ]);
  });

  it("refuses a second image while one is CREATING from the instance (INSTANCE_LOCKED)", async () => {
    const instance = await vm();
    const first = await createImage({ instanceId: instance.id, name: "lock-first" });
    expect(first.userErrors).toEqual([]);
    const before = await written();
    const second = await createImage({ instanceId: instance.id, name: "lock-second" });
    expect(second.image).toBeNull();
    expect(second.userErrors.map(({ code, field }) => ({ code, field }))).toEqual([
      { code: "INSTANCE_LOCKED", field: INSTANCE_FIELD },
    ]);
    expect(second.userErrors[0]?.message).toContain(first.image!.id);
    expect(await written()).toEqual(before);
    const read = await gqlData(app.origin, InstanceDocument, { id: instance.id });
    expect(read.instance?.imageInProgress?.id).toBe(first.image!.id);
  });
});

describe("Linux pre-checks", () => {
  const failing: { item: string; guest: GuestStateInput; mentions: string }[] = [
    { item: "FSTAB_DATA_DISK", guest: { fstabDataDiskEntries: ["/dev/vdb1"] }, mentions: "/dev/vdb1" },
    { item: "SYSTEM_DISK_PARTITIONS", guest: { systemDiskPartitions: 2 }, mentions: "2" },
    { item: "SYSTEM_DISK_FREE_SPACE", guest: { systemDiskFreeMiB: 100 }, mentions: "100" },
    { item: "ROOT_USERNAME", guest: { rootUsername: "admin" }, mentions: "admin" },
  ];

  it.each(failing)(
    "$item FAILs: PRECHECK_FAILED, or an image with warnings when ignored",
    async ({ item, guest, mentions }) => {
      const instance = await vm();
      const updated = await gqlData(app.origin, UpdateGuestDocument, {
        input: { instanceId: instance.id, guest },
      });
      expect(updated.updateInstanceGuestState.userErrors).toEqual([]);

      const [error] = await expectRefused(
        { instanceId: instance.id, name: `checked-${item.toLowerCase()}` },
        [{ code: "PRECHECK_FAILED", field: INSTANCE_FIELD }],
      );
      expect(error?.message).toContain(item);
      expect(error?.message).toContain(mentions);

      const ignored = await createImage({
        instanceId: instance.id,
        name: `checked-${item.toLowerCase()}`,
        ignoreCheckFailures: true,
      });
      expect(ignored.userErrors).toEqual([]);
      expect(ignored.image?.status).toBe("CREATING");
      expect(ignored.warnings.map((w) => [w.item, w.result])).toEqual([
        ["CONFIDENTIAL_DATA", "WARN"],
        [item, "FAIL"],
      ]);
      expect(ignored.warnings[1]?.message).toContain(mentions);
      const checks = ignored.image!.checks;
      expect(checks).toHaveLength(8);
      expect(checks.filter((c) => c.result !== "PASS").map((c) => [c.item, c.result])).toEqual([
        ["CONFIDENTIAL_DATA", "WARN"],
        [item, "FAIL"],
      ]);
    },
  );

  it("passes SYSTEM_DISK_FREE_SPACE at exactly 512 MiB", async () => {
    const instance = await vm({ guest: { systemDiskFreeMiB: 512 } });
    const payload = await createImage({ instanceId: instance.id, name: "free-512" });
    expect(payload.userErrors).toEqual([]);
    expect(payload.image?.checks.find((c) => c.item === "SYSTEM_DISK_FREE_SPACE")?.result).toBe("PASS");
  });

  const warning: { item: string; guest: GuestStateInput }[] = [
    { item: "MOUNTED_FILE_SYSTEMS", guest: { mountedFileSystems: ["/data"] } },
    { item: "KERNEL_UPGRADED", guest: { kernelUpgraded: true } },
    { item: "SYSTEM_FILES_MODIFIED", guest: { modifiedSystemPaths: ["/bin"] } },
  ];

  it.each(warning)(
    "$item only WARNs: the image is created and the warning listed",
    async ({ item, guest }) => {
      const instance = await vm();
      const updated = await gqlData(app.origin, UpdateGuestDocument, {
        input: { instanceId: instance.id, guest },
      });
      expect(updated.updateInstanceGuestState.userErrors).toEqual([]);
      const payload = await createImage({ instanceId: instance.id, name: `warned-${item.toLowerCase()}` });
      expect(payload.userErrors).toEqual([]);
      expect(payload.image?.status).toBe("CREATING");
      expect(payload.warnings.map((w) => [w.item, w.result])).toEqual([
        ["CONFIDENTIAL_DATA", "WARN"],
        [item, "WARN"],
      ]);
      const checks = payload.image!.checks;
      expect(checks.map((c) => c.item)).toEqual([
        "CONFIDENTIAL_DATA",
        "FSTAB_DATA_DISK",
        "MOUNTED_FILE_SYSTEMS",
        "KERNEL_UPGRADED",
        "SYSTEM_DISK_PARTITIONS",
        "SYSTEM_DISK_FREE_SPACE",
        "SYSTEM_FILES_MODIFIED",
        "ROOT_USERNAME",
      ]);
      expect(checks.filter((c) => c.result !== "PASS").map((c) => c.item)).toEqual([
        "CONFIDENTIAL_DATA",
        item,
      ]);
      for (const check of checks) expect(check.message.length).toBeGreaterThan(0);

      // The stored checks are what the image reports later.
      const read = await gqlData(app.origin, ImageDocument, { id: payload.image!.id });
      expect(read.image?.checks).toEqual(checks);
    },
  );

  it("runs no checks on a WINDOWS instance", async () => {
    // Even a guest report that would FAIL on Linux does not matter for Windows.
    const instance = await vm({ imageId: WINDOWS, dataDisks: [], guest: { rootUsername: "admin" } });
    expect(instance.osType).toBe("WINDOWS");
    const payload = await createImage({ instanceId: instance.id, name: "windows-image" });
    expect(payload.userErrors).toEqual([]);
    expect(payload.image).toMatchObject({ status: "CREATING", osType: "WINDOWS", sizeGiB: 40, checks: [] });
    expect(payload.warnings).toEqual([]);
  });
});

describe("clientToken", () => {
  it("returns the same image for a retry with the same token and input", async () => {
    const instance = await vm();
    const input = {
      instanceId: instance.id,
      name: "token-image",
      description: "retried",
      clientToken: "token-retry-1",
    };
    const before = await written();
    const first = await createImage(input);
    expect(first.userErrors).toEqual([]);
    const again = await createImage(input);
    expect(again.userErrors).toEqual([]);
    expect(again.image?.id).toBe(first.image?.id);
    expect(again.warnings).toEqual(first.warnings);
    const after = await written();
    expect(after.images).toBe(before.images + 1);
    expect(after.snapshots).toBe(before.snapshots + 3);
  });

  it("refuses the same token with other input (IDEMPOTENT_PARAMETER_MISMATCH)", async () => {
    const instance = await vm();
    const first = await createImage({
      instanceId: instance.id,
      name: "token-mismatch",
      clientToken: "token-mismatch-1",
    });
    expect(first.userErrors).toEqual([]);
    const before = await written();
    const other = await createImage({
      instanceId: instance.id,
      name: "token-mismatch-b",
      clientToken: "token-mismatch-1",
    });
    expect(other.image).toBeNull();
    expect(other.userErrors.map(({ code, field }) => ({ code, field }))).toEqual([
      { code: "IDEMPOTENT_PARAMETER_MISMATCH", field: ["input", "clientToken"] },
    ]);
    expect(await written()).toEqual(before);
  });

  it("scopes a token to its account: another account's same token makes its own image", async () => {
    const mine = await vm();
    const theirs = await vm({ key: otherKey });
    const first = await createImage({
      instanceId: mine.id,
      name: "token-scoped",
      clientToken: "shared-token",
    });
    expect(first.userErrors).toEqual([]);
    const second = await createImage(
      { instanceId: theirs.id, name: "token-scoped", clientToken: "shared-token" },
      otherKey,
    );
    expect(second.userErrors).toEqual([]);
    expect(second.image?.id).not.toBe(first.image?.id);
  });

  it("makes one image for 50 identical requests fired at once with one token", async () => {
    const instance = await vm();
    const input = { instanceId: instance.id, name: "token-burst", clientToken: "token-burst-1" };
    const before = await written();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => gql(app.origin, CreateCustomImageDocument, { input })),
    );
    for (const result of results) {
      expect(result.errors).toBeUndefined();
      expect(result.data?.createCustomImage.userErrors).toEqual([]);
    }
    const ids = new Set(results.map((r) => r.data?.createCustomImage.image?.id));
    expect(ids.size).toBe(1);
    const [imageId] = [...ids];
    expect(imageId).toMatch(/^m-[0-9a-z]{20}$/);
    const after = await written();
    expect(after.images).toBe(before.images + 1);
    expect(await app.prisma.image.count({ where: { name: "token-burst" } })).toBe(1);
    const snapshots = await gqlData(app.origin, SnapshotsDocument, { filter: { imageId: imageId! } });
    expect(snapshots.snapshots.totalCount).toBe(3);
    expect(after.snapshots).toBe(before.snapshots + 3);
  });

  it("makes one image for 20 different requests at once on one instance; the rest are refused", async () => {
    const instance = await vm();
    const before = await written();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        gql(app.origin, CreateCustomImageDocument, {
          input: { instanceId: instance.id, name: `race-${i}`, clientToken: `race-token-${i}` },
        }),
      ),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    const payloads = results.map((r) => r.data!.createCustomImage);
    const created = payloads.filter((p) => p.image);
    expect(created).toHaveLength(1);
    for (const payload of payloads.filter((p) => !p.image)) {
      expect(payload.userErrors).toHaveLength(1);
      expect(["INSTANCE_LOCKED", "DISK_CREATING_SNAPSHOT"]).toContain(payload.userErrors[0]?.code);
      expect(payload.userErrors[0]?.field).toEqual(INSTANCE_FIELD);
    }
    const after = await written();
    expect(after.images).toBe(before.images + 1);
    expect(after.snapshots).toBe(before.snapshots + 3);
    const read = await gqlData(app.origin, InstanceDocument, { id: instance.id });
    expect(read.instance?.imageInProgress?.id).toBe(created[0]?.image?.id);
  });
});

async function instanceAction(action: "stop" | "release", input: { instanceId: string; force?: boolean }) {
  if (action === "stop") return (await gqlData(app.origin, StopInstanceDocument, { input })).stopInstance;
  return (await gqlData(app.origin, ReleaseInstanceDocument, { input })).releaseInstance;
}

describe("forcing an instance change while an image is CREATING", () => {
  for (const action of ["stop", "release"] as const) {
    it(`${action} with force ends the image CREATE_FAILED and its stream`, async () => {
      const instance = await vm();
      const created = await createImage({ instanceId: instance.id, name: `forced-${action}` });
      expect(created.userErrors).toEqual([]);
      const image = created.image!;

      const client = wsClient(app.origin);
      const stream = subscribeWs(client, ImageProgressDocument, { imageId: image.id });
      await stream.until((e) => e.imageProgress.sequence === 1);
      // A stream of one of its snapshots, too.
      const vdbStream = subscribeWs(client, SnapshotProgressDocument, {
        snapshotId: image.diskMappings[1]!.snapshot!.id,
      });
      await vdbStream.until((e) => e.snapshotProgress.sequence === 1);

      // 2.5 s: the 20 GiB system disk is done; the data disks are at 50% and 20%.
      await tick(2_500);
      await stream.until((e) => e.imageProgress.snapshot?.status === "ACCOMPLISHED");

      const refused = await instanceAction(action, { instanceId: instance.id });
      expect(refused.userErrors.map((e) => e.code)).toEqual(["INSTANCE_LOCKED"]);

      const payload = await instanceAction(action, { instanceId: instance.id, force: true });
      expect(payload.userErrors).toEqual([]);
      expect(payload.instance?.status).toBe(action === "stop" ? "STOPPED" : "RELEASED");
      expect(payload.instance?.imageInProgress).toBeNull();
      if (action === "release") {
        expect(payload.instance?.disks.map((d) => d.status)).toEqual(["RELEASED", "RELEASED", "RELEASED"]);
      }

      const events = await stream.finished;
      const vdbEvents = await vdbStream.finished;
      await client.dispose();
      expect(vdbEvents.at(-1)?.snapshotProgress).toMatchObject({
        done: true,
        snapshot: { status: "FAILED" },
      });
      const last = events.at(-1)!.imageProgress;
      expect(last.done).toBe(true);
      expect(last.image.status).toBe("CREATE_FAILED");
      expect(last.image.failureReason).toBeTruthy();
      expect(events.filter((e) => e.imageProgress.done)).toHaveLength(1);
      const sequences = events.map((e) => e.imageProgress.sequence);
      expect(sequences).toEqual(sequences.map((_, i) => i + 1));

      const read = await gqlData(app.origin, ImageDocument, { id: image.id });
      expect(read.image?.status).toBe("CREATE_FAILED");
      expect(read.image?.failureReason).toContain(instance.id);
      expect(read.image?.remainingSeconds).toBeNull();
      expect(read.image?.diskMappings.map((m) => [m.device, m.snapshot?.status])).toEqual([
        ["/dev/vda", "ACCOMPLISHED"],
        ["/dev/vdb", "FAILED"],
        ["/dev/vdc", "FAILED"],
      ]);
      const failedProgress = await Promise.all(
        read.image!.diskMappings.slice(1).map(async (m) => {
          const s = await gqlData(app.origin, SnapshotDocument, { id: m.snapshot!.id });
          expect(s.snapshot?.failureReason).toBeTruthy();
          expect(s.snapshot?.remainingSeconds).toBeNull();
          return s.snapshot?.progress;
        }),
      );
      expect(failedProgress).toEqual([50, 20]);

      await expectUnlocked(instance.id);
      // Nothing moves afterwards.
      await tick(20_000);
      const later = await gqlData(app.origin, ImageDocument, { id: image.id });
      expect(later.image?.status).toBe("CREATE_FAILED");
    });
  }
});

describe("an image from snapshots", () => {
  /** A new snapshot of the disk (PROGRESSING until the clock moves). */
  async function snapshotOf(diskId: string) {
    const { createSnapshot } = await gqlData(app.origin, CreateSnapshotDocument, { input: { diskId } });
    expect(createSnapshot.userErrors).toEqual([]);
    return createSnapshot.snapshot!;
  }

  /** An image of the system snapshot with this one data-disk snapshot is refused with `code` at that snapshot. */
  async function expectDataSnapshotRefused(dataSnapshotId: string, name: string, code: string) {
    await expectRefused({ snapshotId: systemSnapshot, dataDiskSnapshotIds: [dataSnapshotId], name }, [
      { code, field: ["input", "dataDiskSnapshotIds", "0"] },
    ]);
  }

  let instanceId: string;
  let diskIds: string[];
  let systemSnapshot: string;
  let dataSnapshots: string[];
  let extraVdbSnapshot: string;

  beforeAll(async () => {
    const instance = await vm();
    instanceId = instance.id;
    diskIds = instance.disks.map((d) => d.id);
    const created = await createImage({ instanceId, name: "snap-source" });
    expect(created.userErrors).toEqual([]);
    await tick(12_500); // 100 GiB at 8 GiB/s
    const image = await gqlData(app.origin, ImageDocument, { id: created.image!.id });
    expect(image.image?.status).toBe("AVAILABLE");
    const ids = image.image!.diskMappings.map((m) => m.snapshot!.id);
    systemSnapshot = ids[0]!;
    dataSnapshots = ids.slice(1);

    // A second snapshot of /dev/vdb, taken on its own.
    extraVdbSnapshot = (await snapshotOf(diskIds[1]!)).id;
    await tick(5_000);

    const released = await gqlData(app.origin, ReleaseInstanceDocument, { input: { instanceId } });
    expect(released.releaseInstance.userErrors).toEqual([]);
  });

  it("keeps snapshots of a released instance: sourceDisk null, sourceDiskId kept", async () => {
    const instance = await gqlData(app.origin, InstanceDocument, { id: instanceId });
    expect(instance.instance?.status).toBe("RELEASED");
    expect(instance.instance?.disks.map((d) => d.status)).toEqual(["RELEASED", "RELEASED", "RELEASED"]);
    for (const [index, id] of [systemSnapshot, ...dataSnapshots].entries()) {
      const read = await gqlData(app.origin, SnapshotDocument, { id });
      expect(read.snapshot).toMatchObject({
        status: "ACCOMPLISHED",
        sourceDisk: null,
        sourceDiskId: diskIds[index],
      });
    }
  });

  it("creates an AVAILABLE image at once from the system-disk and data-disk snapshots", async () => {
    const before = await written();
    const payload = await createImage({
      snapshotId: systemSnapshot,
      dataDiskSnapshotIds: dataSnapshots,
      name: "from-snapshots",
      description: "rebuilt",
    });
    expect(payload.userErrors).toEqual([]);
    expect(payload.warnings).toEqual([]);
    expect(payload.image).toMatchObject({
      name: "from-snapshots",
      description: "rebuilt",
      status: "AVAILABLE",
      progress: 100,
      remainingSeconds: null,
      source: "SNAPSHOT",
      ownerAlias: "SELF",
      osType: "LINUX",
      platform: "Ubuntu",
      architecture: "X86_64",
      sizeGiB: 20,
      region: { id: "cn-hangzhou" },
      sourceSnapshot: { id: systemSnapshot },
      checks: [],
    });
    expect(payload.image?.availableAt).toBeTruthy();
    expect(payload.image?.diskMappings.map((m) => [m.device, m.type, m.sizeGiB, m.snapshot?.id])).toEqual([
      ["/dev/vda", "SYSTEM", 20, systemSnapshot],
      ["/dev/vdb", "DATA", 40, dataSnapshots[0]],
      ["/dev/vdc", "DATA", 100, dataSnapshots[1]],
    ]);
    const after = await written();
    expect(after.images).toBe(before.images + 1);
    expect(after.snapshots).toBe(before.snapshots); // no new snapshots
  });

  it("refuses a data-disk snapshot as snapshotId (NOT_SYSTEM_DISK_SNAPSHOT)", async () => {
    await expectRefused({ snapshotId: dataSnapshots[0]!, name: "from-data-snapshot" }, [
      { code: "NOT_SYSTEM_DISK_SNAPSHOT", field: ["input", "snapshotId"] },
    ]);
  });

  it("refuses a system-disk snapshot in dataDiskSnapshotIds (INVALID_INPUT)", async () => {
    await expectDataSnapshotRefused(systemSnapshot, "sys-as-data", "INVALID_INPUT");
  });

  it("refuses a PROGRESSING snapshot (SNAPSHOT_NOT_READY)", async () => {
    const running = await vm();
    const snap = await snapshotOf(running.disks[0]!.id);
    expect(snap.status).toBe("PROGRESSING");
    await expectRefused({ snapshotId: snap.id, name: "not-ready" }, [
      { code: "SNAPSHOT_NOT_READY", field: ["input", "snapshotId"] },
    ]);

    const data = await snapshotOf(running.disks[1]!.id);
    await expectDataSnapshotRefused(data.id, "data-not-ready", "SNAPSHOT_NOT_READY");
  });

  it("refuses two data-disk snapshots of the same device (INVALID_INPUT)", async () => {
    await expectRefused(
      {
        snapshotId: systemSnapshot,
        dataDiskSnapshotIds: [dataSnapshots[0]!, extraVdbSnapshot],
        name: "same-device",
      },
      [{ code: "INVALID_INPUT", field: ["input", "dataDiskSnapshotIds", "1"] }],
    );
  });

  it("refuses another account's snapshot (NOT_FOUND)", async () => {
    await expectRefused(
      { snapshotId: systemSnapshot, name: "their-snapshot" },
      [{ code: "NOT_FOUND", field: ["input", "snapshotId"] }],
      otherKey,
    );
    // Their own system-disk snapshot with my data-disk snapshot.
    const theirs = await vm({ key: otherKey, dataDisks: [] });
    const snap = await gqlData(
      app.origin,
      CreateSnapshotDocument,
      { input: { diskId: theirs.disks[0]!.id } },
      otherKey,
    );
    expect(snap.createSnapshot.userErrors).toEqual([]);
    await tick(2_500);
    await expectRefused(
      {
        snapshotId: snap.createSnapshot.snapshot!.id,
        dataDiskSnapshotIds: [dataSnapshots[0]!],
        name: "mixed-owners",
      },
      [{ code: "NOT_FOUND", field: ["input", "dataDiskSnapshotIds", "0"] }],
      otherKey,
    );
  });

  it("refuses a FAILED snapshot (SNAPSHOT_NOT_READY)", async () => {
    const instance = await vm({ dataDisks: [] });
    const created = await createImage({ instanceId: instance.id, name: "to-be-abandoned" });
    expect(created.userErrors).toEqual([]);
    const stopped = await gqlData(app.origin, StopInstanceDocument, {
      input: { instanceId: instance.id, force: true },
    });
    expect(stopped.stopInstance.userErrors).toEqual([]);
    const failed = created.image!.diskMappings[0]!.snapshot!.id;
    const read = await gqlData(app.origin, SnapshotDocument, { id: failed });
    expect(read.snapshot?.status).toBe("FAILED");
    await expectRefused({ snapshotId: failed, name: "from-failed" }, [
      { code: "SNAPSHOT_NOT_READY", field: ["input", "snapshotId"] },
    ]);
  });

  it("refuses a data-disk snapshot of another region (REGION_MISMATCH)", async () => {
    const shanghai = await vm({ regionId: "cn-shanghai" });
    const snap = await snapshotOf(shanghai.disks[1]!.id);
    await tick(5_000);
    await expectDataSnapshotRefused(snap.id, "two-regions", "REGION_MISMATCH");
  });

  it("applies the name rules to images from snapshots too", async () => {
    // "snap-source" is the image the snapshots were taken for, in the same region.
    await expectRefused({ snapshotId: systemSnapshot, name: "snap-source" }, [
      { code: "DUPLICATE_IMAGE_NAME", field: NAME_FIELD },
    ]);
    await expectRefused({ snapshotId: systemSnapshot, name: "0-from-snapshots" }, [
      { code: "INVALID_IMAGE_NAME", field: NAME_FIELD },
    ]);
  });
});
