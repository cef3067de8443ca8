import { newId } from "../../src/domain/ids.ts";
import type {
  DiskFilter,
  DisksQuery,
  ImageFilter,
  InstanceFieldsFragment,
  InstanceFilter,
  SnapshotFilter,
} from "../generated/graphql.ts";
import { DEMO_KEY, type TestApp } from "../support/app.ts";
import { gql, gqlData } from "../support/client.ts";
import { ManualClock } from "../support/clock.ts";
import { ViewerDocument } from "../support/documents/account.ts";
import { DiskDocument, DiskSnapshotsDocument, DisksDocument } from "../support/documents/disks.ts";
import { ImageDocument, ImagesDocument } from "../support/documents/images.ts";
import {
  ImageInstancesDocument,
  InstanceDocument,
  InstancesDocument,
  ReleaseInstanceDocument,
} from "../support/documents/instances.ts";
import { NodeDocument, NodesDocument } from "../support/documents/nodes.ts";
import { RegionsDocument } from "../support/documents/regions.ts";
import { SnapshotDocument, SnapshotsDocument } from "../support/documents/snapshots.ts";
import { newInstance, UBUNTU } from "../support/fixtures.ts";
import { beforeAll, describe, expect, it, useServer } from "../support/test.ts";

const WINDOWS = "win2022_datacenter_x64_40G_alibase";
const REGION_IDS = [
  "cn-hangzhou",
  "cn-shanghai",
  "cn-beijing",
  "ap-southeast-1",
  "us-west-1",
  "eu-central-1",
];
const SECOND = 1000;
const HOUR = 3600 * SECOND;

const clock = new ManualClock();
let app: TestApp;
let otherKey: string;

useServer({ clock });
beforeAll(({ server, otherKey: key }) => {
  app = server;
  otherKey = key;
});

type Instance = InstanceFieldsFragment;

async function accountId(key: string): Promise<string> {
  return (await gqlData(app.origin, ViewerDocument, {}, key)).viewer.id;
}

/**
 * Fixture rows for what the API cannot create yet (snapshots and custom images arrive with
 * createSnapshot / createCustomImage): written straight to the database, read through the API.
 */
async function insertSnapshot(
  owner: string,
  disk: Instance["disks"][number],
  status: "PROGRESSING" | "ACCOMPLISHED" | "FAILED" = "ACCOMPLISHED",
): Promise<string> {
  const id = newId("snapshot");
  await app.prisma.snapshot.create({
    data: {
      id,
      accountId: owner,
      regionId: disk.region.id,
      name: `snap-${id.slice(2, 8)}`,
      status,
      sourceDiskId: disk.id,
      sourceDiskType: disk.type,
      sourceDiskSizeGiB: disk.sizeGiB,
      device: disk.device,
      startedAt: clock.now(),
      gibPerSecond: 8,
      progress: status === "ACCOMPLISHED" ? 100 : 0,
      createdAt: clock.now(),
      completedAt: status === "ACCOMPLISHED" ? clock.now() : null,
    },
  });
  return id;
}

async function insertCustomImage(owner: string, regionId: string, name: string): Promise<string> {
  const id = newId("image");
  await app.prisma.image.create({
    data: {
      id,
      accountId: owner,
      name,
      nameFolded: name.toLowerCase(),
      regionId,
      status: "AVAILABLE",
      ownerAlias: "SELF",
      source: "INSTANCE",
      osType: "LINUX",
      platform: "Ubuntu",
      architecture: "X86_64",
      sizeGiB: 20,
      createdAt: clock.now(),
      availableAt: clock.now(),
    },
  });
  return id;
}

type Keyed = { id: string; createdAt: string };
/** Newest first: createdAt descending, ties broken by id descending. */
function newestFirst<T extends Keyed>(rows: T[]): T[] {
  return [...rows].sort((a, b) =>
    a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
  );
}

async function allInstanceIds(key: string, pageSize: number, after?: string | null) {
  const ids: string[] = [];
  let cursor = after ?? null;
  for (let page = 0; page < 50; page++) {
    const { instances } = await gqlData(
      app.origin,
      InstancesDocument,
      { first: pageSize, after: cursor },
      key,
    );
    ids.push(...instances.edges.map((e) => e.node.id));
    if (!instances.pageInfo.hasNextPage) return ids;
    cursor = instances.pageInfo.endCursor ?? null;
  }
  throw new Error("paging did not end");
}

