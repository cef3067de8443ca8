import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { Client } from "graphql-ws";
import type { Browser } from "playwright-core";
import { test as base } from "vitest";
import type { Config } from "../../src/config.ts";
import { createDb, type DbHandle, initDatabase } from "../../src/db/client.ts";
import { seedDatabase } from "../../src/db/seed.ts";
import { ManualClock } from "../../src/domain/clock.ts";
import type { Logger } from "../../src/logger.ts";
import { type App, startApp } from "../../src/server/app.ts";
import { DEMO_KEY, startTestApp, type TestApp, testConfig } from "./app.ts";
import { gql, gqlData, type HttpResult, sseCollect, wsClient } from "./client.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";
import { TEST_REDIS_URL, uniquePrefix } from "./redis.ts";
import { findChromium } from "./services.ts";

/**
 * The tests' fixtures: a test (or a `beforeAll`) asks for what it needs by name and gets the
 * file's one copy of it, made on first use and closed after the file's last test.
 *
 *   import { describe, expect, it, useServer } from "../support/test.ts";
 *   useServer({ config: { progressIntervalMs: 3_600_000 } }); // at the top of the file, if needed
 *   it("…", async ({ server, client, clock }) => { … });
 *
 * - `server`: a gateway on a free port with a database of its own (`startTestApp`), on `clock`.
 * - `freshServer`: the same, but one per test (for suites whose every test starts from nothing).
 * - `client`: HTTP, graphql-ws and SSE requests to `server` as the demo account (or another key).
 * - `clock`: the manual clock the server runs on (`useServer({ clock })` to bring one's own).
 * - `database`: a database of its own for tests that start gateways themselves (processes, replicas).
 * - `db`: a Prisma client on `database`, migrated and seeded with the demo account (tests of the domain).
 * - `pg`: that database when it is PostgreSQL (the suite runs on SQLite otherwise: guard with `onPostgres`).
 * - `browser`: a headless Chromium (guard the suite with `requireService("chromium", …)`).
 * - `replicas`: `useReplicas({ count, config })` gateways on `database` and `redis` (two by default).
 * - `redis`: REDIS_URL and a key prefix of the file's own (guard the suite with `requireService`).
 */
export interface ServerOptions {
  /** Overrides of `testConfig`'s configuration. */
  config?: Partial<Config>;
  /** The clock the server runs on; a new ManualClock unless given. */
  clock?: ManualClock;
  rateClock?: ManualClock;
  logger?: Logger;
}

/** A GraphQL client bound to one server, sending the demo account's key unless told another. */
export interface TestClient {
  origin: string;
  /** One request over HTTP, errors and status included. */
  request<T, V>(
    document: TypedDocumentNode<T, V>,
    variables?: V,
    key?: string | null,
  ): Promise<HttpResult<T>>;
  /** One request over HTTP that fails the test on any GraphQL error; its data. */
  data<T, V>(document: TypedDocumentNode<T, V>, variables?: V, key?: string | null): Promise<T>;
  /** A lazy graphql-ws client (close it when done). */
  ws(key?: string | null): Client;
  /** One operation over server-sent events, every `next` until `complete`. */
  sse: <T, V>(
    document: TypedDocumentNode<T, V>,
    variables?: V,
    key?: string | null,
  ) => ReturnType<typeof sseCollect<T, V>>;
}

export function testClient(origin: string, defaultKey: string | null = DEMO_KEY): TestClient {
  return {
    origin,
    request: (document, variables, key = defaultKey) => gql(origin, document, variables, key),
    data: (document, variables, key = defaultKey) => gqlData(origin, document, variables, key),
    ws: (key = defaultKey) => wsClient(origin, key),
    sse: (document, variables, key = defaultKey) => sseCollect(origin, document, variables, key),
  };
}

/** The replicas a file asks for: `count` gateways on one database and one Redis. */
export interface ReplicaOptions {
  count?: number;
  config?: Partial<Config>;
  rateClock?: ManualClock;
}

export interface RedisFixture {
  url: string;
  /** REDIS_PREFIX for this file: queues and sequences of its own. */
  prefix: string;
}

