import { DEFAULT_GUEST } from "../../src/domain/guest.ts";
import type { CreateInstanceInput, InstanceFieldsFragment } from "../generated/graphql.ts";
import { DEMO_KEY, type TestApp } from "../support/app.ts";
import { gqlData } from "../support/client.ts";
import { ManualClock } from "../support/clock.ts";
import { ResourceCountsDocument } from "../support/documents/account.ts";
import { DisksDocument } from "../support/documents/disks.ts";
import {
  CreateInstanceDocument,
  InstanceDocument,
  InstancesDocument,
  RebootInstanceDocument,
  ReleaseInstanceDocument,
  StartInstanceDocument,
  StopInstanceDocument,
  UpdateGuestDocument,
} from "../support/documents/instances.ts";
import { beforeAll, describe, expect, it, useServer } from "../support/test.ts";

const UBUNTU = "ubuntu_22_04_x64_20G_alibase";
const WINDOWS = "win2022_datacenter_x64_40G_alibase";
const HOUR = 60 * 60 * 1000;

const clock = new ManualClock();
let app: TestApp;
let otherKey: string;

useServer({ clock });
beforeAll(({ server, otherKey: key }) => {
  app = server;
  otherKey = key;
});

let sequence = 0;
function input(overrides: Partial<CreateInstanceInput> = {}): CreateInstanceInput {
  sequence += 1;
  return { regionId: "cn-hangzhou", name: `web-${sequence}`, imageId: UBUNTU, ...overrides };
}

type Instance = InstanceFieldsFragment;
type UserErrors = { code: string; field?: string[] | null; message: string }[];

const codesAndFields = (errors: UserErrors) => errors.map(({ code, field }) => ({ code, field }));

async function create(overrides: Partial<CreateInstanceInput> = {}, key = DEMO_KEY): Promise<Instance> {
  const { createInstance } = await gqlData(
    app.origin,
    CreateInstanceDocument,
    { input: input(overrides) },
    key,
  );
  expect(createInstance.userErrors).toEqual([]);
  expect(createInstance.instance).not.toBeNull();
  return createInstance.instance as Instance;
}

/** What a rejected createInstance must leave untouched: the caller's rows and every table's row count. */
async function counts(key = DEMO_KEY) {
  const viaApi = await gqlData(app.origin, ResourceCountsDocument, {}, key);
  return {
    instances: viaApi.instances.totalCount,
    disks: viaApi.disks.totalCount,
    instanceRows: await app.prisma.instance.count(),
    diskRows: await app.prisma.disk.count(),
    idempotencyRows: await app.prisma.idempotencyRecord.count(),
  };
}

/** createInstance fails with exactly these errors and writes nothing. */
async function expectRejected(
  overrides: Partial<CreateInstanceInput>,
  ...expected: { code: string; field: string[] }[]
) {
  const before = await counts();
  const { createInstance } = await gqlData(app.origin, CreateInstanceDocument, { input: input(overrides) });
  expect(createInstance.instance).toBeNull();
  expect(codesAndFields(createInstance.userErrors)).toEqual(expected);
  for (const error of createInstance.userErrors) expect(error.message.length).toBeGreaterThan(0);
  expect(await counts()).toEqual(before);
}

const invalid = (...field: string[]) => ({ code: "INVALID_INPUT", field: ["input", ...field] });

async function fetchInstance(id: string, key = DEMO_KEY): Promise<Instance | null | undefined> {
  return (await gqlData(app.origin, InstanceDocument, { id }, key)).instance;
}

const ACTIONS = {
  start: async (instanceId: string, key = DEMO_KEY) =>
    (await gqlData(app.origin, StartInstanceDocument, { input: { instanceId } }, key)).startInstance,
  stop: async (instanceId: string, key = DEMO_KEY) =>
    (await gqlData(app.origin, StopInstanceDocument, { input: { instanceId } }, key)).stopInstance,
  reboot: async (instanceId: string, key = DEMO_KEY) =>
    (await gqlData(app.origin, RebootInstanceDocument, { input: { instanceId } }, key)).rebootInstance,
  release: async (instanceId: string, key = DEMO_KEY) =>
    (await gqlData(app.origin, ReleaseInstanceDocument, { input: { instanceId } }, key)).releaseInstance,
};
type Action = keyof typeof ACTIONS;