describe("regions", () => {
  it("lists the six regions in the runtime contract's order, to every account", async () => {
    for (const key of [DEMO_KEY, otherKey]) {
      const { regions } = await gqlData(app.origin, RegionsDocument, {}, key);
      expect(regions.map((r) => r.id)).toEqual(REGION_IDS);
      for (const region of regions) expect(region.name.length).toBeGreaterThan(0);
    }
  });
});

describe("images", () => {
  let customId: string;
  let otherCustomId: string;

  beforeAll(async () => {
    clock.advance(SECOND);
    customId = await insertCustomImage(await accountId(DEMO_KEY), "cn-hangzhou", "Golden-Base");
    otherCustomId = await insertCustomImage(await accountId(otherKey), "cn-hangzhou", "their-golden-image");
  });

  async function list(filter: ImageFilter | null, key = DEMO_KEY) {
    const { images } = await gqlData(app.origin, ImagesDocument, { first: 100, filter }, key);
    expect(images.totalCount).toBe(images.edges.length);
    return images.edges.map((e) => e.node);
  }

  it("shows the same SYSTEM images to every account, with region null", async () => {
    const demo = await list({ ownerAlias: ["SYSTEM"] });
    const other = await list({ ownerAlias: ["SYSTEM"] }, otherKey);
    expect(demo.length).toBeGreaterThanOrEqual(2);
    expect(other).toEqual(demo);
    for (const image of demo) {
      expect(image).toMatchObject({
        region: null,
        ownerAlias: "SYSTEM",
        source: "SYSTEM",
        status: "AVAILABLE",
      });
    }
    expect(demo.find((i) => i.id === UBUNTU)).toMatchObject({
      name: UBUNTU,
      osType: "LINUX",
      architecture: "X86_64",
      sizeGiB: 20,
    });
    expect(demo.find((i) => i.id === WINDOWS)).toMatchObject({
      name: WINDOWS,
      osType: "WINDOWS",
      architecture: "X86_64",
      sizeGiB: 40,
    });
    for (const key of [DEMO_KEY, otherKey]) {
      const { image } = await gqlData(app.origin, ImageDocument, { id: UBUNTU }, key);
      expect(image).toMatchObject({ id: UBUNTU, ownerAlias: "SYSTEM", region: null, sizeGiB: 20 });
    }
  });

  it("lists the viewer's own images with the SYSTEM ones, newest first, never another account's", async () => {
    const all = await list(null);
    const ids = all.map((i) => i.id);
    expect(ids[0]).toBe(customId);
    expect(ids).toContain(UBUNTU);
    expect(ids).not.toContain(otherCustomId);
    const theirs = (await list(null, otherKey)).map((i) => i.id);
    expect(theirs[0]).toBe(otherCustomId);
    expect(theirs).not.toContain(customId);
    expect((await gqlData(app.origin, ImageDocument, { id: otherCustomId })).image).toBeNull();
  });

  it("keeps SYSTEM images under a region filter and drops custom images of other regions", async () => {
    const systemIds = (await list({ ownerAlias: ["SYSTEM"] })).map((i) => i.id).sort();
    const beijing = (await list({ regionId: "cn-beijing" })).map((i) => i.id);
    expect([...beijing].sort()).toEqual(systemIds);
    const hangzhou = (await list({ regionId: "cn-hangzhou" })).map((i) => i.id);
    expect([...hangzhou].sort()).toEqual([...systemIds, customId].sort());
  });

  it("filters by ownerAlias", async () => {
    expect((await list({ ownerAlias: ["SELF"] })).map((i) => i.id)).toEqual([customId]);
    const system = await list({ ownerAlias: ["SYSTEM"] });
    expect(system.every((i) => i.ownerAlias === "SYSTEM")).toBe(true);
    const both = await list({ ownerAlias: ["SELF", "SYSTEM"] });
    expect(both).toHaveLength(system.length + 1);
  });

  it("filters by nameContains, ignoring case", async () => {
    const all = await list(null);
    const ubuntu = await list({ nameContains: "UBUNTU" });
    expect(ubuntu.map((i) => i.id)).toEqual(
      all.filter((i) => i.name.toLowerCase().includes("ubuntu")).map((i) => i.id),
    );
    expect(ubuntu.map((i) => i.id)).toContain(UBUNTU);
    expect(ubuntu.length).toBeLessThan(all.length);
    expect((await list({ nameContains: "Win2022_Datacenter" })).map((i) => i.id)).toEqual([WINDOWS]);
    expect((await list({ nameContains: "golden" })).map((i) => i.id)).toEqual([customId]);
    expect(await list({ nameContains: "no-such-image" })).toEqual([]);
  });

  it("ignores case beyond ASCII in nameContains", async () => {
    const id = await insertCustomImage(await accountId(DEMO_KEY), "cn-hangzhou", "Ärger-Überblick");
    try {
      expect((await list({ nameContains: "Ärger" })).map((i) => i.id)).toEqual([id]);
      expect((await list({ nameContains: "ärger-überblick" })).map((i) => i.id)).toEqual([id]);
      expect((await list({ nameContains: "ÜBERBLICK" })).map((i) => i.id)).toEqual([id]);
    } finally {
      await app.prisma.image.delete({ where: { id } });
    }
  });

  it("treats nameContains literally, not as a LIKE pattern", async () => {
    expect(await list({ nameContains: "%" })).toEqual([]);
    expect(await list({ nameContains: "ubuntu%alibase" })).toEqual([]);
    expect(await list({ nameContains: "Golden_Base" })).toEqual([]);
    // The escape character itself is literal too, on SQLite and PostgreSQL alike.
    expect(await list({ nameContains: "\\" })).toEqual([]);
    expect(await list({ nameContains: "\\_" })).toEqual([]);
  });

  it("refuses first: 101 with a GraphQL error", async () => {
    const result = await gql(app.origin, ImagesDocument, { first: 101 });
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.data).toBeNull();
  });
});

