import WebSocket from "ws";
import { loadLimitsConfig } from "../../src/config-limits.ts";
import { DEMO_KEY, type TestApp } from "../support/app.ts";
import { gqlData } from "../support/client.ts";
import { ManualClock } from "../support/clock.ts";
import { CreateSnapshotDocument } from "../support/documents/snapshots.ts";
import { newInstance } from "../support/fixtures.ts";
import { beforeAll, describe, expect, it, useServer } from "../support/test.ts";

/**
 * Generated bad input, from a fixed seed, through HTTP and graphql-ws: no 5xx, no internal error
 * shown to the client, no masked error for what is the client's fault, nothing half-written.
 */
const SEED = 0x1ea7_5eed;
const HTTP_CASES = 1_500;
const WS_CASES = 1_000;

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}

const clock = new ManualClock();
let app: TestApp;
const known: string[] = [];

useServer({
  clock,
  config: { progressIntervalMs: 3_600_000, limits: { ...loadLimitsConfig({}), rateLimitBucket: 1e9 } },
});
beforeAll(async ({ server }) => {
  app = server;
  const created = await newInstance(app.origin, {
    name: "fuzz-base",
    dataDisks: [{ sizeGiB: 40 }],
  });
  const instance = created;
  known.push(instance.id, ...instance.disks.map((d) => d.id));
  const snapshot = await gqlData(app.origin, CreateSnapshotDocument, {
    input: { diskId: instance.disks[1]!.id },
  });
  known.push(
    snapshot.createSnapshot.snapshot!.id,
    "ubuntu_22_04_x64_20G_alibase",
    "acc-demo0000000000000000",
  );
});

const OPERATIONS: { query: string; variables: () => Record<string, unknown>; mutation?: string }[] = [
  {
    query: "query($id: ID!) { node(id: $id) { id ... on Instance { name status } } }",
    variables: () => ({ id: "" }),
  },
  { query: "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", variables: () => ({ ids: [] }) },
  {
    query:
      "query($first: Int, $after: String, $filter: InstanceFilter) { instances(first: $first, after: $after, filter: $filter) { totalCount edges { cursor node { id disks { id snapshots(first: 5) { totalCount } } } } } }",
    variables: () => ({ first: 10, after: null, filter: { regionId: "cn-hangzhou" } }),
  },
  {
    query:
      "query($first: Int, $after: String, $filter: ImageFilter) { images(first: $first, after: $after, filter: $filter) { totalCount edges { node { id name createdAt } } } }",
    variables: () => ({ first: 5, filter: { nameContains: "u", status: ["AVAILABLE"] } }),
  },
  {
    query:
      "query($f: SnapshotFilter, $a: String) { snapshots(filter: $f, after: $a) { edges { node { id progress } } } }",
    variables: () => ({ f: { diskId: "d-x" } }),
  },
  {
    query:
      "mutation($input: CreateInstanceInput!) { createInstance(input: $input) { instance { id } userErrors { code field } } }",
    variables: () => ({
      input: {
        regionId: "cn-hangzhou",
        name: "fz",
        imageId: "ubuntu_22_04_x64_20G_alibase",
        dataDisks: [{ sizeGiB: 20 }],
      },
    }),
    mutation: "createInstance",
  },
  {
    query:
      "mutation($input: CreateSnapshotInput!) { createSnapshot(input: $input) { snapshot { id } userErrors { code } } }",
    variables: () => ({ input: { diskId: "d-x", name: "fz" } }),
    mutation: "createSnapshot",
  },
  {
    query:
      "mutation($input: CreateCustomImageInput!) { createCustomImage(input: $input) { image { id } userErrors { code } } }",
    variables: () => ({ input: { instanceId: "i-x", name: "fz-image", dataDiskSnapshotIds: [] } }),
    mutation: "createCustomImage",
  },
  {
    query:
      "mutation($input: UpdateInstanceGuestStateInput!) { updateInstanceGuestState(input: $input) { instance { id } userErrors { code } } }",
    variables: () => ({
      input: { instanceId: "i-x", guest: { fstabDataDiskEntries: ["/dev/vdb /data ext4"] } },
    }),
    mutation: "updateInstanceGuestState",
  },
  {
    query:
      "mutation($input: CopyImageInput!) { copyImage(input: $input) { image { id } userErrors { code } } }",
    variables: () => ({ input: { imageId: "m-x", destinationRegionId: "cn-beijing" } }),
    mutation: "copyImage",
  },
  {
    query:
      "mutation($input: UpdateImageInput!) { updateImage(input: $input) { image { id } userErrors { code } } }",
    variables: () => ({ input: { imageId: "m-x", name: "fz" } }),
    mutation: "updateImage",
  },
  {
    query:
      "mutation($input: DeleteImageInput!) { deleteImage(input: $input) { deletedImageId userErrors { code } } }",
    variables: () => ({ input: { imageId: "m-x" } }),
    mutation: "deleteImage",
  },
  {
    query:
      "mutation($input: InstanceActionInput!) { stopInstance(input: $input) { instance { id } userErrors { code } } }",
    variables: () => ({ input: { instanceId: "i-x" } }),
    mutation: "stopInstance",
  },
];