async function act(action: Action, instanceId: string): Promise<Instance> {
  const payload = await ACTIONS[action](instanceId);
  expect(payload.userErrors).toEqual([]);
  return payload.instance as Instance;
}

/** The action is refused with INCORRECT_INSTANCE_STATUS and the instance is as it was. */
async function expectIncorrectStatus(action: Action, instanceId: string) {
  const before = await fetchInstance(instanceId);
  const payload = await ACTIONS[action](instanceId);
  expect(payload.instance).toBeNull();
  expect(codesAndFields(payload.userErrors)).toEqual([
    { code: "INCORRECT_INSTANCE_STATUS", field: ["input", "instanceId"] },
  ]);
  expect(await fetchInstance(instanceId)).toEqual(before);
}

describe("createInstance", () => {
  it("creates a RUNNING instance from a SYSTEM image with a system disk of the image's size", async () => {
    const instance = await create({ name: "first-web" });
    expect(instance).toMatchObject({
      name: "first-web",
      status: "RUNNING",
      osType: "LINUX",
      platform: "Ubuntu",
      architecture: "X86_64",
      region: { id: "cn-hangzhou" },
      image: { id: UBUNTU },
      expiresAt: null,
      releasedAt: null,
      createdAt: clock.now().toISOString(),
    });
    expect(instance.id).toMatch(/^i-[0-9a-z]{20}$/);
    expect(instance.disks).toEqual([
      {
        id: expect.stringMatching(/^d-[0-9a-z]{20}$/),
        type: "SYSTEM",
        device: "/dev/vda",
        sizeGiB: 20,
        status: "IN_USE",
        region: { id: "cn-hangzhou" },
        instance: { id: instance.id },
        sourceSnapshot: null,
      },
    ]);
    expect(instance.guest).toEqual(DEFAULT_GUEST);
    expect(await fetchInstance(instance.id)).toEqual(instance);
  });

  it("takes the system disk size from a Windows image (40 GiB) and its OS type", async () => {
    const instance = await create({ imageId: WINDOWS, regionId: "eu-central-1" });
    expect(instance).toMatchObject({ osType: "WINDOWS", region: { id: "eu-central-1" } });
    expect(instance.disks.map((d) => [d.device, d.sizeGiB])).toEqual([["/dev/vda", 40]]);
  });

  it("creates a STOPPED instance when start is false", async () => {
    const instance = await create({ start: false });
    expect(instance.status).toBe("STOPPED");
    expect((await fetchInstance(instance.id))?.status).toBe("STOPPED");
  });

  describe("name", () => {
    it("accepts the shortest (2) and the longest (128) names", async () => {
      expect((await create({ name: "ab" })).name).toBe("ab");
      const longest = `a${"b".repeat(127)}`;
      expect((await create({ name: longest })).name).toBe(longest);
    });

    it("accepts letters of any script and the characters . : _ -", async () => {
      expect((await create({ name: "实例-01" })).name).toBe("实例-01");
      expect((await create({ name: "web.prod:eu_01-a" })).name).toBe("web.prod:eu_01-a");
    });

    it("refuses a name of 1 character", async () => {
      await expectRejected({ name: "a" }, invalid("name"));
    });

    it("refuses an empty name", async () => {
      await expectRejected({ name: "" }, invalid("name"));
    });

    it("refuses a name of 129 characters", async () => {
      await expectRejected({ name: `a${"b".repeat(128)}` }, invalid("name"));
    });

    it("refuses a name that starts with a digit", async () => {
      await expectRejected({ name: "1web" }, invalid("name"));
    });

    it("refuses a name that starts with '-', '_' or '.'", async () => {
      await expectRejected({ name: "-web" }, invalid("name"));
      await expectRejected({ name: "_web" }, invalid("name"));
      await expectRejected({ name: ".web" }, invalid("name"));
    });

    it("refuses characters other than letters, digits, '.', ':', '_', '-'", async () => {
      await expectRejected({ name: "web server" }, invalid("name"));
      await expectRejected({ name: "web/1" }, invalid("name"));
      await expectRejected({ name: "web@1" }, invalid("name"));
      await expectRejected({ name: "web😀" }, invalid("name"));
    });

    it("refuses a name that starts with http:// or https://", async () => {
      await expectRejected({ name: "http://web" }, invalid("name"));
      await expectRejected({ name: "https://web" }, invalid("name"));
      await expectRejected({ name: "HTTP://web" }, invalid("name"));
    });
  });

  describe("region and image", () => {
    it("refuses an unknown region with REGION_NOT_FOUND", async () => {
      await expectRejected(
        { regionId: "mars-north-1" },
        { code: "REGION_NOT_FOUND", field: ["input", "regionId"] },
      );
    });

    it("refuses an unknown image with NOT_FOUND", async () => {
      await expectRejected(
        { imageId: "m-00000000000000000000" },
        { code: "NOT_FOUND", field: ["input", "imageId"] },
      );
      await expectRejected(
        { imageId: "no_such_system_image" },
        { code: "NOT_FOUND", field: ["input", "imageId"] },
      );
    });
  });

  describe("system disk", () => {
    it("accepts the image's size and 2048 GiB", async () => {
      expect((await create({ systemDiskSizeGiB: 20 })).disks[0]?.sizeGiB).toBe(20);
      expect((await create({ systemDiskSizeGiB: 2048 })).disks[0]?.sizeGiB).toBe(2048);
    });

    it("refuses a system disk smaller than the image", async () => {
      await expectRejected({ systemDiskSizeGiB: 19 }, invalid("systemDiskSizeGiB"));
      await expectRejected({ imageId: WINDOWS, systemDiskSizeGiB: 39 }, invalid("systemDiskSizeGiB"));
    });

    it("refuses a system disk above 2048 GiB", async () => {
      await expectRejected({ systemDiskSizeGiB: 2049 }, invalid("systemDiskSizeGiB"));
    });
  });

  describe("data disks", () => {
    it("accepts 20 and 32768 GiB", async () => {
      const instance = await create({ dataDisks: [{ sizeGiB: 20 }, { sizeGiB: 32768 }] });
      expect(instance.disks.map((d) => [d.type, d.device, d.sizeGiB, d.status])).toEqual([
        ["SYSTEM", "/dev/vda", 20, "IN_USE"],
        ["DATA", "/dev/vdb", 20, "IN_USE"],
        ["DATA", "/dev/vdc", 32768, "IN_USE"],
      ]);
    });

    it("refuses a data disk under 20 GiB", async () => {
      await expectRejected(
        { dataDisks: [{ sizeGiB: 40 }, { sizeGiB: 19 }] },
        invalid("dataDisks", "1", "sizeGiB"),
      );
    });

    it("refuses a data disk over 32768 GiB", async () => {
      await expectRejected({ dataDisks: [{ sizeGiB: 32769 }] }, invalid("dataDisks", "0", "sizeGiB"));
    });

    it("accepts 16 data disks, on /dev/vdb to /dev/vdq", async () => {
      const instance = await create({ dataDisks: Array.from({ length: 16 }, () => ({ sizeGiB: 20 })) });
      const data = instance.disks.filter((d) => d.type === "DATA");
      expect(data.map((d) => d.device)).toEqual(
        Array.from({ length: 16 }, (_, i) => `/dev/vd${String.fromCharCode(98 + i)}`),
      );
    });

    it("refuses 17 data disks", async () => {
      await expectRejected(
        { dataDisks: Array.from({ length: 17 }, () => ({ sizeGiB: 20 })) },
        invalid("dataDisks"),
      );
    });

    it("accepts /dev/vdb and /dev/vdz as devices", async () => {
      const instance = await create({
        dataDisks: [
          { sizeGiB: 30, device: "/dev/vdz" },
          { sizeGiB: 40, device: "/dev/vdb" },
        ],
      });
      expect(instance.disks.map((d) => [d.device, d.sizeGiB])).toEqual([
        ["/dev/vda", 20],
        ["/dev/vdb", 40],
        ["/dev/vdz", 30],
      ]);
    });

    it("refuses /dev/vda (the system disk's device) for a data disk", async () => {
      await expectRejected(
        { dataDisks: [{ sizeGiB: 20, device: "/dev/vda" }] },
        invalid("dataDisks", "0", "device"),
      );
    });

    it("refuses devices outside /dev/vdb to /dev/vdz", async () => {
      await expectRejected(
        { dataDisks: [{ sizeGiB: 20, device: "/dev/sdb" }] },
        invalid("dataDisks", "0", "device"),
      );
      await expectRejected(
        { dataDisks: [{ sizeGiB: 20, device: "/dev/vdaa" }] },
        invalid("dataDisks", "0", "device"),
      );
      await expectRejected(
        { dataDisks: [{ sizeGiB: 20, device: "vdc" }] },
        invalid("dataDisks", "0", "device"),
      );
    });

    it("refuses the same device twice", async () => {
      await expectRejected(
        {
          dataDisks: [
            { sizeGiB: 20, device: "/dev/vdc" },
            { sizeGiB: 30, device: "/dev/vdc" },
          ],
        },
        invalid("dataDisks", "1", "device"),
      );
    });

    it("assigns default devices in order, /dev/vdb first", async () => {
      const instance = await create({ dataDisks: [{ sizeGiB: 20 }, { sizeGiB: 30 }, { sizeGiB: 40 }] });
      expect(instance.disks.map((d) => [d.device, d.sizeGiB])).toEqual([
        ["/dev/vda", 20],
        ["/dev/vdb", 20],
        ["/dev/vdc", 30],
        ["/dev/vdd", 40],
      ]);
    });

    it("assigns default devices from the ones left free by explicit devices", async () => {
      const instance = await create({
        dataDisks: [{ sizeGiB: 21 }, { sizeGiB: 22, device: "/dev/vdb" }, { sizeGiB: 23 }],
      });
      expect(instance.disks.map((d) => [d.device, d.sizeGiB])).toEqual([
        ["/dev/vda", 20],
        ["/dev/vdb", 22],
        ["/dev/vdc", 21],
        ["/dev/vdd", 23],
      ]);
    });
  });

  describe("expiresAt", () => {
    it("accepts an instant in the future", async () => {
      const expiresAt = new Date(clock.now().getTime() + HOUR).toISOString();
      const instance = await create({ expiresAt });
      expect(instance).toMatchObject({ expiresAt, status: "RUNNING" });
    });

    it("refuses an instant in the past", async () => {
      await expectRejected(
        { expiresAt: new Date(clock.now().getTime() - 1).toISOString() },
        invalid("expiresAt"),
      );
    });

    it("refuses the present instant", async () => {
      await expectRejected({ expiresAt: clock.now().toISOString() }, invalid("expiresAt"));
    });
  });

  describe("guest state", () => {
    it("stores the reported guest state, defaults for the fields left out", async () => {
      const instance = await create({
        guest: { kernelUpgraded: true, mountedFileSystems: ["/mnt/data"], modifiedSystemPaths: ["/bin"] },
      });
      expect(instance.guest).toEqual({
        fstabDataDiskEntries: [],
        mountedFileSystems: ["/mnt/data"],
        kernelUpgraded: true,
        systemDiskPartitions: 1,
        systemDiskFreeMiB: 10240,
        modifiedSystemPaths: ["/bin"],
        rootUsername: "root",
      });
    });

    it("refuses systemDiskPartitions under 1", async () => {
      await expectRejected({ guest: { systemDiskPartitions: 0 } }, invalid("guest", "systemDiskPartitions"));
    });

    it("refuses a negative systemDiskFreeMiB", async () => {
      await expectRejected({ guest: { systemDiskFreeMiB: -1 } }, invalid("guest", "systemDiskFreeMiB"));
    });

    it("refuses modifiedSystemPaths other than /sbin, /bin, /lib", async () => {
      await expectRejected(
        { guest: { modifiedSystemPaths: ["/bin", "/usr"] } },
        invalid("guest", "modifiedSystemPaths"),
      );
    });

    it("refuses a rootUsername that is not a Linux user name", async () => {
      await expectRejected({ guest: { rootUsername: "Admin" } }, invalid("guest", "rootUsername"));
      await expectRejected({ guest: { rootUsername: "" } }, invalid("guest", "rootUsername"));
    });

    it("refuses a blank fstab entry, naming its index", async () => {
      await expectRejected(
        { guest: { fstabDataDiskEntries: ["/dev/vdb1", "  "] } },
        invalid("guest", "fstabDataDiskEntries", "1"),
      );
    });

    it("refuses more than 64 mounted file systems", async () => {
      const mountedFileSystems = Array.from({ length: 65 }, (_, i) => `/mnt/d${i}`);
      await expectRejected({ guest: { mountedFileSystems } }, invalid("guest", "mountedFileSystems"));
    });
  });

  it("names every bad field in one answer", async () => {
    await expectRejected(
      {
        name: "1",
        expiresAt: new Date(clock.now().getTime() - HOUR).toISOString(),
        guest: { systemDiskPartitions: 0 },
      },
      invalid("name"),
      invalid("expiresAt"),
      invalid("guest", "systemDiskPartitions"),
    );
  });

  describe("clientToken", () => {
    it("returns the same instance for a retry with the same token and input, creating one", async () => {
      const request = input({ clientToken: "retry-token-1", dataDisks: [{ sizeGiB: 50 }] });
      const before = await counts();
      const first = await gqlData(app.origin, CreateInstanceDocument, { input: request });
      clock.advance(1000);
      const second = await gqlData(app.origin, CreateInstanceDocument, { input: request });
      expect(first.createInstance.userErrors).toEqual([]);
      expect(second.createInstance.userErrors).toEqual([]);
      expect(second.createInstance.instance?.id).toBe(first.createInstance.instance?.id);
      expect(second.createInstance.instance?.createdAt).toBe(first.createInstance.instance?.createdAt);
      const after = await counts();
      expect(after.instances).toBe(before.instances + 1);
      expect(after.disks).toBe(before.disks + 2);
    });

    it("refuses the same token with other input: IDEMPOTENT_PARAMETER_MISMATCH, nothing written", async () => {
      const request = input({ clientToken: "retry-token-2" });
      const created = await create(request);
      await expectRejected(
        { ...request, name: `${request.name}-changed` },
        { code: "IDEMPOTENT_PARAMETER_MISMATCH", field: ["input", "clientToken"] },
      );
      await expectRejected(
        { ...request, dataDisks: [{ sizeGiB: 20 }] },
        { code: "IDEMPOTENT_PARAMETER_MISMATCH", field: ["input", "clientToken"] },
      );
      expect((await create(request)).id).toBe(created.id);
    });

    it("creates exactly one instance for 20 concurrent identical requests", async () => {
      const request = input({
        clientToken: "concurrent-token",
        dataDisks: [{ sizeGiB: 20 }, { sizeGiB: 30 }],
      });
      const before = await counts();
      const results = await Promise.all(
        Array.from({ length: 20 }, () => gqlData(app.origin, CreateInstanceDocument, { input: request })),
      );
      for (const result of results) expect(result.createInstance.userErrors).toEqual([]);
      const ids = new Set(results.map((r) => r.createInstance.instance?.id));
      expect(ids.size).toBe(1);
      const after = await counts();
      expect(after.instances).toBe(before.instances + 1);
      expect(after.disks).toBe(before.disks + 3);
      const named = await app.prisma.instance.count({ where: { name: request.name } });
      expect(named).toBe(1);
    });

    it("creates one instance when one token races with two different inputs", async () => {
      const first = input({ clientToken: "contested-token" });
      const second = { ...first, name: `${first.name}-other` };
      const before = await counts();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          gqlData(app.origin, CreateInstanceDocument, { input: i % 2 === 0 ? first : second }),
        ),
      );
      const winners = results.filter((r) => r.createInstance.userErrors.length === 0);
      const losers = results.filter((r) => r.createInstance.userErrors.length > 0);
      expect(new Set(winners.map((r) => r.createInstance.instance?.id)).size).toBe(1);
      expect(new Set(winners.map((r) => r.createInstance.instance?.name)).size).toBe(1);
      expect(winners).toHaveLength(10);
      for (const loser of losers) {
        expect(codesAndFields(loser.createInstance.userErrors)).toEqual([
          { code: "IDEMPOTENT_PARAMETER_MISMATCH", field: ["input", "clientToken"] },
        ]);
      }
      expect((await counts()).instances).toBe(before.instances + 1);
    });

    it("keeps tokens per account: another account's same token creates its own instance", async () => {
      const request = input({ clientToken: "shared-token" });
      const mine = await create(request);
      const theirs = await create(request, otherKey);
      expect(theirs.id).not.toBe(mine.id);
      expect(await fetchInstance(theirs.id)).toBeNull();
      expect(await fetchInstance(mine.id, otherKey)).toBeNull();
    });

    it("returns the same instance for a retry that comes after the instance's expiresAt", async () => {
      const request = input({
        clientToken: "retry-after-expiry",
        expiresAt: new Date(clock.now().getTime() + 60_000).toISOString(),
      });
      const created = await create(request);
      clock.advance(120_000);
      const before = await counts();
      const retry = await gqlData(app.origin, CreateInstanceDocument, { input: request });
      expect(retry.createInstance.userErrors).toEqual([]);
      expect(retry.createInstance.instance?.id).toBe(created.id);
      expect(retry.createInstance.instance?.status).toBe("EXPIRED");
      expect(await counts()).toEqual(before);
    });

    it("does not use up the token of a rejected request", async () => {
      await expectRejected({ name: "1bad", clientToken: "after-a-failure" }, invalid("name"));
      const instance = await create({ name: "now-good", clientToken: "after-a-failure" });
      expect(instance.name).toBe("now-good");
    });

    it("refuses a token over 64 characters or with non-ASCII characters", async () => {
      await expectRejected({ clientToken: "t".repeat(65) }, invalid("clientToken"));
      await expectRejected({ clientToken: "tokén" }, invalid("clientToken"));
      await expectRejected({ clientToken: "" }, invalid("clientToken"));
    });
  });
});