describe("instance connection", () => {
  let pagerKey: string;
  /** 45 instances, made three at a time on the same instant so ties on createdAt exist. */
  let created: Instance[];

  beforeAll(async () => {
    pagerKey = await app.newAccount("pager");
    created = [];
    for (let i = 0; i < 45; i++) {
      if (i % 3 === 0) clock.advance(SECOND);
      created.push(await newInstance(app.origin, { name: `page-${i}` }, pagerKey));
    }
  });

  it("lists newest first (createdAt, then id, descending)", async () => {
    const { instances } = await gqlData(app.origin, InstancesDocument, { first: 100 }, pagerKey);
    const nodes = instances.edges.map((e) => e.node);
    expect(nodes).toHaveLength(45);
    expect(nodes.map((n) => n.id)).toEqual(newestFirst(created).map((n) => n.id));
    expect(nodes[0]?.createdAt).toBe(created[44]?.createdAt);
    expect(nodes[44]?.createdAt).toBe(created[0]?.createdAt);
  });

  it("returns 20 by default, with totalCount of all and hasNextPage", async () => {
    const { instances } = await gqlData(app.origin, InstancesDocument, {}, pagerKey);
    expect(instances.edges).toHaveLength(20);
    expect(instances.totalCount).toBe(45);
    expect(instances.pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: instances.edges[0]?.cursor,
      endCursor: instances.edges[19]?.cursor,
    });
  });

  it("accepts first: 100 and refuses first: 101 with a GraphQL error", async () => {
    const ok = await gql(app.origin, InstancesDocument, { first: 100 }, pagerKey);
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.instances.edges).toHaveLength(45);
    const refused = await gql(app.origin, InstancesDocument, { first: 101 }, pagerKey);
    expect(refused.errors?.[0]?.message).toMatch(/first/);
    expect(refused.data).toBeNull();
  });

  it("pages through all 45 with after: every instance once, in order", async () => {
    const expected = newestFirst(created).map((n) => n.id);
    for (const size of [10, 7, 45, 1]) {
      expect(await allInstanceIds(pagerKey, size)).toEqual(expected);
    }
    const first = await gqlData(app.origin, InstancesDocument, { first: 40 }, pagerKey);
    const last = await gqlData(
      app.origin,
      InstancesDocument,
      { first: 10, after: first.instances.pageInfo.endCursor },
      pagerKey,
    );
    expect(last.instances.edges).toHaveLength(5);
    expect(last.instances.totalCount).toBe(45);
    expect(last.instances.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it("keeps a cursor working while new instances are added between pages", async () => {
    const expected = newestFirst(created).map((n) => n.id);
    const page1 = await gqlData(app.origin, InstancesDocument, { first: 10 }, pagerKey);
    const seen = page1.instances.edges.map((e) => e.node.id);
    const added: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.advance(SECOND);
      added.push((await newInstance(app.origin, { name: `late-${i}` }, pagerKey)).id);
    }
    const rest = await allInstanceIds(pagerKey, 10, page1.instances.pageInfo.endCursor);
    expect([...seen, ...rest]).toEqual(expected);
    for (const id of added) expect(rest).not.toContain(id);
    const now = await gqlData(app.origin, InstancesDocument, { first: 5 }, pagerKey);
    expect(now.instances.totalCount).toBe(50);
    expect(now.instances.edges.map((e) => e.node.id)).toEqual([...added].reverse());
  });

  it("refuses a cursor it did not hand out with a GraphQL error", async () => {
    const result = await gql(app.origin, InstancesDocument, { first: 5, after: "not-a-cursor" }, pagerKey);
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.data).toBeNull();
  });
});