/** A server closed by `onCleanup` when its scope ends. */
async function startServer(
  options: ServerOptions,
  onCleanup: (cleanup: () => Promise<void>) => void,
): Promise<TestApp> {
  const app = await startTestApp(options);
  onCleanup(() => app.close());
  return app;
}

/** True when the suite's databases are PostgreSQL (TEST_DATABASE_URL set). */
export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export const test = base
  .extend("serverOptions", { scope: "file" }, {} as ServerOptions)
  .extend("clock", { scope: "file" }, ({ serverOptions }) => serverOptions.clock ?? new ManualClock())
  .extend("server", { scope: "file" }, ({ serverOptions, clock }, { onCleanup }) =>
    startServer({ ...serverOptions, clock }, onCleanup),
  )
  // A server of the test's own (same options), for suites whose every test starts from nothing.
  .extend("freshServer", ({ serverOptions, clock }, { onCleanup }) =>
    startServer({ ...serverOptions, clock }, onCleanup),
  )
  .extend("client", { scope: "file" }, ({ server }) => testClient(server.origin))
  // The API key of a second account on the file's server, for what one account must not see of another's.
  .extend("otherKey", { scope: "file" }, ({ server }) => server.newAccount("other"))
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads what a fixture depends on from its destructuring
  .extend("database", { scope: "file" }, async ({}, { onCleanup }): Promise<TestDatabase> => {
    const database = await createTestDatabase();
    onCleanup(() => database.drop());
    return database;
  })
  .extend("db", { scope: "file" }, async ({ database }, { onCleanup }): Promise<DbHandle> => {
    const handle = createDb(database.url);
    await initDatabase(handle);
    await seedDatabase(handle.prisma, DEMO_KEY);
    onCleanup(() => handle.prisma.$disconnect());
    return handle;
  })
  .extend("pg", { scope: "file" }, ({ database }) => {
    if (database.provider !== "postgresql") throw new Error("the pg fixture needs TEST_DATABASE_URL");
    return database;
  })
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads what a fixture depends on from its destructuring
  .extend("browser", { scope: "file" }, async ({}, { onCleanup }): Promise<Browser> => {
    const executablePath = findChromium();
    if (!executablePath)
      throw new Error("the browser fixture needs a Chromium (guard the suite with requireService)");
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    onCleanup(() => browser.close());
    return browser;
  })
  .extend("redis", { scope: "file" }, (): RedisFixture => {
    if (!TEST_REDIS_URL)
      throw new Error("the redis fixture needs REDIS_URL (guard the suite with requireService)");
    return { url: TEST_REDIS_URL, prefix: uniquePrefix("suite") };
  })
  .extend("replicaOptions", { scope: "file" }, {} as ReplicaOptions)
  .extend(
    "replicas",
    { scope: "file" },
    async ({ database, redis, replicaOptions }, { onCleanup }): Promise<App[]> => {
      const { count = 2, config, rateClock } = replicaOptions;
      const shared = testConfig(database.url, { redisUrl: redis.url, redisPrefix: redis.prefix, ...config });
      const started: App[] = [];
      onCleanup(async () => {
        for (const replica of started.reverse()) await replica.close();
      });
      for (let i = 0; i < count; i++)
        started.push(await startApp(shared, { skipMigrations: true, rateClock }));
      return started;
    },
  );

export const it = test;
/** Hooks that receive the file's fixtures: `beforeAll(async ({ server }) => …)`. */
export const beforeAll: typeof test.beforeAll = (...args) => test.beforeAll(...args);
export const afterAll: typeof test.afterAll = (...args) => test.afterAll(...args);
export const beforeEach: typeof test.beforeEach = (...args) => test.beforeEach(...args);
export const afterEach: typeof test.afterEach = (...args) => test.afterEach(...args);
export { describe, expect } from "vitest";

/** The file's replicas (the `replicas` fixture): call it once at the top level of a test file. */
export function useReplicas(options: ReplicaOptions): void {
  test.override("replicaOptions", options);
}

/** The file's server configuration: call it once at the top level of a test file, before its tests. */
export function useServer(options: ServerOptions): void {
  test.override("serverOptions", options);
}
