import type { AddressInfo } from "node:net";
import type { Config } from "../config.ts";
import { createDb, type DbHandle, initDatabase } from "../db/client.ts";
import { migrateDatabase } from "../db/migrate.ts";
import { seedDatabase } from "../db/seed.ts";
import { createAuthenticator } from "../domain/accounts.ts";
import { type Clock, systemClock } from "../domain/clock.ts";
import { createEngine, type Engine } from "../engine/engine.ts";
import { closeListeners, createProgressEvents } from "../events/progress.ts";
import { closeRedis, failFastRedis } from "../events/redis-client.ts";
import { memorySequenceLedger, redisSequenceLedger } from "../events/sequence.ts";
import { createLogger, type Logger } from "../logger.ts";
import { simulatedBlockStorage } from "../storage/block-storage.ts";
import { chargeAccount, createRateLimiter } from "./graphql/rate-limit.ts";
import { invalidatingBus, ResponseCache } from "./graphql/response-cache.ts";
import { createGatewayYoga } from "./graphql/yoga.ts";
import { connectionDrainer } from "./lifecycle/drain.ts";
import { createReadiness } from "./lifecycle/readiness.ts";
import { gracefulClose } from "./lifecycle/shutdown.ts";
import { createMetrics, timeEngineStep } from "./observability/metrics.ts";
import { createRequestLog } from "./observability/request-log.ts";
import { createConsoleHandler } from "./transport/console.ts";
import { corsHeaders } from "./transport/cors.ts";
import { graphiqlPage } from "./transport/graphiql-page.ts";
import { createHttpServer } from "./transport/http.ts";
import { attachGraphqlWs } from "./transport/websocket.ts";

export interface App extends DbHandle {
  config: Config;
  engine: Engine;
  /** Absent with REDIS_URL (several replicas). */
  responseCache?: ResponseCache;
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
  /** The rate limiter's clock (tests move it by hand). */
  rateClock?: Clock;
  /** Receives every SQL statement sent (tests and the bench count them); see DbOptions. */
  onStatement?: (sql: string) => void;
}

/** Migrates and seeds the database, then serves HTTP, SSE and graphql-ws on one port. */
export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  if (!options.skipMigrations) await migrateDatabase(config.databaseUrl);
  const db = createDb(config.databaseUrl, {
    poolSize: config.databasePoolSize,
    onStatement: options.onStatement,
  });
  await initDatabase(db);
  await seedDatabase(db.prisma, config.demoApiKey);

  const events = createProgressEvents(
    config.redisUrl,
    (error) => logger.warn("redis: connection problem; retrying", { error: error.message }),
    `${config.redisPrefix}:events:`,
  );
  const bus = events.pubsub;
  // Across replicas (REDIS_URL) another process's change would not reach this cache: none there.
  const responseCache = config.redisUrl
    ? undefined
    : new ResponseCache(clock, config.progressIntervalMs, {
        maxBytes: config.limits.responseCacheMaxBytes,
        maxEntryBytes: config.limits.responseCacheMaxEntryBytes,
      });
  // Fails fast while Redis is away (src/events/redis-client.ts): no request waits for the outage.
  const ledgerClient = config.redisUrl ? failFastRedis(config.redisUrl) : null;
  const ledger = ledgerClient
    ? redisSequenceLedger(ledgerClient, config.redisPrefix)
    : memorySequenceLedger();
  const storage = simulatedBlockStorage;
  const engine = createEngine({
    prisma: db.prisma,
    clock,
    bus: responseCache ? invalidatingBus(bus, responseCache) : bus,
    ledger,
    storage,
    logger,
    intervalMs: config.progressIntervalMs,
    timeStep: timeEngineStep,
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
  const queueDepth = engine.scheduler.depth?.bind(engine.scheduler);
  const metrics = createMetrics({
    prisma: db.prisma,
    token: config.metricsToken,
    queueDepth,
    responseCache,
    maxOperationNames: config.metricsMaxOperationNames,
  });
  const requestLog = createRequestLog(logger);
  const extraPlugins = [...metrics.plugins, requestLog.plugin];
  const limiter = createRateLimiter({
    capacity: config.limits.rateLimitBucket,
    restorePerSecond: config.limits.rateLimitRestorePerSecond,
    clock: options.rateClock ?? systemClock,
    redisUrl: config.redisUrl,
    // Replicas of another environment on the same Redis (another REDIS_PREFIX) keep their own buckets.
    redisKeyPrefix: `${config.redisPrefix}:rate:`,
  });
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
    extraPlugins,
    limiter,
    responseCache,
  });
  // The database, and Redis where configured, must answer.
  const readiness = createReadiness(async () => {
    await db.prisma.$queryRawUnsafe("SELECT 1");
    return events.ready();
  });
  const serveConsole = createConsoleHandler({
    demoApiKey: config.development ? config.demoApiKey : undefined,
    sourceMaps: config.development,
  });
  const server = createHttpServer({
    yoga,
    serveConsole,
    routes: { "/healthz": readiness.health, "/readyz": readiness.ready, "/metrics": metrics.handle },
    graphiql: config.development ? graphiqlPage(yoga) : undefined,
    middleware: [requestLog.middleware],
    limits: config.limits,
    cache: responseCache && {
      responses: responseCache,
      clock,
      charge: (accountId, cost) => chargeAccount(limiter, accountId, cost),
      cors: corsHeaders(config.limits.corsOrigins, config.development),
      onHit: requestLog.noteCacheHit,
    },
  });
  const ws = attachGraphqlWs(server, yoga, authenticate, { maxOperations: config.limits.wsMaxOperations });
  const drainConnections = connectionDrainer(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;

  const close = gracefulClose({
    server,
    stopReadiness: readiness.stop,
    drainConnections,
    closeSubscriptions: () => closeListeners(bus),
    closeSockets: () => ws.close(),
    afterRequests: [
      () => engine.stop(),
      () => yoga.dispose(),
      () => responseCache?.dispose(),
      () => events.close(),
      async () => {
        if (ledgerClient) await closeRedis(ledgerClient);
      },
      () => db.prisma.$disconnect(),
    ],
  });

  return { ...db, config, engine, responseCache, origin: `http://${host}:${port}`, port, close };
}
