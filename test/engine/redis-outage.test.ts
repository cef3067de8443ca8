import { type ChildProcess, spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { connect } from "node:net";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, gqlData } from "../support/client.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { ViewerDocument } from "../support/documents/account.ts";
import { CreateCustomImageDocument, ImageDocument, ImagesDocument } from "../support/documents/images.ts";
import { InstanceDocument } from "../support/documents/instances.ts";
import { newImage, newInstance } from "../support/fixtures.ts";
import { freePort, type GatewayProcess, startGatewayProcess } from "../support/process.ts";
import { requireAllSuites } from "../support/services.ts";

/**
 * A Redis outage, with a Redis of the test's own (a child process on a free port, nothing saved to
 * disk, so a restart comes back empty: every job, sequence and bucket is gone) that it can kill
 * and start again, and a real gateway process on it. While Redis is away a mutation answers at
 * once with what it committed and reads stay fast; once Redis is back, every image finishes:
 * the one created during the outage and the one whose job the outage lost.
 */

/** The bounds README "Scaling out" states: the hand-off waits at most 1 s for Redis, a read not at all. */
const HANDOFF_BOUND_MS = 1_000;
/** How long the rate-limit bucket waits for a Redis that does not answer before serving unthrottled. */
const RATE_LIMIT_TIMEOUT_MS = 500;
/** What a mutation or read itself may take on a loaded machine, on top of what it waits for Redis. */
const OWN_WORK_MS = 1_000;

