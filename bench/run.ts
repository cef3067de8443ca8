/**
 * `npm run bench`: the gateway (a child process on a fresh SQLite database) against references
 * measured in the same run, so that a noisy shared machine moves both sides alike. Prints a table
 * and writes the figures as JSON (bench/latest.json, or --json PATH).
 *
 * Flags: --duration S (seconds per load round, default 3), --rounds N (A/B pairs, default 4),
 * --connections N (32), --subscribers N (2000), --ticks N (fan-out engine ticks, 6),
 * --mutations N (200), --in-flight N (20), --quick (1 s rounds, 2 rounds, 500 subscribers, 100
 * mutations), --profile DIR (a CPU profile of the gateway for each measured phase, DIR/PHASE.cpuprofile:
 * list-hits, list-misses, instances, fanout, create-instance, create-custom-image), --only list|fanout|mutations,
 * --heap-snapshots DIR (the gateway's heap before and after the fan-out's subscribers connect),
 * --database postgresql://USER@HOST:PORT/ (or BENCH_DATABASE_URL): run on PostgreSQL instead of a
 * SQLite file; the bench creates a database of its own named bench_… on that server (the one the URL
 * names is left alone) and drops it at the end.
 *
 * The load generator sends no Accept-Encoding, so the gateway answers it uncompressed, as the raw
 * reference does: the figures compare the same bytes on the wire.
 */
import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { createClient } from "graphql-ws";
import pg from "pg";
import WebSocket from "ws";
import type { ServerRequest } from "./server.ts";

const here = dirname(fileURLToPath(import.meta.url));
const { values: flags } = parseArgs({
  options: {
    duration: { type: "string" },
    rounds: { type: "string" },
    connections: { type: "string", default: "32" },
    subscribers: { type: "string" },
    ticks: { type: "string", default: "6" },
    mutations: { type: "string" },
    "in-flight": { type: "string", default: "20" },
    quick: { type: "boolean", default: false },
    profile: { type: "string" },
    json: { type: "string", default: join(here, "latest.json") },
    only: { type: "string" },
    "heap-snapshots": { type: "string" },
    database: { type: "string" },
  },
});
const quick = flags.quick;
const DURATION = Number(flags.duration ?? (quick ? 1 : 3));
const ROUNDS = Number(flags.rounds ?? (quick ? 2 : 4));
const CONNECTIONS = Number(flags.connections);
const SUBSCRIBERS = Number(flags.subscribers ?? (quick ? 500 : 2000));
const TICKS = Number(flags.ticks);
const MUTATIONS = Number(flags.mutations ?? (quick ? 100 : 200));
const IN_FLIGHT = Number(flags["in-flight"]);
const FANOUT_IMAGES = 10;
const KEY = "demo-key";
const run = (part: string) => !flags.only || flags.only === part;

const CONSOLE_LIST = `query ConsoleImages($regionId: ID!) {
  images(first: 20, filter: { regionId: $regionId, ownerAlias: [SELF] }) {
    totalCount
    edges { node { id name status progress createdAt region { id }
      diskMappings { device type sizeGiB snapshot { id status progress } } } }
  }
}`;
const INSTANCE_LIST = `query ConsoleInstances {
  instances(first: 100) {
    totalCount
    edges { node { id name status region { id name } disks { id type device sizeGiB status } } }
  }
}`;
const SUBSCRIPTION = `subscription Watch($id: ID!) {
  imageProgress(imageId: $id) { sequence done image { id status progress } snapshot { id status progress } }
}`;

// ---------------------------------------------------------------------------------------------
// Processes

interface Child {
  process: ChildProcess;
  origin: string;
}

function waitReady(child: ChildProcess): Promise<string> {
  return new Promise((resolveReady, reject) => {
    child.once("exit", (code) => reject(new Error(`child exited with ${code} before it was ready`)));
    child.on("message", (message: { ready?: string }) => {
      if (message.ready) resolveReady(message.ready);
    });
  });
}