function generator(seed: number) {
  const r = random(seed);
  const cursor = () =>
    Buffer.from(
      r.pick([
        "+275760-09-13T00:00:00.000Z|i-x",
        "2026-13-45T99:99:99.999Z|i-x",
        "|",
        "2026-11-27T10:00:00.000Z|",
        "garbage",
        "2026-11-27T10:00:00.000Z|i-00000000000000000000|extra",
      ]),
    ).toString("base64url");
  const badValue = (): unknown =>
    r.pick<() => unknown>([
      () => "",
      () => " ",
      () => "x".repeat(r.pick([129, 257, 5_000, 60_000])),
      () => "ab\ud800cd",
      () => "\udc00",
      () => "\u0000nul",
      () => "💥".repeat(r.int(200)),
      () => "https://evil.example",
      () => "'; DROP TABLE Instance; --",
      () => "%s%n%x",
      () => -1,
      () => 0,
      () => 2 ** 31,
      () => -(2 ** 31) - 1,
      () => 2 ** 53 + 1,
      () => 1.5,
      () => 1e308,
      () => true,
      () => null,
      () => [],
      () => {},
      () => [1, "a", null],
      () => ({ nested: { deeper: ["x"] } }),
      () => "2030-04-31T00:00:00Z",
      () => "+275760-09-13T00:00:00.000Z",
      () => `i-${"z".repeat(r.int(30))}`,
      () => r.pick(known),
      () => cursor(),
      () => Array.from({ length: r.pick([17, 101, 1_000]) }, () => r.pick(known)),
      () => ["AVAILABLE", "NOPE"],
      () => "/dev/vdb",
      () => "/dev/vdzz",
    ])();
  /** Replace, add or delete a few fields anywhere in the variables. */
  const mutate = (value: unknown, depth = 0): unknown => {
    if (depth > 4) return value;
    if (Array.isArray(value)) return r.next() < 0.3 ? badValue() : value.map((v) => mutate(v, depth + 1));
    if (value && typeof value === "object") {
      const copy: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const roll = r.next();
        if (roll < 0.15) continue;
        copy[k] = roll < 0.5 ? badValue() : mutate(v, depth + 1);
      }
      if (r.next() < 0.2)
        copy[r.pick(["first", "after", "name", "device", "sizeGiB", "bogus", "clientToken", "description"])] =
          badValue();
      return copy;
    }
    return r.next() < 0.5 ? badValue() : value;
  };
  const CHARS = [
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    ":",
    "$",
    "!",
    "@",
    "...",
    '"',
    "\\",
    "#",
    " ",
    "1",
    "a",
    "on",
    "fragment",
    "\u0000",
    "\ud800",
  ];
  const mangle = (text: string): string => {
    let out = text;
    for (let i = 0, n = 1 + r.int(4); i < n; i++) {
      const at = r.int(out.length + 1);
      const roll = r.next();
      if (roll < 0.3) out = out.slice(0, at) + out.slice(at + 1 + r.int(5));
      else if (roll < 0.7) out = out.slice(0, at) + r.pick(CHARS) + out.slice(at);
      else if (roll < 0.85) out = out.slice(0, at);
      else out = out.slice(0, at) + out.slice(r.int(out.length)) + out.slice(at);
    }
    return out;
  };
  /** One operation: a real document with bad variables, or a damaged document. */
  const operation = () => {
    const base = r.pick(OPERATIONS);
    const damaged = r.next() < 0.3;
    return {
      payload: {
        query: damaged ? mangle(base.query) : base.query,
        variables: mutate(base.variables()) as Record<string, unknown>,
        operationName: r.next() < 0.05 ? (badValue() as string) : undefined,
      },
      mutation: damaged ? undefined : base.mutation,
    };
  };
  /** A whole HTTP request: mostly operations, some broken at the transport level. */
  const request = (): { init: RequestInit; search?: string; mutation?: string } => {
    const roll = r.next();
    const headers: Record<string, string> = {
      authorization: `Bearer ${DEMO_KEY}`,
      "content-type": "application/json",
      accept: r.pick(["application/json", "application/graphql-response+json", "*/*", "text/event-stream"]),
    };
    if (roll < 0.75) {
      const op = operation();
      return { init: { method: "POST", headers, body: JSON.stringify(op.payload) }, mutation: op.mutation };
    }
    if (roll < 0.85) {
      const { payload } = operation();
      const params = new URLSearchParams({ query: payload.query.replace(/^mutation/, "query") });
      const text = JSON.stringify(payload.variables);
      params.set(r.pick(["variables", "extensions"]), r.next() < 0.5 ? text : mangle(text));
      return { init: { method: "GET", headers }, search: params.toString() };
    }
    const body = r.pick<() => string>([
      () => mangle(JSON.stringify(operation().payload)),
      () => "[]",
      () => "null",
      () => '"just a string"',
      () => JSON.stringify({ query: 42 }),
      () => JSON.stringify({ query: "{ viewer { id } }", variables: "x" }),
      () => JSON.stringify({ query: "{ viewer { id } }", extensions: [1] }),
      () => `{"query":"{ viewer { id } }","variables":${"[".repeat(3_000)}${"]".repeat(3_000)}}`,
    ])();
    const contentType = r.pick([
      "application/json",
      "text/plain",
      "application/graphql",
      "application/x-www-form-urlencoded",
    ]);
    return { init: { method: "POST", headers: { ...headers, "content-type": contentType }, body } };
  };
  return { operation, request, r };
}

