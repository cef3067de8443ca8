/**
 * `npm run bench:replicas` (needs REDIS_URL): the same load, 200 images from instances with two
 * data disks, completed by 1 and then by 3 gateway processes on one database and one Redis
 * (BullMQ shares the engine's work). Every image is watched over graphql-ws through the replicas in
 * turn. Prints, for each run: wall time against the ideal (every image done the moment the storage
 * finishes it), how late the done events arrived after that moment, and the events lost (gaps in
 * an image's sequence numbers seen by its subscriber, or a missing done).
 */
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { migrateDatabase } from "../src/db/migrate.ts";
import { type GatewayProcess, startGatewayProcess } from "../test/support/process.ts";

const IMAGES = 200;
const REGIONS = ["cn-hangzhou", "cn-shanghai"]; // 100 images each: the default quota per region
const RATE = 20; // GiB/s: the 60 GiB data disk takes 3 s
const REDIS_URL = process.env.REDIS_URL;
/** graphql-ws sockets per run, a multiple of 1 and 3 replicas: IMAGES / SOCKETS per socket. */
const SOCKETS = 6;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function post<T>(origin: string, query: string, variables: object): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`${origin}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer demo-key" },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown };
    // Several processes on one SQLite file can refuse a transaction ("database is locked"):
    // retried with the same clientToken, as a client would.
    if (!body.errors) return body.data;
    if (attempt >= 5) throw new Error(JSON.stringify(body.errors));
    await new Promise((r) => setTimeout(r, 100 * attempt));
  }
}

/** What graphql-ws passed to an `error` sink, as an Error that shows it. */
function subscriptionError(n: number, error: unknown): Error {
  if (error instanceof Error) return error;
  if (Array.isArray(error))
    return new Error(`image ${n}: subscription failed: ${error.map((e) => JSON.stringify(e)).join("; ")}`);
  if (error && typeof error === "object" && "code" in error)
    return new Error(
      `image ${n}: socket closed: ${(error as { code: number }).code} ${(error as { reason?: string }).reason ?? ""}`,
    );
  return new Error(`image ${n}: subscription failed: ${String(error)}`);
}

/** Every gateway this bench started: killed if the bench ends with them running (it failed). */
const startedGateways = new Set<GatewayProcess>();
process.on("exit", () => {
  for (const gateway of startedGateways) if (gateway.child.exitCode === null) gateway.child.kill("SIGKILL");
});

interface Watched {
  sequences: number[];
  done: boolean;
  doneAt: number;
  /** When the storage finished the image. */
  availableAt: number;
}

async function run(template: string, replicas: number) {
  const dir = mkdtempSync(join(tmpdir(), "image-gateway-bench-replicas-"));
  copyFileSync(template, join(dir, "bench.db"));
  const env = {
    DATABASE_URL: `file:${join(dir, "bench.db")}`,
    REDIS_URL: REDIS_URL!,
    REDIS_PREFIX: `bench-${randomBytes(4).toString("hex")}`,
    SNAPSHOT_GIB_PER_SECOND: String(RATE),
    PROGRESS_INTERVAL_MS: "200",
    LOG_LEVEL: "warn",
  };
  const gateways: GatewayProcess[] = [];
  for (let i = 0; i < replicas; i++) {
    const gateway = await startGatewayProcess(env);
    gateways.push(gateway);
    startedGateways.add(gateway);
  }
  const origins = gateways.map((g) => g.origin);
  // A gateway runs at most WS_MAX_OPERATIONS (100) operations per socket and refuses one more
  // with TOO_MANY_OPERATIONS: one socket per replica held all 200 subscriptions on 1 replica.
  // SOCKETS sockets, socket s on replica s % replicas, image n watched on socket n % SOCKETS (so
  // through the replica that created it, as before): at most 34 subscriptions on any socket.
  const clients = Array.from({ length: SOCKETS }, (_, s) => origins[s % origins.length]!).map((origin) =>
    createClient({
      url: `${origin.replace(/^http/, "ws")}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: "Bearer demo-key" },
      lazy: false,
    }),
  );

  const createInstance = `mutation($input: CreateInstanceInput!) { createInstance(input: $input) { instance { id } } }`;
  const createImage = `mutation($input: CreateCustomImageInput!) { createCustomImage(input: $input) { image { id createdAt } userErrors { message } } }`;
  const watch = `subscription($id: ID!) { imageProgress(imageId: $id) { sequence done image { status availableAt } } }`;

  const watched: Watched[] = [];
  const finishedAll: Promise<void>[] = [];
  const failures: Error[] = [];
  const started = Date.now();
  for (let i = 0; i < IMAGES; i += 10) {
    await Promise.all(
      Array.from({ length: 10 }, async (_, k) => {
        const n = i + k;
        const origin = origins[n % origins.length]!;
        const instance = await post<{ createInstance: { instance: { id: string } } }>(
          origin,
          createInstance,
          {
            input: {
              regionId: REGIONS[n % REGIONS.length],
              name: `bench-${n}`,
              imageId: "ubuntu_22_04_x64_20G_alibase",
              dataDisks: [{ sizeGiB: 40 }, { sizeGiB: 60 }],
              clientToken: `instance-${n}`,
            },
          },
        );
        const image = await post<{ createCustomImage: { image: { id: string } } }>(origin, createImage, {
          input: {
            instanceId: instance.createInstance.instance.id,
            name: `bench-image-${n}`,
            clientToken: `image-${n}`,
          },
        });
        const entry: Watched = { sequences: [], done: false, doneAt: 0, availableAt: 0 };
        watched.push(entry);
        finishedAll.push(
          new Promise<void>((resolve) => {
            clients[n % clients.length]!.subscribe(
              { query: watch, variables: { id: image.createCustomImage.image.id } },
              {
                next: (result) => {
                  const event = (
                    result.data as {
                      imageProgress: {
                        sequence: number;
                        done: boolean;
                        image: { availableAt: string | null };
                      };
                    }
                  ).imageProgress;
                  entry.sequences.push(event.sequence);
                  if (event.done) {
                    entry.done = true;
                    entry.doneAt = Date.now();
                    if (event.image.availableAt) entry.availableAt = Date.parse(event.image.availableAt);
                  }
                },
                // graphql-ws hands the sink an array of GraphQL errors (or a CloseEvent, or an
                // Error). Rejecting with it while images were still being created was an
                // unhandled rejection ("[object Array]", nothing awaited these promises yet) that
                // killed the bench and left its gateways running: kept instead, as an Error that
                // says what it was; the run waits for every image, cleans up, then fails.
                error: (error) => {
                  failures.push(subscriptionError(n, error));
                  resolve();
                },
                complete: resolve,
              },
            );
          }),
        );
      }),
    );
  }
  const created = Date.now();
  await Promise.all(finishedAll);
  const finished = Date.now();
  for (const client of clients) await client.dispose();
  for (const gateway of gateways) {
    gateway.child.kill("SIGTERM");
    await gateway.exited;
  }
  rmSync(dir, { recursive: true, force: true });
  if (failures.length > 0) {
    for (const gateway of gateways) console.error(gateway.output());
    throw new AggregateError(
      failures,
      `${replicas} replica(s): ${failures.length} of ${IMAGES} subscriptions failed; the first: ${failures[0]!.message}`,
    );
  }

  // Ideal: each image done when the storage finished it (its availableAt).
  const ideal = Math.max(...watched.map((w) => w.availableAt)) - started;
  const late = watched.map((w) => w.doneAt - w.availableAt).sort((a, b) => a - b);
  let lost = 0;
  for (const w of watched) {
    if (!w.done) lost += 1;
    for (let i = 1; i < w.sequences.length; i++) lost += w.sequences[i]! - w.sequences[i - 1]! - 1;
  }
  return {
    replicas,
    creationSeconds: (created - started) / 1000,
    wallSeconds: (finished - started) / 1000,
    idealSeconds: ideal / 1000,
    lateP50: percentile(late, 0.5),
    lateP99: percentile(late, 0.99),
    lost,
    events: watched.reduce((sum, w) => sum + w.sequences.length, 0),
  };
}

async function main() {
  if (!REDIS_URL) {
    console.log("bench:replicas skipped: REDIS_URL is not set");
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "image-gateway-bench-template-"));
  const template = join(dir, "template.db");
  await migrateDatabase(`file:${template}`);
  const rows = [];
  try {
    for (const replicas of [1, 3]) rows.push(await run(template, replicas));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n${IMAGES} images (3 disks, 3 s each at ${RATE} GiB/s), watched over graphql-ws\n`);
  console.log(
    "| replicas | creating them | all done | ideal | over ideal | done event after storage finished (p50 / p99) | events received | events lost |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(
      `| ${r.replicas} | ${r.creationSeconds.toFixed(1)} s | ${r.wallSeconds.toFixed(1)} s | ${r.idealSeconds.toFixed(1)} s | ${(r.wallSeconds - r.idealSeconds).toFixed(2)} s | ${r.lateP50} / ${r.lateP99} ms | ${r.events} | ${r.lost} |`,
    );
  }
}

await main();