async function startGateway(databaseUrl: string): Promise<Child> {
  const execArgv = ["--import", "tsx", "--expose-gc"];
  const child = fork(join(here, "server.ts"), [], {
    execArgv,
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl, BENCH_SNAPSHOT_GIB_PER_SECOND: "1" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return { process: child, origin: await waitReady(child) };
}

const profileDir = flags.profile ? resolve(flags.profile) : undefined;

/** `work`, with the gateway's CPU profiled into profileDir/NAME.cpuprofile when --profile is given. */
async function profiled<T>(gateway: Child, name: string, work: () => Promise<T>): Promise<T> {
  if (!profileDir) return work();
  await call(gateway, { type: "profileStart" });
  try {
    return await work();
  } finally {
    await call(gateway, { type: "profileStop", path: join(profileDir, `${name}.cpuprofile`) });
  }
}

let nextCall = 0;
function call<T = unknown>(child: Child, request: ServerRequest): Promise<T> {
  const id = ++nextCall;
  return new Promise((resolveCall, reject) => {
    const onMessage = (message: { id?: number; result?: T; error?: string }) => {
      if (message.id !== id) return;
      child.process.off("message", onMessage);
      if (message.error) reject(new Error(message.error));
      else resolveCall(message.result as T);
    };
    child.process.on("message", onMessage);
    child.process.send({ id, request });
  });
}

async function startRaw(): Promise<Child> {
  const child = fork(join(here, "raw-server.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return { process: child, origin: await waitReady(child) };
}

function loadRaw(raw: Child, body: string, contentType: string): Promise<void> {
  return new Promise((resolveLoad) => {
    raw.process.once("message", () => resolveLoad());
    raw.process.send({ body, contentType });
  });
}

// ---------------------------------------------------------------------------------------------
// GraphQL over HTTP

interface Response {
  status: number;
  text: string;
  contentType: string;
}

async function postRaw(origin: string, query: string, variables?: object): Promise<Response> {
  const response = await fetch(`${origin}/graphql`, {
    method: "POST",
    // fetch would ask for gzip by default; the load (autocannon) does not, so neither does this.
    headers: {
      "content-type": "application/json",
      "accept-encoding": "identity",
      authorization: `Bearer ${KEY}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    text: await response.text(),
    contentType: response.headers.get("content-type") ?? "",
  };
}

async function post<T>(origin: string, query: string, variables?: object): Promise<T> {
  const response = await postRaw(origin, query, variables);
  const body = JSON.parse(response.text) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL errors: ${response.text.slice(0, 500)}`);
  return body.data;
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`bench check failed: ${message}`);
}

const CREATE_INSTANCE = `mutation CreateInstance($input: CreateInstanceInput!) {
  createInstance(input: $input) { instance { id status disks { id device } } userErrors { code message } }
}`;
const CREATE_IMAGE = `mutation CreateImage($input: CreateCustomImageInput!) {
  createCustomImage(input: $input) { image { id status diskMappings { device snapshot { id status } } } userErrors { code message } }
}`;

interface InstancePayload {
  createInstance: {
    instance: { id: string; status: string; disks: { id: string }[] } | null;
    userErrors: unknown[];
  };
}
interface ImagePayload {
  createCustomImage: {
    image: { id: string; status: string; diskMappings: { snapshot: { id: string } | null }[] } | null;
    userErrors: unknown[];
  };
}

const instanceInput = (regionId: string, name: string) => ({
  input: {
    regionId,
    name,
    imageId: "ubuntu_22_04_x64_20G_alibase",
    dataDisks: [{ sizeGiB: 40 }, { sizeGiB: 100 }],
  },
});

async function createInstance(origin: string, regionId: string, name: string): Promise<string> {
  const data = await post<InstancePayload>(origin, CREATE_INSTANCE, instanceInput(regionId, name));
  const instance = data.createInstance.instance;
  check(
    instance && data.createInstance.userErrors.length === 0 && instance.disks.length === 3,
    `createInstance ${name}`,
  );
  return instance.id;
}

async function createImage(origin: string, instanceId: string, name: string): Promise<string> {
  const data = await post<ImagePayload>(origin, CREATE_IMAGE, { input: { instanceId, name } });
  const image = data.createCustomImage.image;
  check(
    image &&
      data.createCustomImage.userErrors.length === 0 &&
      image.status === "CREATING" &&
      image.diskMappings.length === 3 &&
      image.diskMappings.every((m) => m.snapshot),
    `createCustomImage ${name}`,
  );
  return image.id;
}

// ---------------------------------------------------------------------------------------------
// Statistics

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]!;
};
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

// ---------------------------------------------------------------------------------------------
// Load: A (gateway) and B (raw node:http) alternately

/**
 * Whether a body is the expected answer: the same `data`, byte for byte, and an `extensions.cost`
 * of the same shape and cost. Only the bucket's `currentlyAvailable` may differ (every request,
 * cache hits too, takes its cost from the account's bucket).
 */
function sameAnswer(expected: string): (body: string) => boolean {
  const at = expected.lastIndexOf(',"extensions":{"cost":');
  if (at < 0) return (body) => body === expected;
  const data = expected.slice(0, at);
  const escaped = expected.slice(at).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const tail = new RegExp(`^${escaped.replace(/"currentlyAvailable":\d+/, '"currentlyAvailable":\\d+')}$`);
  return (body) => body.startsWith(data) && tail.test(body.slice(at));
}

interface LoadRun {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  wrong: number;
}

async function load(
  origin: string,
  query: string,
  variables: object | undefined,
  expected: string,
  options: { unique: boolean; connections: number; duration: number },
): Promise<LoadRun> {
  let wrong = 0;
  let counter = 0;
  const body = JSON.stringify({ query, variables });
  const same = sameAnswer(expected);
  const result = await autocannon({
    url: `${origin}/graphql`,
    connections: options.connections,
    duration: options.duration,
    requests: [
      {
        method: "POST",
        // No Accept-Encoding: the gateway answers uncompressed, byte for byte what the raw server sends.
        headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` },
        body,
        // A variable no operation declares (graphql-js ignores it) makes every request's cache key
        // its own: each one is a miss and reaches the database.
        ...(options.unique
          ? {
              setupRequest: (request: autocannon.Request) => ({
                ...request,
                body: JSON.stringify({ query, variables: { ...variables, benchMiss: ++counter } }),
              }),
            }
          : {}),
        onResponse: (status, responseBody) => {
          if (status !== 200 || !same(responseBody)) wrong += 1;
        },
      },
    ],
  });
  return {
    rps: result.requests.total / (result.duration || options.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    wrong: wrong + result.errors + result.timeouts,
  };
}

interface Comparison {
  what: string;
  connections: number;
  durationSeconds: number;
  bodyBytes: number;
  rounds: { gatewayRps: number; rawRps: number; ratio: number; p50: number; p99: number }[];
  medianRatio: number;
  gatewayRps: number;
  rawRps: number;
  p50: number;
  p99: number;
  wrongBodies: number;
  requests: number;
}

async function compare(
  profileName: string,
  what: string,
  gateway: Child,
  raw: Child,
  query: string,
  variables: object | undefined,
  unique: boolean,
  checkBody: (text: string) => void,
): Promise<Comparison> {
  const reference = await postRaw(gateway.origin, query, variables);
  check(reference.status === 200, `${what}: HTTP ${reference.status}`);
  checkBody(reference.text);
  await loadRaw(raw, reference.text, reference.contentType);
  const options = { unique, connections: CONNECTIONS, duration: DURATION };
  // Warm-up: JIT, caches, connections.
  await load(gateway.origin, query, variables, reference.text, options);
  const rounds: Comparison["rounds"] = [];
  let wrong = 0;
  let requests = 0;
  await profiled(gateway, profileName, async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const a = await load(gateway.origin, query, variables, reference.text, options);
      const b = await load(raw.origin, query, variables, reference.text, { ...options, unique: false });
      check(b.wrong === 0, `${what}: the raw server answered wrongly`);
      wrong += a.wrong;
      requests += a.requests;
      rounds.push({
        gatewayRps: round(a.rps, 0),
        rawRps: round(b.rps, 0),
        ratio: round(a.rps / b.rps, 4),
        p50: a.p50,
        p99: a.p99,
      });
    }
  });
  return {
    what,
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    bodyBytes: Buffer.byteLength(reference.text),
    rounds,
    medianRatio: round(median(rounds.map((r) => r.ratio)), 4),
    gatewayRps: round(median(rounds.map((r) => r.gatewayRps)), 0),
    rawRps: round(median(rounds.map((r) => r.rawRps)), 0),
    p50: median(rounds.map((r) => r.p50)),
    p99: Math.max(...rounds.map((r) => r.p99)),
    wrongBodies: wrong,
    requests,
  };
}

async function sequential(origin: string, query: string, variables: object, count: number) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const response = await postRaw(origin, query, { ...variables, benchMiss: i });
    times.push(performance.now() - t0);
    check(
      response.status === 200,
      `sequential request: HTTP ${response.status} ${response.text.slice(0, 300)}`,
    );
  }
  return { p50: round(percentile(times, 0.5), 2), p99: round(percentile(times, 0.99), 2) };
}

// ---------------------------------------------------------------------------------------------
// Checks of the bodies

interface ConsoleBody {
  data: {
    images: {
      totalCount: number;
      edges: {
        node: {
          status: string;
          progress: number;
          region: { id: string };
          diskMappings: { snapshot: { status: string; progress: number } | null }[];
        };
      }[];
    };
  };
}

function checkConsoleBody(text: string) {
  const body = JSON.parse(text) as ConsoleBody & { errors?: unknown };
  check(!body.errors, `console list errors: ${text.slice(0, 300)}`);
  const { images } = body.data;
  check(images.totalCount === 20 && images.edges.length === 20, "console list: 20 images");
  for (const { node } of images.edges) {
    check(node.status === "AVAILABLE" && node.progress === 100, "console list: AVAILABLE at 100");
    check(node.region.id === "cn-hangzhou", "console list: region");
    check(node.diskMappings.length === 3, "console list: 3 disks");
    check(
      node.diskMappings.every((m) => m.snapshot?.status === "ACCOMPLISHED" && m.snapshot.progress === 100),
      "console list: snapshots ACCOMPLISHED",
    );
  }
}

function checkInstancesBody(expectedTotal: number) {
  return (text: string) => {
    const body = JSON.parse(text) as {
      errors?: unknown;
      data: { instances: { totalCount: number; edges: { node: { disks: unknown[]; region: unknown } }[] } };
    };
    check(!body.errors, `instances errors: ${text.slice(0, 300)}`);
    check(body.data.instances.totalCount === expectedTotal, "instances: totalCount");
    check(body.data.instances.edges.length === 100, "instances: a page of 100");
    check(
      body.data.instances.edges.every((e) => e.node.disks.length === 3 && e.node.region),
      "instances: disks and region",
    );
  };
}

// ---------------------------------------------------------------------------------------------
// Fan-out

interface FanOut {
  subscribers: number;
  images: number;
  ticks: number;
  kibPerSubscriberRss: number;
  kibPerSubscriberHeap: number;
  cpuMicrosPerEvent: number;
  delivered: number;
  spreadP50Ms: number;
  spreadP99Ms: number;
  missed: number;
  subscribersMissing: number;
  connectSeconds: number;
}

interface Usage {
  cpu: { user: number; system: number };
  memory: { rss: number; heapUsed: number };
}

async function fanOut(gateway: Child): Promise<FanOut> {
  const imageIds: string[] = [];
  for (let i = 0; i < FANOUT_IMAGES; i++) {
    const instanceId = await createInstance(gateway.origin, "cn-beijing", `fan-${i}`);
    imageIds.push(await createImage(gateway.origin, instanceId, `fan-image-${i}`));
  }
  const snapshots = flags["heap-snapshots"];
  if (snapshots) await call(gateway, { type: "heapSnapshot", path: join(snapshots, "before.heapsnapshot") });
  // The statement log keeps the text of up to 10,000 statements (for the SQL counts): emptied before
  // each reading so that its growth is not counted as the subscribers'.
  await call(gateway, { type: "resetStatements" });
  const before = await call<Usage>(gateway, { type: "usage" });
  const url = `${gateway.origin.replace("http", "ws")}/graphql`;
  interface Subscriber {
    image: number;
    /** `snapshotId status progress` of every event after the first. */
    seen: Set<string>;
    first: boolean;
    errors: number;
  }
  const subscribers: Subscriber[] = [];
  /** Each event after the first, with the tick that published it (-1: before the first tick). */
  const receivedAt: { key: string; at: number; tick: number }[] = [];
  let currentTick = -1;
  let lastEvent = Date.now();
  const clients = [];
  const t0 = performance.now();
  const firstEvents: Promise<void>[] = [];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const subscriber: Subscriber = { image: i % FANOUT_IMAGES, seen: new Set(), first: false, errors: 0 };
    subscribers.push(subscriber);
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      connectionParams: { authorization: `Bearer ${KEY}` },
    });
    clients.push(client);
    firstEvents.push(
      new Promise<void>((resolveFirst) => {
        client.subscribe<{
          imageProgress: {
            sequence: number;
            snapshot: { id: string; status: string; progress: number } | null;
          };
        }>(
          { query: SUBSCRIPTION, variables: { id: imageIds[subscriber.image] } },
          {
            next: ({ data }) => {
              const at = Date.now();
              lastEvent = at;
              if (!subscriber.first) {
                subscriber.first = true;
                resolveFirst();
                return;
              }
              const s = data?.imageProgress.snapshot;
              const key = s ? `${s.id} ${s.status} ${s.progress}` : `image ${data?.imageProgress.sequence}`;
              subscriber.seen.add(key);
              receivedAt.push({ key, at, tick: currentTick });
            },
            error: () => {
              subscriber.errors += 1;
              resolveFirst();
            },
            complete: () => undefined,
          },
        );
      }),
    );
    // Connect in batches so the handshakes do not time out on a busy machine.
    if (i % 200 === 199) await Promise.all(firstEvents.slice(i - 199));
  }
  await Promise.all(firstEvents);
  const connectSeconds = (performance.now() - t0) / 1000;
  const errors = subscribers.reduce((n, s) => n + s.errors, 0);
  check(errors === 0, `fan-out: ${errors} subscriptions failed`);
  await call(gateway, { type: "resetStatements" });
  const connected = await call<Usage>(gateway, { type: "usage" });
  if (snapshots)
    await call(gateway, { type: "heapSnapshot", path: join(snapshots, "connected.heapsnapshot") });

  const tickTimes: number[] = [];
  await profiled(gateway, "fanout", async () => {
    for (let tick = 0; tick < TICKS; tick++) {
      await call(gateway, { type: "advance", ms: 1000 });
      currentTick = tick;
      const { publishedAt: at } = await call<{ publishedAt: number }>(gateway, { type: "tick" });
      tickTimes.push(at);
      // Settled: no event for 300 ms (every subscriber of an image got what the others got, or never will).
      lastEvent = Date.now();
      while (Date.now() - lastEvent < 300) await new Promise((r) => setTimeout(r, 50));
    }
  });
  const after = await call<Usage>(gateway, { type: "usage" });
  const delivered = receivedAt.length;
  check(delivered > 0, "fan-out: no event was delivered");
  const spreads = receivedAt.filter((r) => r.tick >= 0).map(({ tick, at }) => at - tickTimes[tick]!);

  // Missed: events some subscribers of an image received and others did not.
  const union = Array.from({ length: FANOUT_IMAGES }, () => new Set<string>());
  for (const s of subscribers) for (const key of s.seen) union[s.image]!.add(key);
  let missed = 0;
  let subscribersMissing = 0;
  for (const s of subscribers) {
    const gap = union[s.image]!.size - s.seen.size;
    missed += gap;
    if (gap > 0) subscribersMissing += 1;
  }
  await Promise.all(clients.map((c) => c.dispose()));
  const cpuMicros = after.cpu.user + after.cpu.system - (connected.cpu.user + connected.cpu.system);
  return {
    subscribers: SUBSCRIBERS,
    images: FANOUT_IMAGES,
    ticks: TICKS,
    kibPerSubscriberRss: round((connected.memory.rss - before.memory.rss) / 1024 / SUBSCRIBERS),
    kibPerSubscriberHeap: round((connected.memory.heapUsed - before.memory.heapUsed) / 1024 / SUBSCRIBERS),
    // The settle waits are idle time: the CPU counted is the work of publishing and delivering.
    cpuMicrosPerEvent: round(cpuMicros / delivered),
    delivered,
    spreadP50Ms: percentile(spreads, 0.5),
    spreadP99Ms: percentile(spreads, 0.99),
    missed,
    subscribersMissing,
    connectSeconds: round(connectSeconds),
  };
}

// ---------------------------------------------------------------------------------------------
// Mutations at N in flight

/**
 * `count` calls of `work`, IN_FLIGHT at a time. A call that fails (an error, or a payload the
 * checks refuse) is counted, not fatal: the rate is of the ones that succeeded, and the first
 * failure's message is kept for the record.
 */
async function inFlight(count: number, work: (i: number) => Promise<void>) {
  const times: number[] = [];
  let next = 0;
  let failed = 0;
  let firstFailure: string | undefined;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < count) {
        const i = next++;
        const start = performance.now();
        try {
          await work(i);
          times.push(performance.now() - start);
        } catch (error) {
          failed += 1;
          firstFailure ??= (error as Error).message.slice(0, 400);
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return {
    count,
    inFlight: IN_FLIGHT,
    perSecond: round((count - failed) / seconds),
    p50: round(percentile(times, 0.5)),
    p99: round(percentile(times, 0.99)),
    failed,
    ...(firstFailure ? { firstFailure } : {}),
  };
}

// ---------------------------------------------------------------------------------------------

async function statementsPerList(gateway: Child, first: number, filter: object) {
  // Authentication reads the account once per 5 s per key: not counted against the list.
  await postRaw(gateway.origin, "{ viewer { id } }", { benchMiss: Math.random() });
  await call(gateway, { type: "resetStatements" });
  const query = CONSOLE_LIST.replace("first: 20", `first: ${first}`)
    .replace("filter: { regionId: $regionId, ownerAlias: [SELF] }", "filter: $filter")
    .replace("$regionId: ID!", "$filter: ImageFilter");
  const text = (await postRaw(gateway.origin, query, { filter, benchMiss: Math.random() })).text;
  const body = JSON.parse(text) as ConsoleBody & { errors?: unknown };
  check(!body.errors, `statements: ${text.slice(0, 300)}`);
  check(body.data.images.edges.length === Math.min(first, body.data.images.totalCount), "statements: page");
  return call<number>(gateway, { type: "statements" });
}

interface BenchDatabase {
  provider: "sqlite" | "postgresql";
  url: string;
  /** PostgreSQL's server_version, for the record. */
  version?: string;
  drop(): Promise<void>;
}

/** Runs statements on the maintenance database (postgres) of the server a URL names. */
async function onPostgresServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(serverUrl);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database: a SQLite file in a temporary folder, or bench_… on the PostgreSQL server given. */
async function createBenchDatabase(): Promise<BenchDatabase> {
  const serverUrl = flags.database ?? process.env.BENCH_DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), "image-gateway-bench-"));
    return {
      provider: "sqlite",
      url: `file:${join(dir, "bench.db")}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (!/^postgres(ql)?:\/\//.test(serverUrl)) {
    throw new Error(`--database must be a postgresql:// URL (got ${serverUrl.split(":")[0]}:…)`);
  }
  const name = `bench_run_${randomBytes(4).toString("hex")}`;
  const version = await onPostgresServer(serverUrl, async (client) => {
    await client.query(`CREATE DATABASE "${name}"`);
    return (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version;
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    provider: "postgresql",
    url: url.toString(),
    version,
    drop: () =>
      onPostgresServer(serverUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }),
  };
}

async function main() {
  const started = performance.now();
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const database = await createBenchDatabase();
  const gateway = await startGateway(database.url).catch(async (error) => {
    await database.drop();
    throw error;
  });
  const raw = await startRaw();
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    database: database.provider,
    ...(database.version ? { postgresVersion: database.version } : {}),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    loadAverageAtStart: loadavg().map((l) => round(l)),
    settings: { DURATION, ROUNDS, CONNECTIONS, SUBSCRIBERS, TICKS, MUTATIONS, IN_FLIGHT },
  };
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    await call(gateway, { type: "quota", perRegion: 100_000 });
    // The console's data: 20 AVAILABLE images of 3 disks in cn-hangzhou.
    log("setup: 20 images of 3 disks");
    const listInstances: string[] = [];
    for (let i = 0; i < 20; i++) {
      const instanceId = await createInstance(gateway.origin, "cn-hangzhou", `console-${i}`);
      listInstances.push(instanceId);
      await createImage(gateway.origin, instanceId, `console-image-${i}`);
    }
    await call(gateway, { type: "advance", ms: 3_600_000 });
    await call(gateway, { type: "tick" });

    if (run("mutations") || run("list")) {
      log(`createInstance: ${MUTATIONS} at ${IN_FLIGHT} in flight`);
      const instanceIds: string[] = [];
      await call(gateway, { type: "resetStatements" });
      results.createInstance = {
        ...(await profiled(gateway, "create-instance", () =>
          inFlight(MUTATIONS, async (i) => {
            instanceIds.push(await createInstance(gateway.origin, "cn-shanghai", `load-${i}`));
          }),
        )),
        statementsEach: round((await call<number>(gateway, { type: "statements" })) / MUTATIONS),
      };
      results.instanceIds = instanceIds.length;
      (globalThis as { benchInstanceIds?: string[] }).benchInstanceIds = instanceIds;
    }
    const instanceCount =
      20 + ((globalThis as { benchInstanceIds?: string[] }).benchInstanceIds?.length ?? 0);

    if (run("list")) {
      const variables = { regionId: "cn-hangzhou" };
      log("console list: repeated reads");
      results.consoleList = await compare(
        "list-hits",
        "console list",
        gateway,
        raw,
        CONSOLE_LIST,
        variables,
        false,
        checkConsoleBody,
      );
      log("console list: every request a miss");
      results.consoleListMiss = await compare(
        "list-misses",
        "console list, every request a cache miss",
        gateway,
        raw,
        CONSOLE_LIST,
        variables,
        true,
        checkConsoleBody,
      );
      results.consoleListAlone = await sequential(gateway.origin, CONSOLE_LIST, variables, 50);
      if (instanceCount >= 100) {
        log("instances(first: 100)");
        results.instanceList = await compare(
          "instances",
          "instances(first: 100)",
          gateway,
          raw,
          INSTANCE_LIST,
          undefined,
          true,
          checkInstancesBody(instanceCount),
        );
      }
      results.statementsConsole = {
        first1: await statementsPerList(gateway, 1, { regionId: "cn-hangzhou", ownerAlias: ["SELF"] }),
        first20: await statementsPerList(gateway, 20, { regionId: "cn-hangzhou", ownerAlias: ["SELF"] }),
        first100: await statementsPerList(gateway, 100, { regionId: "cn-hangzhou", ownerAlias: ["SELF"] }),
      };
    }

    if (run("fanout")) {
      log(`fan-out: ${SUBSCRIBERS} subscribers on ${FANOUT_IMAGES} images`);
      results.fanOut = await fanOut(gateway);
    }

    const ids = (globalThis as { benchInstanceIds?: string[] }).benchInstanceIds;
    if (run("mutations") && ids) {
      log(`createCustomImage: ${ids.length} at ${IN_FLIGHT} in flight`);
      await call(gateway, { type: "resetStatements" });
      results.createCustomImage = {
        ...(await profiled(gateway, "create-custom-image", () =>
          inFlight(ids.length, async (i) => {
            await createImage(gateway.origin, ids[i]!, `load-image-${i}`);
          }),
        )),
        statementsEach: round((await call<number>(gateway, { type: "statements" })) / ids.length),
      };
      // Pages of 1, 20 and 100 over the account's images, most of them in flight now.
      results.statementsInFlight = {
        first1: await statementsPerList(gateway, 1, { ownerAlias: ["SELF"] }),
        first20: await statementsPerList(gateway, 20, { ownerAlias: ["SELF"] }),
        first100: await statementsPerList(gateway, 100, { ownerAlias: ["SELF"] }),
      };
    }
  } finally {
    await call(gateway, { type: "close" }).catch(() => undefined);
    raw.process.send("close");
    await new Promise((r) => gateway.process.once("exit", r));
    await database.drop();
  }
  results.totalSeconds = round((performance.now() - started) / 1000);
  results.loadAverageAtEnd = loadavg().map((l) => round(l));
  writeFileSync(flags.json!, `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
  log(`JSON: ${flags.json}`);
}

function printTable(r: Record<string, unknown>) {
  const rows: [string, string, string][] = [];
  const cmp = (c: Comparison | undefined) => {
    if (!c) return;
    rows.push([
      `${c.what}, ${c.connections} connections, ${(c.bodyBytes / 1000).toFixed(1)} KB body`,
      `${c.gatewayRps} req/s, p50 ${c.p50} ms, p99 ${c.p99} ms, ${c.wrongBodies} wrong of ${c.requests}`,
      `raw node:http ${c.rawRps} req/s; ratio ${c.medianRatio} (rounds ${c.rounds.map((x) => x.ratio).join(", ")})`,
    ]);
  };
  cmp(r.consoleList as Comparison);
  cmp(r.consoleListMiss as Comparison);
  const alone = r.consoleListAlone as { p50: number; p99: number } | undefined;
  if (alone)
    rows.push(["console list, 1 connection (misses)", `p50 ${alone.p50} ms, p99 ${alone.p99} ms`, ""]);
  cmp(r.instanceList as Comparison);
  for (const key of ["statementsConsole", "statementsInFlight"]) {
    const s = r[key] as Record<string, number> | undefined;
    if (s)
      rows.push([
        key === "statementsConsole"
          ? "SQL statements per console list"
          : "SQL statements per list, images in flight",
        `first 1: ${s.first1}, first 20: ${s.first20}, first 100: ${s.first100}`,
        "target ≤ 4",
      ]);
  }
  const f = r.fanOut as FanOut | undefined;
  if (f) {
    rows.push([
      `fan-out: ${f.subscribers} graphql-ws subscribers on ${f.images} images, ${f.ticks} ticks`,
      `${f.kibPerSubscriberRss} KiB RSS (${f.kibPerSubscriberHeap} KiB heap) per subscriber, ${f.cpuMicrosPerEvent} µs server CPU per event, ${f.delivered} events`,
      `publish→client p50 ${f.spreadP50Ms} ms, p99 ${f.spreadP99Ms} ms; missed ${f.missed} (${f.subscribersMissing} subscribers)`,
    ]);
  }
  for (const key of ["createInstance", "createCustomImage"]) {
    const m = r[key] as
      | {
          count: number;
          inFlight: number;
          perSecond: number;
          failed: number;
          p50: number;
          p99: number;
          statementsEach: number;
          firstFailure?: string;
        }
      | undefined;
    if (m)
      rows.push([
        `${key}, ${m.count} at ${m.inFlight} in flight`,
        `${m.perSecond}/s${m.failed ? `, ${m.failed} of ${m.count} failed` : ""}`,
        `p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.statementsEach} SQL statements each${m.firstFailure ? `; first failure: ${m.firstFailure.replace(/\s+/g, " ").replace(/\|/g, "/")}` : ""}`,
      ]);
  }
  console.log(
    `\nimage-gateway bench, ${r.date}, ${r.database}${r.postgresVersion ? ` ${r.postgresVersion}` : ""}, node ${r.node}, ${r.cpus} cores, ${r.totalSeconds} s, load average ${r.loadAverageAtStart} -> ${r.loadAverageAtEnd}\n`,
  );
  console.log("| what | gateway | reference / detail |\n|---|---|---|");
  for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
}

await main();
process.exit(0);