/** Messages that name internals: a stack, the ORM, the database, a JavaScript error class. */
const INTERNAL =
  /prisma|sqlite|\bat \S+ \(\S+:\d+:\d+\)|\.ts:\d+|invalid invocation|TypeError|RangeError|ReferenceError|Cannot read prop|originalError|"stack"/i;

function problemsIn(payload: unknown): string[] {
  const errors = (payload as { errors?: { message?: string; extensions?: unknown }[] } | null)?.errors ?? [];
  const problems: string[] = [];
  for (const error of errors) {
    const text = JSON.stringify(error);
    if (error.message === "Unexpected error.") problems.push(`masked: ${text}`);
    else if (INTERNAL.test(text)) problems.push(`internal: ${text}`);
  }
  return problems;
}

async function rowCounts() {
  const p = app.prisma;
  const counts = await Promise.all([
    p.instance.count(),
    p.disk.count(),
    p.snapshot.count(),
    p.image.count(),
    p.imageCheck.count(),
    p.imageDiskMapping.count(),
  ]);
  return counts.join(",");
}

/** Refused (a GraphQL error, no payload, or userErrors): nothing may have been written. */
function refused(body: unknown, field: string): boolean {
  const data = (body as { data?: Record<string, { userErrors?: unknown[] } | null> | null })?.data;
  const payload = data?.[field];
  return !payload || (payload.userErrors?.length ?? 0) > 0;
}