function findRedisServer(): string | undefined {
  const candidates = [
    ...(process.env.PATH ?? "")
      .split(delimiter)
      .filter(Boolean)
      .map((dir) => join(dir, "redis-server")),
    "/usr/bin/redis-server",
    "/usr/local/bin/redis-server",
  ];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

const redisServer = findRedisServer();
if (!redisServer) {
  const message =
    "not run: the Redis outage suite needs a redis-server binary on the PATH (Debian: apt-get install redis-server)";
  if (requireAllSuites()) throw new Error(`REQUIRE_ALL_SUITES=1, but ${message}`);
  process.stderr.write(`${message}\n`);
}

/** Resolves once a Redis on this port answers PING (or rejects at the deadline). */
async function redisAnswers(port: number, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    const pong = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      let reply = "";
      socket.setTimeout(1_000, () => socket.destroy());
      socket.on("connect", () => socket.write("PING\r\n"));
      socket.on("data", (chunk) => {
        reply += chunk;
        if (reply.includes("\r\n")) {
          socket.end();
          resolve(reply.startsWith("+PONG"));
        }
      });
      socket.on("error", () => resolve(false));
      socket.on("close", () => resolve(false));
    });
    if (pong) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Redis on port ${port} did not answer PING`);
}

class TestRedis {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  constructor(readonly port: number) {}

  async start(): Promise<void> {
    const child = spawn(
      redisServer!,
      ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    this.child = child;
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    await redisAnswers(this.port, 15_000);
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** SIGKILL, as a crash: the server's sockets close, its data (in memory only) is gone. */
  async kill(): Promise<void> {
    this.child?.kill("SIGKILL");
    await this.exited;
    this.child = null;
  }

  /** SIGSTOP: the sockets stay open and nothing answers (a frozen server, a lost host); SIGCONT resumes. */
  pause(): void {
    this.child?.kill("SIGSTOP");
  }

  resume(): void {
    this.child?.kill("SIGCONT");
  }
}

async function until<T>(what: string, deadlineMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: Math.round(performance.now() - started) };
}

let database: TestDatabase;
let redis: TestRedis;
let gateway: GatewayProcess;

describe.skipIf(!redisServer)("a Redis outage (its own redis-server, SIGKILLed and started again)", () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    redis = new TestRedis(await freePort());
    await redis.start();
    gateway = await startGatewayProcess({
      DATABASE_URL: database.url,
      REDIS_URL: `redis://127.0.0.1:${redis.port}/0`,
      SNAPSHOT_GIB_PER_SECOND: "20",
      PROGRESS_INTERVAL_MS: "100",
      // The periodic reconciliation (a Redis that froze and resumed keeps its connections: no
      // reconnection tells the replica to reconcile).
      ENGINE_RECONCILE_MS: "3000",
      RATE_LIMIT_BUCKET: "1000000000",
      RATE_LIMIT_RESTORE_PER_SECOND: "1000000000",
    });
  }, 90_000);

  afterAll(async () => {
    redis?.resume();
    if (gateway) {
      gateway.child.kill("SIGKILL");
      await gateway.exited;
    }
    await redis?.kill();
    await database?.drop();
  });

  it("answers a mutation at once and reads fast while Redis is down, and finishes every image once it is back", async () => {
    // In flight when Redis dies: its job (in Redis) is lost with it. 200 GiB at 20 GiB/s: 10 s.
    const before = await newImage(
      gateway.origin,
      { name: "outage-before" },
      { name: "outage-before", dataDisks: [{ sizeGiB: 200 }] },
    );
    const instance = await newInstance(gateway.origin, {
      name: "outage-during",
      dataDisks: [{ sizeGiB: 40 }],
    });
    const baseline = await timed(() => gqlData(gateway.origin, ViewerDocument));

    const logFrom = gateway.output().length;
    await redis.kill();
    // The gateway has seen Redis go: its reconnection is refused.
    await until("the gateway to see Redis refuse", 30_000, async () =>
      /ECONNREFUSED/.test(gateway.output().slice(logFrom)) ? true : undefined,
    );

    const created = await timed(() =>
      gql(gateway.origin, CreateCustomImageDocument, {
        input: { instanceId: instance.id, name: "outage-during" },
      }),
    );
    const reads: number[] = [];
    for (let i = 0; i < 5; i++) {
      reads.push((await timed(() => gqlData(gateway.origin, ImagesDocument, { first: 20 }))).ms);
      reads.push((await timed(() => gqlData(gateway.origin, ViewerDocument))).ms);
    }
    process.stderr.write(
      `redis outage: createCustomImage answered in ${created.ms} ms; reads ${reads.join(", ")} ms (with Redis up: ${baseline.ms} ms)\n`,
    );

    // The answer, at once, with its image: the commit happened, the hand-off to Redis did not wait.
    expect(created.value.errors).toBeUndefined();
    expect(created.value.data?.createCustomImage.userErrors).toEqual([]);
    const during = created.value.data?.createCustomImage.image;
    expect(during).toMatchObject({ name: "outage-during", status: "CREATING" });
    expect.soft(created.ms).toBeLessThan(HANDOFF_BOUND_MS + OWN_WORK_MS);
    // Reads wait for nothing in Redis (the cost bucket is skipped while it is away).
    expect.soft(Math.max(...reads)).toBeLessThan(OWN_WORK_MS);

    await redis.start();
    await until("the gateway to be ready again", 30_000, async () =>
      (await fetch(`${gateway.origin}/readyz`)).status === 200 ? true : undefined,
    );
    const back = Date.now();
    // Nothing lost: both images end AVAILABLE, though Redis came back empty.
    for (const id of [before.id, during!.id]) {
      const image = await until(`image ${id} to be AVAILABLE`, 60_000, async () => {
        const { image } = await gqlData(gateway.origin, ImageDocument, { id });
        return image?.status === "AVAILABLE" ? image : undefined;
      });
      expect(image.progress).toBe(100);
    }
    process.stderr.write(
      `redis outage: both images AVAILABLE ${Date.now() - back} ms after Redis was back\n`,
    );
    // Found again from the database when the connection came back (Redis came back empty: no job,
    // no reconcile scheduler), not by waiting for a replica to restart.
    expect(gateway.output().slice(logFrom)).toContain("engine: Redis is back: reconciled with the database");
    for (const instanceId of [before.sourceInstance!.id, instance.id]) {
      const { instance: row } = await gqlData(gateway.origin, InstanceDocument, { id: instanceId });
      expect(row?.imageInProgress).toBeNull();
    }
    // The gateway lived through it.
    expect(gateway.child.exitCode).toBeNull();
  }, 180_000);
  it("answers within its bounds while Redis holds its sockets open and answers nothing, and finishes once it resumes", async () => {
    if (!redis.running) await redis.start();
    await until("the gateway to be ready", 30_000, async () =>
      (await fetch(`${gateway.origin}/readyz`)).status === 200 ? true : undefined,
    );
    const instance = await newInstance(gateway.origin, { name: "frozen-during" });
    redis.pause();
    // Given up on after 20 s (then Redis resumes and the test fails on the bound, not on its timeout).
    const create = () =>
      Promise.race([
        gql(gateway.origin, CreateCustomImageDocument, {
          input: { instanceId: instance.id, name: "frozen-during" },
        }),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 20_000)),
      ]);
    let created: { value: Awaited<ReturnType<typeof create>>; ms: number } | undefined;
    const reads: number[] = [];
    try {
      created = await timed(create);
      for (let i = 0; i < 5; i++) {
        reads.push((await timed(() => gqlData(gateway.origin, ImagesDocument, { first: 20 }))).ms);
        reads.push((await timed(() => gqlData(gateway.origin, ViewerDocument))).ms);
      }
    } finally {
      redis.resume();
    }
    process.stderr.write(
      `redis frozen: createCustomImage answered in ${created.ms} ms; reads ${reads.join(", ")} ms\n`,
    );
    expect(created.value, "no answer within 20 s").not.toBeNull();
    expect(created.value?.errors).toBeUndefined();
    const image = created.value?.data?.createCustomImage.image;
    expect(image).toMatchObject({ name: "frozen-during", status: "CREATING" });
    // The bucket's command times out (0.5 s, then the request goes unthrottled), then the
    // hand-off's first call (1 s); everything after either fails at once.
    expect(created.ms).toBeLessThan(RATE_LIMIT_TIMEOUT_MS + HANDOFF_BOUND_MS + OWN_WORK_MS);
    expect.soft(Math.max(...reads)).toBeLessThan(RATE_LIMIT_TIMEOUT_MS + OWN_WORK_MS);

    await until("the gateway to be ready again", 30_000, async () =>
      (await fetch(`${gateway.origin}/readyz`)).status === 200 ? true : undefined,
    );
    const done = await until(`image ${image!.id} to be AVAILABLE`, 60_000, async () => {
      const { image: row } = await gqlData(gateway.origin, ImageDocument, { id: image!.id });
      return row?.status === "AVAILABLE" ? row : undefined;
    });
    expect(done.progress).toBe(100);
    const { instance: row } = await gqlData(gateway.origin, InstanceDocument, { id: instance.id });
    expect(row?.imageInProgress).toBeNull();
    expect(gateway.child.exitCode).toBeNull();
  }, 180_000);
});
