import WebSocket from "ws";
import { loadLimitsConfig } from "../../src/config-limits.ts";
import { MAX_COST, MAX_DEPTH } from "../../src/server/graphql/limits.ts";
import { DEMO_KEY, startTestApp, type TestApp } from "../support/app.ts";
import { gql, gqlData, sseText, wsClient } from "../support/client.ts";
import { ManualClock } from "../support/clock.ts";
import {
  ConsoleInstancesDocument,
  ConsoleInstancesWithSnapshotsDocument,
} from "../support/documents/instances.ts";
import { CreateSnapshotDocument, SnapshotProgressDocument } from "../support/documents/snapshots.ts";
import { newInstance } from "../support/fixtures.ts";
import { subscribeWs } from "../support/stream.ts";
import { afterAll, beforeAll, describe, expect, it, useServer } from "../support/test.ts";

const clock = new ManualClock();
let app: TestApp;
let production: TestApp;
useServer({
  clock,
  config: {
    progressIntervalMs: 3_600_000,
    limits: { ...loadLimitsConfig({}), wsMaxOperations: 3, rateLimitBucket: 1e9 },
  },
});
beforeAll(async ({ server }) => {
  app = server;
  // A second gateway, as production runs it (no GraphiQL, no demo key).
  production = await startTestApp({ config: { development: false } });
});
afterAll(() => production?.close());

interface Answer {
  status: number;
  body: {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
    extensions?: Record<string, unknown>;
  };
}

async function post(origin: string, query: string, variables?: object, key: string | null = DEMO_KEY) {
  const response = await fetch(`${origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() } as Answer;
}

/** A graphql-ws socket spoken by hand, for messages a well-behaved client never sends. */
async function rawSocket(origin: string) {
  const socket = new WebSocket(`${origin.replace(/^http/, "ws")}/graphql`, "graphql-transport-ws");
  const messages: { id?: string; type: string; payload?: unknown }[] = [];
  const waiters: (() => void)[] = [];
  socket.on("message", (data) => {
    messages.push(JSON.parse(String(data)));
    for (const w of waiters.splice(0)) w();
  });
  const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
  await new Promise((resolve) => socket.once("open", resolve));
  const next = (test: (m: (typeof messages)[number]) => boolean) =>
    new Promise<(typeof messages)[number]>((resolve) => {
      const check = () => {
        const found = messages.find(test);
        if (found) resolve(found);
        else waiters.push(check);
      };
      check();
    });
  socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${DEMO_KEY}` } }));
  await next((m) => m.type === "connection_ack");
  return { socket, next, closed };
}

const deepQuery = () => {
  let selection = "id";
  for (let i = 0; i < 19; i++) selection = `sourceInstance { image { ${selection} } }`;
  return `{ images(first: 1) { edges { node { ${selection} } } } }`;
};

