import type { TestApp } from "../support/app.ts";
import { gql, gqlData } from "../support/client.ts";
import { ManualClock } from "../support/clock.ts";
import { DiskSnapshotsDocument } from "../support/documents/disks.ts";
import { InstancePageDocument } from "../support/documents/instances.ts";
import { NodesDocument } from "../support/documents/nodes.ts";
import { FieldArgumentsDocument } from "../support/documents/schema.ts";
import { CreateSnapshotDocument } from "../support/documents/snapshots.ts";
import { newInstance } from "../support/fixtures.ts";
import { statementsOf as statementsOfRequest } from "../support/statements.ts";
import { beforeAll, describe, expect, it, useServer } from "../support/test.ts";

const clock = new ManualClock();
let app: TestApp;
const statementsOf = (run: () => Promise<unknown>) => statementsOfRequest(app.statements, run);
const created: Awaited<ReturnType<typeof newInstance>>[] = [];

useServer({ clock, config: { progressIntervalMs: 3_600_000 } });
beforeAll(async ({ server }) => {
  app = server;
  for (let i = 0; i < 12; i++) {
    clock.advance(1000);
    created.push(await newInstance(app.origin, { name: `relay-${i}`, dataDisks: [{ sizeGiB: 20 }] }));
  }
}, 120_000);

describe("nodes", () => {
  it("loads the nodes of one type in one statement, whatever the number of IDs", async () => {
    const ids = [
      ...created.map((instance) => instance.id),
      ...created.flatMap((instance) => instance.disks.map((disk) => disk.id)),
      "ubuntu_22_04_x64_20G_alibase",
      "i-zzzzzzzzzzzzzzzzzzzz",
      "garbage",
    ];
    let nodes: ({ __typename: string; id: string } | null)[] = [];
    const statements = await statementsOf(async () => {
      nodes = (await gqlData(app.origin, NodesDocument, { ids })).nodes;
    });
    expect(nodes.map((node) => node?.id ?? null)).toEqual([...ids.slice(0, -2), null, null]);
    expect(nodes.filter((node) => node?.__typename === "Disk")).toHaveLength(24);
    // Instances, disks, images: one statement each.
    expect(statements).toHaveLength(3);
  });
});

describe("connections", () => {
  it("answers first: 0 with an empty page and no statement for the page", async () => {
    let page: unknown;
    const statements = await statementsOf(async () => {
      page = (await gqlData(app.origin, InstancePageDocument, { first: 0 })).instances;
    });
    expect(page).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
    expect(statements).toEqual([]);
  });

  it("gives an empty page past the end null cursors", async () => {
    const all = await gqlData(app.origin, InstancePageDocument, { first: 100 });
    const after = all.instances.pageInfo.endCursor;
    const past = await gqlData(app.origin, InstancePageDocument, { after });
    expect(past.instances).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
  });

  it("answers a nested first: 0 with no edges, hasNextPage telling whether rows exist", async () => {
    const diskId = created[1]!.disks[0]!.id;
    const snapshot = await gqlData(app.origin, CreateSnapshotDocument, { input: { diskId } });
    expect(snapshot.createSnapshot.userErrors).toEqual([]);
    const answer = await gqlData(app.origin, DiskSnapshotsDocument, { id: diskId, first: 0 });
    expect(answer.disk?.snapshots).toEqual({
      totalCount: 1,
      edges: [],
      pageInfo: { hasNextPage: true, endCursor: null },
    });
  });

  it("refuses first: -1 and a foreign cursor on a nested connection with BAD_USER_INPUT", async () => {
    const id = created[0]!.disks[0]!.id;
    const negative = await gql(app.origin, DiskSnapshotsDocument, { id, first: -1 });
    expect(negative.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(negative.errors?.[0]?.message).toBe('"first" must be between 0 and 100 (got -1).');
    // A cursor of another API's shape (a Relay offset cursor), not one this API wrote.
    const foreign = await gql(app.origin, DiskSnapshotsDocument, { id, after: "T2Zmc2V0Q29ubmVjdGlvbjox" });
    expect(foreign.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(foreign.errors?.[0]?.message).toMatch(/not a cursor this API returned/);
  });

  it("offers only first and after, on lists and nested connections", async () => {
    const argsOf = async (type: string, field: string) => {
      const answer = await gqlData(app.origin, FieldArgumentsDocument, { type });
      return answer.__type?.fields
        ?.find((f) => f.name === field)
        ?.args.map((arg) => arg.name)
        .sort();
    };
    for (const name of ["instances", "images", "snapshots", "disks"]) {
      expect(await argsOf("Query", name)).toEqual(["after", "filter", "first"]);
    }
    expect(await argsOf("Image", "instances")).toEqual(["after", "first"]);
    expect(await argsOf("Disk", "snapshots")).toEqual(["after", "first"]);
  });
});