describe("instance lifecycle", () => {
  it("stops a RUNNING instance, starts it again and reboots it", async () => {
    const instance = await create();
    expect((await act("stop", instance.id)).status).toBe("STOPPED");
    expect((await fetchInstance(instance.id))?.status).toBe("STOPPED");
    expect((await act("start", instance.id)).status).toBe("RUNNING");
    expect((await fetchInstance(instance.id))?.status).toBe("RUNNING");
    expect((await act("reboot", instance.id)).status).toBe("RUNNING");
  });

  it("lets exactly one of 10 concurrent stops through; the others get INCORRECT_INSTANCE_STATUS", async () => {
    const instance = await create();
    const results = await Promise.all(Array.from({ length: 10 }, () => ACTIONS.stop(instance.id)));
    const succeeded = results.filter((r) => r.userErrors.length === 0);
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0]?.instance?.status).toBe("STOPPED");
    for (const refused of results.filter((r) => r.userErrors.length > 0)) {
      expect(codesAndFields(refused.userErrors)).toEqual([
        { code: "INCORRECT_INSTANCE_STATUS", field: ["input", "instanceId"] },
      ]);
    }
    expect((await fetchInstance(instance.id))?.status).toBe("STOPPED");
  });

  it("refuses to start a RUNNING instance", async () => {
    const instance = await create();
    await expectIncorrectStatus("start", instance.id);
  });

  it("refuses to stop or reboot a STOPPED instance", async () => {
    const instance = await create({ start: false });
    await expectIncorrectStatus("stop", instance.id);
    await expectIncorrectStatus("reboot", instance.id);
  });

  it("releases a RUNNING instance: every disk RELEASED, releasedAt set", async () => {
    const instance = await create({ dataDisks: [{ sizeGiB: 20 }, { sizeGiB: 40 }] });
    clock.advance(5000);
    const released = await act("release", instance.id);
    expect(released.status).toBe("RELEASED");
    expect(released.releasedAt).toBe(clock.now().toISOString());
    expect(released.disks).toHaveLength(3);
    expect(released.disks.map((d) => d.status)).toEqual(["RELEASED", "RELEASED", "RELEASED"]);
    const disks = await gqlData(app.origin, DisksDocument, { filter: { instanceId: instance.id } });
    expect(disks.disks.totalCount).toBe(3);
    expect(disks.disks.edges.every((e) => e.node.status === "RELEASED")).toBe(true);
    const inUse = await gqlData(app.origin, DisksDocument, {
      filter: { instanceId: instance.id, status: ["IN_USE"] },
    });
    expect(inUse.disks.totalCount).toBe(0);
    expect(await fetchInstance(instance.id)).toEqual(released);
  });

  it("releases a STOPPED instance", async () => {
    const instance = await create({ start: false });
    const released = await act("release", instance.id);
    expect(released.status).toBe("RELEASED");
    expect(released.disks.map((d) => d.status)).toEqual(["RELEASED"]);
  });

  it("refuses every action on a RELEASED instance, guest updates included", async () => {
    const instance = await create();
    await act("release", instance.id);
    for (const action of ["start", "stop", "reboot", "release"] as const) {
      await expectIncorrectStatus(action, instance.id);
    }
    const update = await gqlData(app.origin, UpdateGuestDocument, {
      input: { instanceId: instance.id, guest: { kernelUpgraded: true } },
    });
    expect(update.updateInstanceGuestState.instance).toBeNull();
    expect(codesAndFields(update.updateInstanceGuestState.userErrors)).toEqual([
      { code: "INCORRECT_INSTANCE_STATUS", field: ["input", "instanceId"] },
    ]);
    expect((await fetchInstance(instance.id))?.guest.kernelUpgraded).toBe(false);
  });

  it("reboot clears the guest's kernelUpgraded and keeps the rest of the guest state", async () => {
    const instance = await create({
      guest: { kernelUpgraded: true, mountedFileSystems: ["/data"], rootUsername: "admin" },
    });
    expect(instance.guest.kernelUpgraded).toBe(true);
    const rebooted = await act("reboot", instance.id);
    expect(rebooted.guest).toEqual({ ...instance.guest, kernelUpgraded: false });
    expect((await fetchInstance(instance.id))?.guest).toEqual(rebooted.guest);
  });

  it("stop and start keep kernelUpgraded (only a reboot clears it)", async () => {
    const instance = await create({ guest: { kernelUpgraded: true } });
    await act("stop", instance.id);
    expect((await act("start", instance.id)).guest.kernelUpgraded).toBe(true);
  });

  describe("expiry", () => {
    it("makes an instance EXPIRED once expiresAt passes; the status filter follows", async () => {
      const expiresAt = new Date(clock.now().getTime() + HOUR);
      const instance = await create({ expiresAt: expiresAt.toISOString() });
      const statusFilter = async (status: "RUNNING" | "EXPIRED" | "STOPPED" | "RELEASED") =>
        (
          await gqlData(app.origin, InstancesDocument, { first: 100, filter: { status: [status] } })
        ).instances.edges.map((e) => e.node.id);
      expect(await statusFilter("RUNNING")).toContain(instance.id);
      expect(await statusFilter("EXPIRED")).not.toContain(instance.id);

      clock.advance(HOUR - 1);
      expect((await fetchInstance(instance.id))?.status).toBe("RUNNING");

      clock.advance(1);
      expect((await fetchInstance(instance.id))?.status).toBe("EXPIRED");
      expect(await statusFilter("EXPIRED")).toContain(instance.id);
      expect(await statusFilter("RUNNING")).not.toContain(instance.id);
      const list = await gqlData(app.origin, InstancesDocument, { first: 100 });
      expect(list.instances.edges.find((e) => e.node.id === instance.id)?.node.status).toBe("EXPIRED");
    });

    it("makes a STOPPED instance EXPIRED too", async () => {
      const instance = await create({
        start: false,
        expiresAt: new Date(clock.now().getTime() + HOUR).toISOString(),
      });
      clock.advance(2 * HOUR);
      expect((await fetchInstance(instance.id))?.status).toBe("EXPIRED");
      const stopped = await gqlData(app.origin, InstancesDocument, {
        first: 100,
        filter: { status: ["STOPPED"] },
      });
      expect(stopped.instances.edges.map((e) => e.node.id)).not.toContain(instance.id);
    });

    it("refuses to start, stop or reboot an EXPIRED instance, but releases it", async () => {
      const instance = await create({ expiresAt: new Date(clock.now().getTime() + HOUR).toISOString() });
      clock.advance(HOUR);
      await expectIncorrectStatus("start", instance.id);
      await expectIncorrectStatus("stop", instance.id);
      await expectIncorrectStatus("reboot", instance.id);
      const released = await act("release", instance.id);
      expect(released.status).toBe("RELEASED");
      expect(released.releasedAt).toBe(clock.now().toISOString());
      expect(released.disks.map((d) => d.status)).toEqual(["RELEASED"]);
      const expired = await gqlData(app.origin, InstancesDocument, {
        first: 100,
        filter: { status: ["EXPIRED"] },
      });
      expect(expired.instances.edges.map((e) => e.node.id)).not.toContain(instance.id);
      const releasedList = await gqlData(app.origin, InstancesDocument, {
        first: 100,
        filter: { status: ["RELEASED"] },
      });
      expect(releasedList.instances.edges.map((e) => e.node.id)).toContain(instance.id);
    });
  });

  describe("updateInstanceGuestState", () => {
    it("merges the reported fields over the current state", async () => {
      const instance = await create({ guest: { fstabDataDiskEntries: ["/dev/vdb1"] } });
      const first = await gqlData(app.origin, UpdateGuestDocument, {
        input: { instanceId: instance.id, guest: { mountedFileSystems: ["/mnt/a"], systemDiskFreeMiB: 300 } },
      });
      expect(first.updateInstanceGuestState.userErrors).toEqual([]);
      expect(first.updateInstanceGuestState.instance?.guest).toEqual({
        ...instance.guest,
        fstabDataDiskEntries: ["/dev/vdb1"],
        mountedFileSystems: ["/mnt/a"],
        systemDiskFreeMiB: 300,
      });
      const second = await gqlData(app.origin, UpdateGuestDocument, {
        input: {
          instanceId: instance.id,
          guest: { fstabDataDiskEntries: [], rootUsername: "ec2-user", kernelUpgraded: null },
        },
      });
      expect(second.updateInstanceGuestState.userErrors).toEqual([]);
      const expected = {
        ...instance.guest,
        fstabDataDiskEntries: [],
        mountedFileSystems: ["/mnt/a"],
        systemDiskFreeMiB: 300,
        rootUsername: "ec2-user",
      };
      expect(second.updateInstanceGuestState.instance?.guest).toEqual(expected);
      expect((await fetchInstance(instance.id))?.guest).toEqual(expected);
    });

    it("validates the merged state and changes nothing when it fails", async () => {
      const instance = await create();
      const result = await gqlData(app.origin, UpdateGuestDocument, {
        input: {
          instanceId: instance.id,
          guest: { kernelUpgraded: true, systemDiskPartitions: 129, modifiedSystemPaths: ["/etc"] },
        },
      });
      expect(result.updateInstanceGuestState.instance).toBeNull();
      expect(codesAndFields(result.updateInstanceGuestState.userErrors)).toEqual([
        invalid("guest", "systemDiskPartitions"),
        invalid("guest", "modifiedSystemPaths"),
      ]);
      expect((await fetchInstance(instance.id))?.guest).toEqual(instance.guest);
    });

    it("is NOT_FOUND for an unknown instance", async () => {
      const result = await gqlData(app.origin, UpdateGuestDocument, {
        input: { instanceId: "i-00000000000000000000", guest: { kernelUpgraded: true } },
      });
      expect(codesAndFields(result.updateInstanceGuestState.userErrors)).toEqual([
        { code: "NOT_FOUND", field: ["input", "instanceId"] },
      ]);
    });
  });

  describe("another account's instance", () => {
    it("is NOT_FOUND for start, stop, reboot and release, and stays as it was", async () => {
      const running = await create({}, otherKey);
      const stopped = await create({ start: false }, otherKey);
      const attempts = [
        ["start", stopped.id],
        ["stop", running.id],
        ["reboot", running.id],
        ["release", running.id],
        ["release", stopped.id],
      ] as const;
      for (const [action, id] of attempts) {
        const payload = await ACTIONS[action](id);
        expect(payload.instance).toBeNull();
        expect(codesAndFields(payload.userErrors)).toEqual([
          { code: "NOT_FOUND", field: ["input", "instanceId"] },
        ]);
      }
      expect(await fetchInstance(running.id, otherKey)).toEqual(running);
      expect(await fetchInstance(stopped.id, otherKey)).toEqual(stopped);
    });

    it("is NOT_FOUND for updateInstanceGuestState", async () => {
      const theirs = await create({}, otherKey);
      const result = await gqlData(app.origin, UpdateGuestDocument, {
        input: { instanceId: theirs.id, guest: { kernelUpgraded: true } },
      });
      expect(result.updateInstanceGuestState.instance).toBeNull();
      expect(codesAndFields(result.updateInstanceGuestState.userErrors)).toEqual([
        { code: "NOT_FOUND", field: ["input", "instanceId"] },
      ]);
      expect((await fetchInstance(theirs.id, otherKey))?.guest.kernelUpgraded).toBe(false);
    });

    it("is NOT_FOUND for an ID that does not exist at all", async () => {
      for (const action of ["start", "stop", "reboot", "release"] as const) {
        const payload = await ACTIONS[action]("i-zzzzzzzzzzzzzzzzzzzz");
        expect(codesAndFields(payload.userErrors)).toEqual([
          { code: "NOT_FOUND", field: ["input", "instanceId"] },
        ]);
      }
    });
  });
});
