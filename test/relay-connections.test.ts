import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_KEY, ManualClock, startTestApp, type TestApp } from "./support/app.ts";

const clock = new ManualClock();
let app: TestApp;

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function query(document: string, variables?: object, key: string = DEMO_KEY): Promise<Body> {
  const response = await fetch(`${app.origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: document, variables }),
  });
  return (await response.json()) as Body;
}

/** The SQL one request sent, without the API-key lookup (cached for 5 s of wall-clock time). */
async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
  app.statementLog.reset();
  await run();
  return app.statementLog.statements.filter((statement) => !/[`"]apiKeyHash[`"] = (\?|\$1)/.test(statement));
}

const CREATE = `mutation($input: CreateInstanceInput!) {
  createInstance(input: $input) { instance { id disks { id } } userErrors { code } }
}`;

interface Created {
  id: string;
  disks: { id: string }[];
}

const created: Created[] = [];

beforeAll(async () => {
  app = await startTestApp({ clock, config: { progressIntervalMs: 3_600_000 } });
  for (let i = 0; i < 12; i++) {
    clock.advance(1000);
    const answer = await query(CREATE, {
      input: {
        regionId: "cn-hangzhou",
        name: `relay-${i}`,
        imageId: "ubuntu_22_04_x64_20G_alibase",
        dataDisks: [{ sizeGiB: 20 }],
      },
    });
    const payload = answer.data?.createInstance as { instance: Created };
    created.push(payload.instance);
  }
}, 120_000);
afterAll(() => app?.close());

describe("nodes", () => {
  it("loads the nodes of one type in one statement, whatever the number of IDs", async () => {
    const ids = [
      ...created.map((instance) => instance.id),
      ...created.flatMap((instance) => instance.disks.map((disk) => disk.id)),
      "ubuntu_22_04_x64_20G_alibase",
      "i-zzzzzzzzzzzzzzzzzzzz",
      "garbage",
    ];
    let answer: Body = {};
    const statements = await statementsOf(async () => {
      answer = await query("query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", { ids });
    });
    expect(answer.errors).toBeUndefined();
    const nodes = answer.data?.nodes as ({ __typename: string; id: string } | null)[];
    expect(nodes.map((node) => node?.id ?? null)).toEqual([...ids.slice(0, -2), null, null]);
    expect(nodes.filter((node) => node?.__typename === "Disk")).toHaveLength(24);
    // Instances, disks, images: one statement each.
    expect(statements).toHaveLength(3);
  });
});

describe("connections", () => {
  it("answers first: 0 with an empty page and no statement for the page", async () => {
    let answer: Body = {};
    const statements = await statementsOf(async () => {
      answer = await query(
        "{ instances(first: 0) { edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }",
      );
    });
    expect(answer.data?.instances).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
    expect(statements).toEqual([]);
  });

  it("gives an empty page past the end null cursors", async () => {
    const all = await query("{ instances(first: 100) { pageInfo { endCursor } } }");
    const after = (all.data as { instances: { pageInfo: { endCursor: string } } }).instances.pageInfo
      .endCursor;
    const answer = await query(
      "query($after: String) { instances(after: $after) { edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }",
      { after },
    );
    expect(answer.data?.instances).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
  });

  it("answers a nested first: 0 with no edges, hasNextPage telling whether rows exist", async () => {
    const diskId = created[1]?.disks[0]?.id;
    const snapshot = await query(
      "mutation($diskId: ID!) { createSnapshot(input: { diskId: $diskId }) { snapshot { id } userErrors { code } } }",
      { diskId },
    );
    expect(snapshot.errors).toBeUndefined();
    const answer = await query(
      "query($id: ID!) { disk(id: $id) { snapshots(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage startCursor endCursor } } } }",
      { id: diskId },
    );
    expect(answer.data?.disk).toEqual({
      snapshots: {
        totalCount: 1,
        edges: [],
        pageInfo: { hasNextPage: true, startCursor: null, endCursor: null },
      },
    });
  });

  it("refuses first: -1 and a foreign cursor on a nested connection with BAD_USER_INPUT", async () => {
    const diskId = created[0]?.disks[0]?.id;
    const negative = await query(
      "query($id: ID!) { disk(id: $id) { snapshots(first: -1) { totalCount } } }",
      {
        id: diskId,
      },
    );
    expect(negative.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(negative.errors?.[0]?.message).toBe('"first" must be between 0 and 100 (got -1).');
    const foreign = await query(
      'query($id: ID!) { disk(id: $id) { snapshots(after: "T2Zmc2V0Q29ubmVjdGlvbjox") { totalCount } } }',
      { id: diskId },
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(foreign.errors?.[0]?.message).toMatch(/not a cursor this API returned/);
  });

  it("offers only first and after, on lists and nested connections", async () => {
    const argsOf = async (type: string, field: string) => {
      const answer = await query(
        "query($t: String!) { __type(name: $t) { fields { name args { name } } } }",
        {
          t: type,
        },
      );
      const fields = (answer.data as { __type: { fields: { name: string; args: { name: string }[] }[] } })
        .__type.fields;
      return fields
        .find((f) => f.name === field)
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
