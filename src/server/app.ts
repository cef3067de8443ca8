import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import type { Config } from "../config.ts";
import { createDb, type DbHandle, initSqlite } from "../db/client.ts";
import { migrateDatabase } from "../db/migrate.ts";
import { seedDatabase } from "../db/seed.ts";
import { createAuthenticator } from "../domain/accounts.ts";
import { type Clock, systemClock } from "../domain/clock.ts";
import { createEngine, type Engine } from "../engine/engine.ts";
import { closeListeners, createProgressEvents } from "../events/progress.ts";
import { memorySequenceLedger, redisSequenceLedger } from "../events/sequence.ts";
import { createLogger, type Logger } from "../logger.ts";
import { simulatedBlockStorage } from "../storage/block-storage.ts";
import { createHttpServer } from "./http.ts";
import { attachGraphqlWs } from "./websocket.ts";
import { createGatewayYoga } from "./yoga.ts";

export interface App extends DbHandle {
  config: Config;
  engine: Engine;
  /** http://host:port of the listening server. */
  origin: string;
  port: number;
  close(): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  logger?: Logger;
  /** Skip `migrate deploy` (the database is known to be current). */
  skipMigrations?: boolean;
}

/** Migrates and seeds the database, then serves HTTP, SSE and graphql-ws on one port. */
export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  if (!options.skipMigrations) await migrateDatabase(config.databaseUrl);
  const db = createDb(config.databaseUrl);
  await initSqlite(db.prisma);
  await seedDatabase(db.prisma, config.demoApiKey);

  const events = createProgressEvents(config.redisUrl, (error) =>
    logger.warn("redis: connection problem; retrying", { error: error.message }),
  );
  const bus = events.pubsub;
  const ledgerClient = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 3 }) : null;
  ledgerClient?.on("error", () => undefined);
  const ledger = ledgerClient
    ? redisSequenceLedger(ledgerClient, config.redisPrefix)
    : memorySequenceLedger();
  const storage = simulatedBlockStorage;
  const engine = createEngine({
    prisma: db.prisma,
    clock,
    bus,
    ledger,
    storage,
    logger,
    intervalMs: config.progressIntervalMs,
    redis: config.redisUrl
      ? {
          url: config.redisUrl,
          prefix: config.redisPrefix,
          lockMs: config.engineLockMs,
          reconcileMs: config.engineReconcileMs,
          concurrency: config.engineConcurrency,
        }
      : undefined,
  });
  await engine.start();
  const authenticate = createAuthenticator(db.prisma);
  const yoga = createGatewayYoga({
    config,
    prisma: db.prisma,
    authenticate,
    clock,
    bus,
    ledger,
    storage,
    afterCommit: engine.dispatch,
    refreshProgress: engine.refresh,
    logger,
  });
  // The database, and Redis where configured, must answer.
  const ready = async () => {
    await db.prisma.$queryRawUnsafe("SELECT 1");
    return events.ready();
  };
  const server = createHttpServer({ yoga, ready });
  const ws = attachGraphqlWs(server, yoga, authenticate);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      await engine.stop();
      // Subscriptions complete (SSE gets its complete event), then sockets close with 1001.
      await closeListeners(bus);
      await ws.close();
      await yoga.dispose();
      server.closeIdleConnections();
      // In-flight requests get a moment to finish; streams still open after it are cut.
      const grace = setTimeout(() => server.closeAllConnections(), 5_000);
      await drained;
      clearTimeout(grace);
      await events.close();
      if (ledgerClient?.status === "ready") await ledgerClient.quit();
      else ledgerClient?.disconnect();
      await db.prisma.$disconnect();
    })();
    return closing;
  };

  return { ...db, config, engine, origin: `http://${host}:${port}`, port, close };
}