describe(`fuzz (seed ${SEED})`, () => {
  it(`${HTTP_CASES} bad HTTP requests: no 5xx, no internal or masked error, no partial write`, async () => {
    const { request } = generator(SEED);
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < HTTP_CASES && problems.length < 5; i++) {
      const { init, search, mutation } = request();
      const before = mutation ? await rowCounts() : "";
      const response = await fetch(`${app.origin}/graphql${search ? `?${search}` : ""}`, init);
      const text = await response.text();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const where = `#${i} ${init.method} ${search ?? String(init.body).slice(0, 300)}`;
      if (response.status >= 500) problems.push(`${response.status} for ${where}: ${text.slice(0, 300)}`);
      const bodies = text.startsWith("{")
        ? [text]
        : [...text.matchAll(/^data: (.*)$/gm)].map((m) => m[1] ?? "").filter(Boolean);
      for (const raw of bodies) {
        let body: unknown = null;
        try {
          body = JSON.parse(raw);
        } catch {
          problems.push(`not JSON for ${where}: ${raw.slice(0, 200)}`);
          continue;
        }
        for (const problem of problemsIn(body)) problems.push(`${problem} for ${where}`);
        if (mutation && refused(body, mutation) && (await rowCounts()) !== before) {
          problems.push(`partial write for ${where}: ${raw.slice(0, 300)}`);
        }
      }
    }
    console.log(`fuzz HTTP statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(problems).toEqual([]);
  }, 240_000);

  it(`${WS_CASES} bad graphql-ws operations: no internal close, no internal or masked error, no partial write`, async () => {
    const { operation, r } = generator(SEED + 1);
    const problems: string[] = [];
    const closes = new Map<number, number>();
    const open = async () => {
      const socket = new WebSocket(`${app.origin.replace(/^http/, "ws")}/graphql`, "graphql-transport-ws");
      const inbox: { id?: string; type: string; payload?: unknown }[] = [];
      let notify = () => {};
      socket.on("message", (data) => {
        inbox.push(JSON.parse(String(data)));
        notify();
      });
      const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
      await new Promise((resolve) => socket.once("open", resolve));
      socket.send(
        JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${DEMO_KEY}` } }),
      );
      await new Promise<void>((resolve) => {
        notify = () => {
          if (inbox.some((m) => m.type === "connection_ack")) resolve();
        };
      });
      /** The messages of operation `id` until it completes or errors, or the socket's close code. */
      const finish = (id: string) =>
        new Promise<{ messages: typeof inbox; code?: number }>((resolve) => {
          const check = () => {
            const mine = inbox.filter((m) => m.id === id);
            if (mine.some((m) => m.type === "complete" || m.type === "error")) resolve({ messages: mine });
          };
          notify = check;
          check();
          closed.then((code) => resolve({ messages: inbox.filter((m) => m.id === id), code }));
        });
      return { socket, finish, closed };
    };
    let ws = await open();
    for (let i = 0; i < WS_CASES && problems.length < 5; i++) {
      const op = operation();
      const id = `op${i}`;
      const protocolNoise = r.next() < 0.05;
      const message = protocolNoise
        ? r.pick([
            { type: "subscribe", id },
            { type: "subscribe", id, payload: { query: 5 } },
            { type: "bogus" },
            [1],
          ])
        : { id, type: "subscribe", payload: op.payload };
      const before = op.mutation ? await rowCounts() : "";
      ws.socket.send(JSON.stringify(message));
      const { messages, code } = await ws.finish(id);
      const where = `#${i} ${JSON.stringify(message).slice(0, 300)}`;
      if (code !== undefined) {
        closes.set(code, (closes.get(code) ?? 0) + 1);
        // A message of the wrong shape (operationName: 5, variables: "x") is a protocol violation,
        // closed with 4400 as graphql-ws prescribes; internal failures close with 4500 or 1011.
        if (code !== 4400 && code !== 4409) problems.push(`closed ${code} for ${where}`);
        ws = await open();
        continue;
      }
      for (const m of messages) {
        const payload = m.type === "error" ? { errors: m.payload } : m.payload;
        for (const problem of problemsIn(payload)) problems.push(`${problem} for ${where}`);
        if (
          op.mutation &&
          m.type === "next" &&
          refused(payload, op.mutation) &&
          (await rowCounts()) !== before
        ) {
          problems.push(`partial write for ${where}`);
        }
      }
    }
    ws.socket.close(1000);
    await ws.closed;
    console.log(`fuzz graphql-ws closes: ${JSON.stringify(Object.fromEntries(closes))}`);
    expect(problems).toEqual([]);
  }, 240_000);
});