describe("filters", () => {
  let key: string;
  let owner: string;
  let a: Instance;
  let b: Instance;
  let c: Instance;
  let d: Instance;
  let snapshots: { aSystem: string; aData: string; bData: string; bFailed: string };

  beforeAll(async () => {
    key = await app.newAccount("filters");
    owner = await accountId(key);
    clock.advance(SECOND);
    a = await newInstance(app.origin, { name: "vm-a", dataDisks: [{ sizeGiB: 20 }, { sizeGiB: 30 }] }, key);
    clock.advance(SECOND);
    b = await newInstance(
      app.origin,
      { name: "vm-b", regionId: "cn-shanghai", start: false, dataDisks: [{ sizeGiB: 40 }] },
      key,
    );
    clock.advance(SECOND);
    c = await newInstance(app.origin, { name: "vm-c" }, key);
    const released = await gqlData(app.origin, ReleaseInstanceDocument, { input: { instanceId: c.id } }, key);
    expect(released.releaseInstance.userErrors).toEqual([]);
    clock.advance(SECOND);
    d = await newInstance(
      app.origin,
      {
        name: "vm-d",
        regionId: "us-west-1",
        expiresAt: new Date(clock.now().getTime() + HOUR).toISOString(),
      },
      key,
    );
    clock.advance(HOUR);
    const [aSystem, aData] = a.disks;
    const bData = b.disks[1];
    if (!aSystem || !aData || !bData) throw new Error("missing disks");
    clock.advance(SECOND);
    snapshots = {
      aSystem: await insertSnapshot(owner, aSystem),
      aData: "",
      bData: "",
      bFailed: "",
    };
    clock.advance(SECOND);
    snapshots.aData = await insertSnapshot(owner, aData, "PROGRESSING");
    clock.advance(SECOND);
    snapshots.bData = await insertSnapshot(owner, bData);
    clock.advance(SECOND);
    snapshots.bFailed = await insertSnapshot(owner, bData, "FAILED");
  });

  const instanceIds = async (filter: InstanceFilter) => {
    const { instances } = await gqlData(app.origin, InstancesDocument, { first: 100, filter }, key);
    expect(instances.totalCount).toBe(instances.edges.length);
    return instances.edges.map((e) => e.node.id);
  };

  const diskIds = async (filter: DiskFilter) => {
    const { disks } = await gqlData(app.origin, DisksDocument, { first: 100, filter }, key);
    expect(disks.totalCount).toBe(disks.edges.length);
    return disks.edges.map((e) => e.node.id).sort();
  };

  const snapshotIds = async (filter: SnapshotFilter) => {
    const { snapshots: list } = await gqlData(app.origin, SnapshotsDocument, { first: 100, filter }, key);
    expect(list.totalCount).toBe(list.edges.length);
    return list.edges.map((e) => e.node.id);
  };

  const ids = (...instances: Instance[]) => instances.map((i) => i.id);
  const disksOf = (...instances: Instance[]) =>
    instances.flatMap((i) => i.disks.map((disk) => disk.id)).sort();

  it("filters instances by region", async () => {
    expect(await instanceIds({ regionId: "cn-hangzhou" })).toEqual(ids(c, a));
    expect(await instanceIds({ regionId: "cn-shanghai" })).toEqual(ids(b));
    expect(await instanceIds({ regionId: "eu-central-1" })).toEqual([]);
  });

  it("filters instances by status, EXPIRED and RELEASED included", async () => {
    expect(await instanceIds({ status: ["RUNNING"] })).toEqual(ids(a));
    expect(await instanceIds({ status: ["STOPPED"] })).toEqual(ids(b));
    expect(await instanceIds({ status: ["RELEASED"] })).toEqual(ids(c));
    expect(await instanceIds({ status: ["EXPIRED"] })).toEqual(ids(d));
    expect(await instanceIds({ status: ["RUNNING", "STOPPED"] })).toEqual(ids(b, a));
    expect(await instanceIds({ status: ["EXPIRED", "RELEASED"] })).toEqual(ids(d, c));
    expect(await instanceIds({ status: ["RUNNING", "STOPPED", "EXPIRED", "RELEASED"] })).toEqual(
      ids(d, c, b, a),
    );
  });

  it("answers an empty status list with a totalCount that agrees with its edges", async () => {
    const { instances } = await gqlData(
      app.origin,
      InstancesDocument,
      { first: 100, filter: { status: [] } },
      key,
    );
    expect(instances.totalCount).toBe(instances.edges.length);
    const { disks } = await gqlData(app.origin, DisksDocument, { first: 100, filter: { status: [] } }, key);
    expect(disks.totalCount).toBe(disks.edges.length);
    const { snapshots: list } = await gqlData(
      app.origin,
      SnapshotsDocument,
      { first: 100, filter: { status: [] } },
      key,
    );
    expect(list.totalCount).toBe(list.edges.length);
  });

  it("combines the region and status filters", async () => {
    expect(await instanceIds({ regionId: "cn-hangzhou", status: ["RELEASED"] })).toEqual(ids(c));
    expect(await instanceIds({ regionId: "cn-hangzhou", status: ["STOPPED"] })).toEqual([]);
    expect(await instanceIds({ regionId: "us-west-1", status: ["EXPIRED"] })).toEqual(ids(d));
    expect(await instanceIds({ regionId: "us-west-1", status: ["RUNNING"] })).toEqual([]);
  });

  it("lists disks newest first with their region and instance", async () => {
    const { disks } = await gqlData(app.origin, DisksDocument, { first: 100 }, key);
    expect(disks.totalCount).toBe(7);
    const nodes = disks.edges.map((e) => e.node);
    expect(nodes.map((n) => n.id)).toEqual(newestFirst(nodes).map((n) => n.id));
    expect(nodes.slice(0, 1).map((n) => n.instance?.id)).toEqual([d.id]);
    expect(nodes.slice(-3).map((n) => n.instance?.id)).toEqual([a.id, a.id, a.id]);
    const bDisk = nodes.find((n) => n.id === b.disks[1]?.id);
    expect(bDisk).toMatchObject({
      type: "DATA",
      device: "/dev/vdb",
      sizeGiB: 40,
      region: { id: "cn-shanghai" },
    });
  });

  it("filters disks by instance, type, status and region", async () => {
    expect(await diskIds({ instanceId: a.id })).toEqual(disksOf(a));
    expect(await diskIds({ type: "DATA" })).toEqual(
      [...a.disks.slice(1), ...b.disks.slice(1)].map((x) => x.id).sort(),
    );
    expect(await diskIds({ type: "SYSTEM" })).toEqual([a, b, c, d].map((i) => i.disks[0]?.id).sort());
    expect(await diskIds({ status: ["RELEASED"] })).toEqual(disksOf(c));
    expect(await diskIds({ status: ["IN_USE"] })).toEqual(disksOf(a, b, d));
    expect(await diskIds({ status: ["AVAILABLE"] })).toEqual([]);
    expect(await diskIds({ regionId: "cn-shanghai" })).toEqual(disksOf(b));
    expect(await diskIds({ regionId: "cn-hangzhou", type: "DATA" })).toEqual(
      a.disks
        .slice(1)
        .map((x) => x.id)
        .sort(),
    );
  });

  it("pages through disks with after", async () => {
    const all = (await gqlData(app.origin, DisksDocument, { first: 100 }, key)).disks.edges.map(
      (e) => e.node.id,
    );
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: DisksQuery = await gqlData(app.origin, DisksDocument, { first: 2, after }, key);
      paged.push(...page.disks.edges.map((e) => e.node.id));
      if (!page.disks.pageInfo.hasNextPage) break;
      after = page.disks.pageInfo.endCursor ?? null;
    }
    expect(paged).toEqual(all);
  });

  it("lists snapshots newest first and filters them by instance, disk, region, status and disk type", async () => {
    const { snapshots: list } = await gqlData(app.origin, SnapshotsDocument, {}, key);
    expect(list.totalCount).toBe(4);
    expect(list.edges.map((e) => e.node.id)).toEqual([
      snapshots.bFailed,
      snapshots.bData,
      snapshots.aData,
      snapshots.aSystem,
    ]);
    expect(await snapshotIds({ instanceId: a.id })).toEqual([snapshots.aData, snapshots.aSystem]);
    expect(await snapshotIds({ diskId: b.disks[1]?.id })).toEqual([snapshots.bFailed, snapshots.bData]);
    expect(await snapshotIds({ regionId: "cn-hangzhou" })).toEqual([snapshots.aData, snapshots.aSystem]);
    expect(await snapshotIds({ status: ["ACCOMPLISHED"] })).toEqual([snapshots.bData, snapshots.aSystem]);
    expect(await snapshotIds({ status: ["PROGRESSING", "FAILED"] })).toEqual([
      snapshots.bFailed,
      snapshots.aData,
    ]);
    expect(await snapshotIds({ sourceDiskType: "SYSTEM" })).toEqual([snapshots.aSystem]);
    expect(await snapshotIds({ instanceId: a.id, sourceDiskType: "DATA" })).toEqual([snapshots.aData]);
  });

  it("pages through snapshots with after and refuses first: 101", async () => {
    const page1 = await gqlData(app.origin, SnapshotsDocument, { first: 3 }, key);
    expect(page1.snapshots.pageInfo.hasNextPage).toBe(true);
    const page2 = await gqlData(
      app.origin,
      SnapshotsDocument,
      { first: 3, after: page1.snapshots.pageInfo.endCursor },
      key,
    );
    expect(page2.snapshots.edges.map((e) => e.node.id)).toEqual([snapshots.aSystem]);
    expect(page2.snapshots.pageInfo.hasNextPage).toBe(false);
    const refused = await gql(app.origin, SnapshotsDocument, { first: 101 }, key);
    expect(refused.errors?.length).toBeGreaterThan(0);
    expect(refused.data).toBeNull();
  });

  it("lists a disk's snapshots newest first, paged, and refuses first: 101 there too", async () => {
    const diskId = b.disks[1]?.id ?? "";
    const all = await gqlData(app.origin, DiskSnapshotsDocument, { id: diskId }, key);
    expect(all.disk?.snapshots.totalCount).toBe(2);
    expect(all.disk?.snapshots.edges.map((e) => e.node.id)).toEqual([snapshots.bFailed, snapshots.bData]);
    const page1 = await gqlData(app.origin, DiskSnapshotsDocument, { id: diskId, first: 1 }, key);
    expect(page1.disk?.snapshots.edges.map((e) => e.node.id)).toEqual([snapshots.bFailed]);
    expect(page1.disk?.snapshots.pageInfo.hasNextPage).toBe(true);
    const page2 = await gqlData(
      app.origin,
      DiskSnapshotsDocument,
      { id: diskId, first: 1, after: page1.disk?.snapshots.pageInfo.endCursor },
      key,
    );
    expect(page2.disk?.snapshots.edges.map((e) => e.node.id)).toEqual([snapshots.bData]);
    expect(page2.disk?.snapshots.pageInfo.hasNextPage).toBe(false);
    const none = await gqlData(app.origin, DiskSnapshotsDocument, { id: c.disks[0]?.id ?? "" }, key);
    expect(none.disk?.snapshots).toMatchObject({ totalCount: 0, edges: [] });
    const refused = await gql(app.origin, DiskSnapshotsDocument, { id: diskId, first: 101 }, key);
    expect(refused.errors?.length).toBeGreaterThan(0);
    expect(refused.data?.disk?.snapshots ?? null).toBeNull();
  });

  it("lists the instances made from a SYSTEM image: only the viewer's, newest first", async () => {
    const mine = await gqlData(app.origin, ImageInstancesDocument, { id: UBUNTU, first: 100 }, key);
    expect(mine.image?.instances.totalCount).toBe(4);
    expect(mine.image?.instances.edges.map((e) => e.node.id)).toEqual(ids(d, c, b, a));
    const windows = await gqlData(app.origin, ImageInstancesDocument, { id: WINDOWS }, key);
    expect(windows.image?.instances.totalCount).toBe(0);
    const theirs = await gqlData(app.origin, ImageInstancesDocument, { id: UBUNTU, first: 100 }, otherKey);
    const theirIds = theirs.image?.instances.edges.map((e) => e.node.id) ?? [];
    for (const instance of [a, b, c, d]) expect(theirIds).not.toContain(instance.id);
    expect(theirs.image?.instances.totalCount).toBe(theirIds.length);
    const refused = await gql(app.origin, ImageInstancesDocument, { id: UBUNTU, first: 101 }, key);
    expect(refused.errors?.length).toBeGreaterThan(0);
  });

  it("refuses first: 101 on disks with a GraphQL error", async () => {
    const refused = await gql(app.origin, DisksDocument, { first: 101 }, key);
    expect(refused.errors?.length).toBeGreaterThan(0);
    expect(refused.data).toBeNull();
  });

  describe("scoping: another account", () => {
    it("sees null for instance(id), disk(id), snapshot(id) and node(id) of the account's rows", async () => {
      const snapshot = await gqlData(app.origin, SnapshotDocument, { id: snapshots.aSystem }, key);
      expect(snapshot.snapshot?.id).toBe(snapshots.aSystem);
      for (const other of [otherKey, DEMO_KEY]) {
        expect((await gqlData(app.origin, InstanceDocument, { id: a.id }, other)).instance).toBeNull();
        expect(
          (await gqlData(app.origin, DiskDocument, { id: a.disks[1]?.id ?? "" }, other)).disk,
        ).toBeNull();
        expect(
          (await gqlData(app.origin, SnapshotDocument, { id: snapshots.aSystem }, other)).snapshot,
        ).toBeNull();
        for (const id of [a.id, a.disks[0]?.id ?? "", snapshots.aData, owner]) {
          expect((await gqlData(app.origin, NodeDocument, { id }, other)).node).toBeNull();
        }
        const { nodes } = await gqlData(
          app.origin,
          NodesDocument,
          { ids: [a.id, b.disks[1]?.id ?? "", owner] },
          other,
        );
        expect(nodes).toEqual([null, null, null]);
      }
    });

    it("lists none of the account's rows", async () => {
      const theirs = await newInstance(app.origin, { name: "theirs" }, otherKey);
      const instances = await gqlData(app.origin, InstancesDocument, { first: 100 }, otherKey);
      const instanceList = instances.instances.edges.map((e) => e.node.id);
      expect(instanceList).toContain(theirs.id);
      for (const mine of [a, b, c, d]) expect(instanceList).not.toContain(mine.id);
      const disks = await gqlData(app.origin, DisksDocument, { first: 100 }, otherKey);
      const diskList = disks.disks.edges.map((e) => e.node.id);
      expect(diskList).toContain(theirs.disks[0]?.id);
      for (const mine of disksOf(a, b, c, d)) expect(diskList).not.toContain(mine);
      const filtered = await gqlData(app.origin, DisksDocument, { filter: { instanceId: a.id } }, otherKey);
      expect(filtered.disks.totalCount).toBe(0);
      const snaps = await gqlData(app.origin, SnapshotsDocument, { first: 100 }, otherKey);
      expect(snaps.snapshots.totalCount).toBe(0);
      const bySnapFilter = await gqlData(
        app.origin,
        SnapshotsDocument,
        { filter: { instanceId: a.id } },
        otherKey,
      );
      expect(bySnapFilter.snapshots.edges).toEqual([]);
    });
  });
});

