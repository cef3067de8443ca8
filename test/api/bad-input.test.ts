import { connect } from "node:net";
import { loadLimitsConfig } from "../../src/config-limits.ts";
import { DEMO_KEY, startTestApp, type TestApp } from "../support/app.ts";
import { gql, gqlData } from "../support/client.ts";
import { advanceAndStep, ManualClock } from "../support/clock.ts";
import { CreateCustomImageDocument } from "../support/documents/images.ts";
import { NodesDocument } from "../support/documents/nodes.ts";
import { CreateSnapshotDocument } from "../support/documents/snapshots.ts";
import { newInstance } from "../support/fixtures.ts";
import { beforeAll, describe, expect, it, useServer } from "../support/test.ts";

const clock = new ManualClock();
let app: TestApp;
useServer({
  clock,
  config: {
    progressIntervalMs: 3_600_000,
    limits: {
      ...loadLimitsConfig({}),
      rateLimitBucket: 1e9,
      httpHeadersTimeoutMs: 300,
      httpRequestTimeoutMs: 600,
      corsOrigins: ["https://console.example.com"],
    },
  },
});
beforeAll(({ server }) => {
  app = server;
});

interface Body {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function post(body: string, key: string | null = DEMO_KEY) {
  const response = await fetch(`${app.origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body,
  });
  return { status: response.status, body: (await response.json()) as Body };
}

const query = (q: string, variables?: object) => post(JSON.stringify({ query: q, variables }));

describe("malformed requests are 400, never 500 (defect 5)", () => {
  it.each([
    "query=%7Bviewer%7Bid%7D%7D&variables=%7Bbad",
    "query=%7Bviewer%7Bid%7D%7D&extensions=%5B",
    "variables=%7B",
    "query=%7Bviewer%7Bid%7D%7D&variables=5",
  ])("GET ?%s", async (search) => {
    const response = await fetch(`${app.origin}/graphql?${search}`, {
      headers: { authorization: `Bearer ${DEMO_KEY}`, accept: "application/json" },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Body;
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_REQUEST");
  });

  it.each([
    [
      "20,000 nested inline fragments",
      `{ ${"... on Query { ".repeat(20_000)}__typename${" }".repeat(20_000)} }`,
    ],
    ["a 20,000-deep list literal", `{ nodes(ids: ${"[".repeat(20_000)}${"]".repeat(20_000)}) { id } }`],
    [
      "a 5,000-deep object literal",
      `{ images(filter: ${"{a:".repeat(5_000)}1${"}".repeat(5_000)}) { totalCount } }`,
    ],
  ])("%s: QUERY_TOO_DEEP before parsing", async (_what, document) => {
    const answer = await query(document);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_DEEP", limit: 64 });
  });

  it("refuses a body that is not JSON without the parser's internals (defect 10)", async () => {
    const answer = await post("{not json");
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(answer.body)).not.toMatch(/originalError|stack|position \d|SyntaxError/);
  });
});

describe("client input is never a masked internal error (defect 6)", () => {
  it("refuses a cursor that decodes to an out-of-range date", async () => {
    const after = Buffer.from("+275760-09-13T00:00:00.000Z|i-x").toString("base64url");
    const answer = await query("query($a: String) { instances(after: $a) { totalCount } }", { a: after });
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(answer.body.errors?.[0]?.message).toMatch(/not a cursor/);
  });

  it("caps nodes(ids:) at 100 with a GraphQL error that says so", async () => {
    const ids = Array.from({ length: 998 }, (_, i) => `i-${String(i).padStart(20, "0")}`);
    const refused = await gql(app.origin, NodesDocument, { ids });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", limit: 100, found: 998 });
    const accepted = await gql(app.origin, NodesDocument, { ids: ids.slice(0, 100) });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.nodes).toHaveLength(100);
  });

  // A lone surrogate cannot be stored as UTF-8; PostgreSQL cannot store U+0000 in text: that one
  // was a masked internal error there (found by the fuzz test).
  it.each([
    [
      "a lone UTF-16 surrogate",
      "an ID",
      "query($i: ID!) { node(id: $i) { id } }",
      { i: "i-ab\ud800cd" },
      /surrogate/,
    ],
    [
      "a lone UTF-16 surrogate",
      "a filter",
      "query($f: ImageFilter) { images(filter: $f) { totalCount } }",
      { f: { nameContains: "ab\ud800" } },
      /surrogate/,
    ],
    [
      "a lone UTF-16 surrogate",
      "a name",
      'mutation($n: String!) { createInstance(input: { regionId: "cn-hangzhou", name: $n, imageId: "ubuntu_22_04_x64_20G_alibase" }) { instance { id } } }',
      { n: "ab\ud800cd" },
      /surrogate/,
    ],
    [
      "a lone UTF-16 surrogate",
      "guest state",
      'mutation($g: GuestStateInput!) { updateInstanceGuestState(input: { instanceId: "i-00000000000000000000", guest: $g }) { instance { id } } }',
      { g: { fstabDataDiskEntries: ["/dev/vdb \ud800"] } },
      /surrogate/,
    ],
    ["a NUL character", "an ID", "query($i: ID!) { node(id: $i) { id } }", { i: "i-ab\u0000cd" }, /NUL/],
    [
      "a NUL character",
      "a filter",
      "query($f: ImageFilter) { images(filter: $f) { totalCount } }",
      { f: { nameContains: "\u0000nul" } },
      /NUL/,
    ],
    [
      "a NUL character",
      "an image ID",
      "mutation($i: ID!) { deleteImage(input: { imageId: $i }) { deletedImageId } }",
      { i: "\u0000nul" },
      /NUL/,
    ],
  ])(
    "refuses %s in %s with BAD_USER_INPUT, writing nothing",
    async (_what, _where, document, variables, message) => {
      const before = await app.prisma.instance.count();
      const answer = await query(document, variables);
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(answer.body.errors?.[0]?.message).toMatch(message);
      expect(await app.prisma.instance.count()).toBe(before);
    },
  );
});

describe("rules the API enforces (defect 7)", () => {
  it("refuses an image from more than 16 data-disk snapshots", async () => {
    const ids = Array.from({ length: 25 }, (_, i) => `s-${String(i).padStart(20, "0")}`);
    const data = await gqlData(app.origin, CreateCustomImageDocument, {
      input: { snapshotId: "s-99999999999999999999", dataDiskSnapshotIds: ids, name: "too-many" },
    });
    expect(data.createCustomImage.image).toBeNull();
    expect(data.createCustomImage.userErrors[0]).toMatchObject({
      code: "INVALID_INPUT",
      field: ["input", "dataDiskSnapshotIds"],
    });
  });

  it("keeps the snapshot names it generates within 128 characters", async () => {
    const instance = await newInstance(app.origin, { name: "long-names", dataDisks: [{ sizeGiB: 40 }] });
    const name = `n${"x".repeat(127)}`;
    const data = await gqlData(app.origin, CreateCustomImageDocument, {
      input: { instanceId: instance.id, name },
    });
    expect(data.createCustomImage.userErrors).toEqual([]);
    const snapshots = await app.prisma.snapshot.findMany({
      where: { imageId: data.createCustomImage.image!.id },
    });
    expect(snapshots.length).toBe(2);
    for (const snapshot of snapshots) expect([...(snapshot.name ?? "")].length).toBeLessThanOrEqual(128);
    expect(snapshots.map((s) => s.name?.slice(-4)).sort()).toEqual(["-vda", "-vdb"]);
  });

  it("refuses impossible dates such as 2030-04-31", async () => {
    const before = await app.prisma.instance.count();
    const answer = await query(
      'mutation($e: DateTime) { createInstance(input: { regionId: "cn-hangzhou", name: "bad-date", imageId: "ubuntu_22_04_x64_20G_alibase", expiresAt: $e }) { instance { id } } }',
      { e: "2030-04-31T00:00:00Z" },
    );
    expect(answer.body.errors?.[0]?.message).toMatch(/not a real instant/);
    expect(await app.prisma.instance.count()).toBe(before);
    const literal = await query(
      'mutation { createInstance(input: { regionId: "cn-hangzhou", name: "bad-date", imageId: "ubuntu_22_04_x64_20G_alibase", expiresAt: "2031-02-29T00:00:00Z" }) { instance { id } } }',
    );
    expect(literal.body.errors?.[0]?.message).toMatch(/not a real instant/);
    expect(await app.prisma.instance.count()).toBe(before);
  });

  it("treats dataDiskSnapshotIds: [] like an absent list when a request is retried", async () => {
    const instance = await newInstance(app.origin, { name: "retry-empty", dataDisks: [{ sizeGiB: 40 }] });
    const system = instance.disks.find((d) => d.type === "SYSTEM")!;
    const snapshot = await gqlData(app.origin, CreateSnapshotDocument, { input: { diskId: system.id } });
    await advanceAndStep(app, clock, 120_000);
    const input = {
      snapshotId: snapshot.createSnapshot.snapshot!.id,
      name: "retry-empty-image",
      clientToken: "t-empty",
    };
    const first = await gqlData(app.origin, CreateCustomImageDocument, { input });
    expect(first.createCustomImage.userErrors).toEqual([]);
    const retry = await gqlData(app.origin, CreateCustomImageDocument, {
      input: { ...input, dataDiskSnapshotIds: [] },
    });
    expect(retry.createCustomImage.userErrors).toEqual([]);
    expect(retry.createCustomImage.image?.id).toBe(first.createCustomImage.image?.id);
  });
});

/** A raw TCP client: what it was sent back and when the server closed it. */
function rawClient(port: number) {
  const socket = connect(port, "127.0.0.1");
  let received = "";
  socket.on("data", (chunk) => {
    received += chunk;
  });
  const closed = new Promise<string>((resolve) => socket.on("close", () => resolve(received)));
  socket.on("error", () => undefined);
  return { socket, closed };
}

describe("slow clients and too many connections (defect 8)", () => {
  it("answers endless headers with 408 within the header timeout", async () => {
    const { socket, closed } = rawClient(app.port);
    socket.write("POST /graphql HTTP/1.1\r\nHost: x\r\n");
    const timer = setInterval(() => socket.write("X-Slow: 1\r\n"), 50);
    const started = Date.now();
    const answer = await closed;
    clearInterval(timer);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("answers a body that never ends, or never arrives, with 408", async () => {
    const endless = rawClient(app.port);
    endless.socket.write(
      `POST /graphql HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${DEMO_KEY}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
    );
    const timer = setInterval(() => endless.socket.write("1\r\n \r\n"), 50);
    const short = rawClient(app.port);
    short.socket.write(
      `POST /graphql HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${DEMO_KEY}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":`,
    );
    const [a, b] = await Promise.all([endless.closed, short.closed]);
    clearInterval(timer);
    expect(a).toMatch(/^HTTP\/1\.1 408/);
    expect(b).toMatch(/^HTTP\/1\.1 408/);
  });

  it("drops connections above the cap and serves again once they close", async () => {
    const capped = await startTestApp({ config: { limits: { ...loadLimitsConfig({}), maxConnections: 2 } } });
    try {
      const held = [rawClient(capped.port), rawClient(capped.port)];
      await Promise.all(held.map(({ socket }) => new Promise((resolve) => socket.once("connect", resolve))));
      // Node counts a socket once it has accepted it: a request on each makes sure both were.
      const third = rawClient(capped.port);
      third.socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
      expect(await third.closed).toBe("");
      for (const { socket } of held) socket.destroy();
      await Promise.all(held.map(({ closed }) => closed));
      let ok = false;
      for (let attempt = 0; attempt < 50 && !ok; attempt++) {
        ok = await fetch(`${capped.origin}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
      }
      expect(ok).toBe(true);
    } finally {
      await capped.close();
    }
  });
});

describe("CORS (defect 9)", () => {
  const preflight = (origin: string) =>
    fetch(`${app.origin}/graphql`, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization",
      },
    });

  it("never reflects an unknown origin", async () => {
    const response = await fetch(`${app.origin}/graphql`, {
      method: "POST",
      headers: {
        origin: "https://evil.example",
        "content-type": "application/json",
        authorization: `Bearer ${DEMO_KEY}`,
      },
      body: JSON.stringify({ query: "{ viewer { id } }" }),
    });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    expect((await preflight("https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
  });

  it("allows the gateway's own origin, CORS_ORIGINS, and localhost in development", async () => {
    for (const origin of [app.origin, "https://console.example.com", "http://localhost:5173"]) {
      const response = await preflight(origin);
      expect(response.headers.get("access-control-allow-origin")).toBe(origin);
    }
    const production = await startTestApp({ config: { development: false } });
    try {
      const response = await fetch(`${production.origin}/graphql`, {
        method: "OPTIONS",
        headers: { origin: "http://localhost:5173", "access-control-request-method": "POST" },
      });
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await production.close();
    }
  });
});