describe("authentication comes first (defects 1 and 2)", () => {
  it("answers a misspelt field without a key with 401 UNAUTHENTICATED, not a suggestion", async () => {
    const answer = await post(app.origin, "{ viewr { id } }", undefined, null);
    expect(answer.status).toBe(401);
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(JSON.stringify(answer.body)).not.toMatch(/Did you mean|viewer/);
  });

  it("does the same for GET and SSE, and for a document that would not even parse", async () => {
    const get = await fetch(`${app.origin}/graphql?query=${encodeURIComponent("{ viewr { id } }")}`, {
      headers: { accept: "application/json" },
    });
    expect(get.status).toBe(401);
    expect(await get.text()).not.toMatch(/Did you mean/);
    const text = await sseText(app.origin, "{ viewr { id } }");
    expect(text).toContain("UNAUTHENTICATED");
    expect(text).not.toMatch(/Did you mean/);
    const broken = await post(app.origin, "{ viewer { ", undefined, null);
    expect(broken.status).toBe(401);
    expect(broken.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("suggests fields in development only (defect 10)", async () => {
    const dev = await post(app.origin, "{ viewr { id } }");
    expect(dev.body.errors?.[0]?.message).toMatch(/Did you mean "viewer"\?/);
    // Twice: the second answer comes from the validation cache.
    for (let i = 0; i < 2; i++) {
      const prod = await post(production.origin, "{ viewr { id } }");
      expect(prod.body.errors?.[0]?.message).toBe('Cannot query field "viewr" on type "Query".');
    }
  });
});

describe("the cost limit counts variables and defaults (defect 4)", () => {
  const aliases = (n: number, block: string) =>
    Array.from({ length: n }, (_, i) => `a${i}: ${block}`).join(" ");

  it("refuses `first` given as a variable, with the limit and what it found", async () => {
    const query = `query($f: Int) { ${aliases(300, "images(first: $f) { edges { node { id } } }")} }`;
    const answer = await post(app.origin, query, { f: 100 });
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({
      code: "QUERY_TOO_COSTLY",
      limit: MAX_COST,
      // each alias: 2 for the connection + 100 × (edges 1 + node 1)
      found: 300 * 202,
    });
    expect(answer.body.errors?.[0]?.message).not.toMatch(/Syntax Error/);
    // Nothing was taken from the bucket, and the response says so.
    expect(answer.body.extensions?.cost).toMatchObject({ requestedQueryCost: 300 * 202 });
  });

  it("counts a variable's default and the page default when `first` is omitted", async () => {
    const withDefault = `query($f: Int = 100) { ${aliases(30, "images(first: $f) { edges { node { id } } }")} }`;
    const byDefault = await post(app.origin, withDefault);
    expect(byDefault.body.errors?.[0]?.extensions).toMatchObject({
      code: "QUERY_TOO_COSTLY",
      found: 30 * 202,
    });
    const omitted = `{ ${aliases(300, "images { totalCount edges { node { id } } }")} }`;
    const answer = await post(app.origin, omitted);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COSTLY", found: 300 * 42 });
  });

  it("lets the console's real queries through, well under the limit, and reports their cost", async () => {
    const list = await gql(app.origin, ConsoleInstancesWithSnapshotsDocument, { first: 50 });
    expect(list.errors).toBeUndefined();
    const cost = (list.extensions as { cost: { requestedQueryCost: number } }).cost.requestedQueryCost;
    expect(cost).toBeLessThan(MAX_COST / 2);
    const hundred = await gql(app.origin, ConsoleInstancesWithSnapshotsDocument, { first: 100 });
    expect(hundred.errors).toBeUndefined();
    expect(
      (hundred.extensions as { cost: { requestedQueryCost: number } }).cost.requestedQueryCost,
    ).toBeLessThan(MAX_COST);
    const instances = await gql(app.origin, ConsoleInstancesDocument, { first: 100 });
    expect(instances.errors).toBeUndefined();
  });

  it("refuses too deep a document with QUERY_TOO_DEEP and the numbers", async () => {
    const answer = await post(app.origin, deepQuery());
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({
      code: "QUERY_TOO_DEEP",
      limit: MAX_DEPTH,
      found: 42,
    });
  });
});

describe("graphql-ws has the HTTP limits (defect 3)", () => {
  it("closes a socket sending a message over 1 MiB with 1009, without running it", async () => {
    const { socket, closed } = await rawSocket(app.origin);
    const padding = "x".repeat(2 * 1024 * 1024);
    socket.send(
      JSON.stringify({
        id: "1",
        type: "subscribe",
        payload: { query: "{ viewer { id } }", variables: { padding } },
      }),
    );
    expect(await closed).toBe(1009);
  });

  it("answers a document over the depth limit with an error for that operation only", async () => {
    const client = wsClient(app.origin);
    const deep = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: deepQuery() },
        { next: () => undefined, error: resolve, complete: () => resolve(null) },
      );
    });
    expect((deep as { extensions?: { code?: string } }[])[0]?.extensions?.code).toBe("QUERY_TOO_DEEP");
    const still = await new Promise<unknown>((resolve, reject) => {
      client.subscribe(
        { query: "{ viewer { name } }" },
        { next: resolve, error: reject, complete: () => undefined },
      );
    });
    expect(still).toMatchObject({ data: { viewer: { name: "demo" } } });
    await client.dispose();
  });

  it("refuses a costly document over graphql-ws the same way", async () => {
    const { socket, next, closed } = await rawSocket(app.origin);
    const query = `query($f: Int) { ${Array.from({ length: 300 }, (_, i) => `a${i}: images(first: $f) { edges { node { id } } }`).join(" ")} }`;
    socket.send(JSON.stringify({ id: "c", type: "subscribe", payload: { query, variables: { f: 100 } } }));
    const answer = (await next((m) => m.id === "c")) as { type: string; payload: { errors?: unknown[] } };
    expect(JSON.stringify(answer.payload)).toContain("QUERY_TOO_COSTLY");
    socket.close(1000);
    expect(await closed).toBe(1000);
  });

  it("caps the operations one socket runs at once, with a clear error, and keeps the others", async () => {
    const created = await newInstance(app.origin, {
      name: "ws-cap",
      dataDisks: [{ sizeGiB: 40 }],
    });
    const disk = created.disks.find((d) => d.type === "DATA");
    const snapshot = await gqlData(app.origin, CreateSnapshotDocument, { input: { diskId: disk?.id ?? "" } });
    const snapshotId = snapshot.createSnapshot.snapshot?.id ?? "";
    const client = wsClient(app.origin);
    // The manual clock stands still: these stay open.
    const open = [1, 2, 3].map(() => subscribeWs(client, SnapshotProgressDocument, { snapshotId }));
    await Promise.all(open.map((s) => s.until(() => true)));
    const refused = subscribeWs(client, SnapshotProgressDocument, { snapshotId });
    const error = await refused.finished.catch((e: unknown) => e);
    expect((error as { extensions?: { code?: string; limit?: number } }[])[0]?.extensions).toEqual({
      code: "TOO_MANY_OPERATIONS",
      limit: 3,
    });
    expect(open.every((s) => !s.completed && s.errors.length === 0)).toBe(true);
    await client.dispose();
  });
});