describe("node and nodes", () => {
  let instance: Instance;
  let demoId: string;
  let customImageId: string;
  let snapshotId: string;

  beforeAll(async () => {
    clock.advance(SECOND);
    instance = await newInstance(app.origin, {
      name: "node-vm",
      regionId: "ap-southeast-1",
      dataDisks: [{ sizeGiB: 64 }],
    });
    demoId = await accountId(DEMO_KEY);
    customImageId = await insertCustomImage(demoId, "ap-southeast-1", "node-image");
    const dataDisk = instance.disks[1];
    if (!dataDisk) throw new Error("missing data disk");
    snapshotId = await insertSnapshot(demoId, dataDisk);
  });

  const node = async (id: string) => (await gqlData(app.origin, NodeDocument, { id })).node;

  it("resolves an instance", async () => {
    expect(await node(instance.id)).toEqual({
      __typename: "Instance",
      id: instance.id,
      name: "node-vm",
      status: "RUNNING",
      region: { id: "ap-southeast-1" },
    });
  });

  it("resolves a disk", async () => {
    expect(await node(instance.disks[1]?.id ?? "")).toEqual({
      __typename: "Disk",
      id: instance.disks[1]?.id,
      device: "/dev/vdb",
      instance: { id: instance.id },
    });
  });

  it("resolves SYSTEM and custom images", async () => {
    expect(await node(UBUNTU)).toEqual({
      __typename: "Image",
      id: UBUNTU,
      name: UBUNTU,
      ownerAlias: "SYSTEM",
    });
    expect(await node(WINDOWS)).toMatchObject({ __typename: "Image", id: WINDOWS });
    expect(await node(customImageId)).toEqual({
      __typename: "Image",
      id: customImageId,
      name: "node-image",
      ownerAlias: "SELF",
    });
  });

  it("resolves the viewer's account and a snapshot", async () => {
    expect(await node(demoId)).toEqual({ __typename: "Account", id: demoId, name: "demo" });
    expect(await node(snapshotId)).toEqual({
      __typename: "Snapshot",
      id: snapshotId,
      sourceDiskId: instance.disks[1]?.id,
    });
  });

  it("answers null for unknown IDs", async () => {
    const unknown = [
      "i-zzzzzzzzzzzzzzzzzzzz",
      "d-zzzzzzzzzzzzzzzzzzzz",
      "s-zzzzzzzzzzzzzzzzzzzz",
      "m-zzzzzzzzzzzzzzzzzzzz",
      "acc-zzzzzzzzzzzzzzzzzzzz",
      "ubuntu_99_04_x64_20G_alibase",
      "not an id!",
      "",
      "x",
      "cn-hangzhou",
    ];
    for (const id of unknown) expect(await node(id)).toBeNull();
  });

  it("nodes answers each ID in order, null where unknown", async () => {
    const ids = [
      instance.id,
      "i-zzzzzzzzzzzzzzzzzzzz",
      instance.disks[0]?.id ?? "",
      UBUNTU,
      demoId,
      customImageId,
      snapshotId,
      "garbage",
      instance.id,
    ];
    const { nodes } = await gqlData(app.origin, NodesDocument, { ids });
    expect(nodes).toEqual([
      { __typename: "Instance", id: instance.id },
      null,
      { __typename: "Disk", id: instance.disks[0]?.id },
      { __typename: "Image", id: UBUNTU },
      { __typename: "Account", id: demoId },
      { __typename: "Image", id: customImageId },
      { __typename: "Snapshot", id: snapshotId },
      null,
      { __typename: "Instance", id: instance.id },
    ]);
    expect((await gqlData(app.origin, NodesDocument, { ids: [] })).nodes).toEqual([]);
  });

  it("gives another account null for the demo account's nodes but the SYSTEM images", async () => {
    const { nodes } = await gqlData(
      app.origin,
      NodesDocument,
      { ids: [instance.id, instance.disks[0]?.id ?? "", customImageId, snapshotId, demoId, UBUNTU] },
      otherKey,
    );
    expect(nodes).toEqual([null, null, null, null, null, { __typename: "Image", id: UBUNTU }]);
  });
});
