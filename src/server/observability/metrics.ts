import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Db } from "../../db/client.ts";
import { bearerKey } from "../../domain/accounts.ts";
import { graphqlMetricsPlugin } from "./graphql-metrics.ts";
import { boundedLabel, MAX_ERROR_CODES, type OperationLabel, operationLabel } from "./label-bounds.ts";
import { errorCode, userErrorsOf } from "./result-codes.ts";

/**
 * How long one step of the progress engine takes, by step ("image": one image advanced, "snapshot":
 * one standalone snapshot). Process-wide: the app hands `timeEngineStep` to the engine's steps, and
 * every app's registry exposes it.
 */
export const engineStepSeconds = new Histogram({
  name: "gateway_engine_step_duration_seconds",
  help: "Duration of a progress-engine step, by step.",
  labelNames: ["step"] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [],
});

export async function timeEngineStep<T>(step: string, run: () => Promise<T>): Promise<T> {
  const end = engineStepSeconds.startTimer({ step });
  try {
    return await run();
  } finally {
    end();
  }
}

export type SubscriptionTransport = "http-sse" | "graphql-ws";

/** Queue name → jobs waiting; given by whoever runs a queue on Redis. */
export type QueueDepth = () => Promise<Record<string, number>>;

export interface MetricsDeps {
  prisma: Db;
  /** Set: `/metrics` needs `Authorization: Bearer <token>`. */
  token: string | undefined;
  /** Set when work is queued on Redis: reported as gateway_queue_depth{queue}. */
  queueDepth?: QueueDepth;
  /** Operation names kept as label values (METRICS_MAX_OPERATION_NAMES); others read "(other)". */
  maxOperationNames?: number;
  /** The response cache, when there is one: its bytes and entries are reported. */
  responseCache?: { readonly bytes: number; readonly size: number };
}

export interface GatewayMetrics {
  registry: Registry;
  /** Yoga plugins: requests, durations and errors by operation, open subscriptions by transport. */
  plugins: Plugin[];
  /** GET /metrics, Prometheus text format. */
  handle(req: IncomingMessage, res: ServerResponse): void;
}

/** graphql-ws builds its context with the socket in it (websocket.ts); HTTP's has none. */
function transportOf(context: unknown): SubscriptionTransport {
  return context && typeof context === "object" && "socket" in context ? "graphql-ws" : "http-sse";
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(bearerKey(header) ?? "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const DEFAULT_MAX_OPERATION_NAMES = 100;

/** The gateway's own series, besides the engine's steps (README "Metrics"). */
const SERIES = {
  images: { name: "gateway_images", help: "Images (not deleted), by status.", labelNames: ["status"] },
  snapshotsInProgress: { name: "gateway_snapshots_in_progress", help: "Snapshots PROGRESSING." },
  copiesWaiting: {
    name: "gateway_copies_waiting",
    help: "Image copies WAITING for a free slot, by destination region.",
    labelNames: ["region"],
  },
  queueDepth: {
    name: "gateway_queue_depth",
    help: "Jobs waiting in a Redis queue, by queue.",
    labelNames: ["queue"],
  },
  subscriptionsOpen: {
    name: "gateway_subscriptions_open",
    help: "Subscriptions streaming now, by transport.",
    labelNames: ["transport"],
  },
  userErrors: {
    name: "gateway_user_errors_total",
    help: "userErrors returned in mutation payloads, by operation and code.",
    labelNames: ["operationName", "code"],
  },
  responseCacheBytes: {
    name: "gateway_response_cache_bytes",
    help: "Bytes the response cache holds (bodies, headers, keys), at most RESPONSE_CACHE_MAX_BYTES.",
  },
  responseCacheEntries: { name: "gateway_response_cache_entries", help: "Answers the response cache holds." },
  refusedRequests: {
    name: "gateway_refused_requests_total",
    help: "HTTP requests refused before their document was parsed (no key, too large to parse), by extensions.code.",
    labelNames: ["code"],
  },
} as const;

/** A gauge read when Prometheus scrapes: each label value its figure, series no longer read gone. */
function scrapedGauge(
  registry: Registry,
  spec: { name: string; help: string; labelNames: readonly [string] },
  read: () => Promise<Record<string, number>>,
): void {
  const [label] = spec.labelNames;
  new Gauge({
    ...spec,
    registers: [registry],
    async collect() {
      const figures = await read();
      this.reset();
      for (const [value, figure] of Object.entries(figures)) this.set({ [label]: value }, figure);
    },
  });
}

/** Database figures, read when Prometheus scrapes: three grouped counts on indexed columns. */
function registerDatabaseGauges(registry: Registry, prisma: Db): void {
  scrapedGauge(registry, SERIES.images, async () => {
    const groups = await prisma.image.groupBy({
      by: ["status"],
      where: { deletedAt: null },
      _count: { _all: true },
    });
    return Object.fromEntries(groups.map((group) => [group.status, group._count._all]));
  });
  new Gauge({
    ...SERIES.snapshotsInProgress,
    registers: [registry],
    async collect() {
      this.set(await prisma.snapshot.count({ where: { status: "PROGRESSING" } }));
    },
  });
  scrapedGauge(registry, SERIES.copiesWaiting, async () => {
    const groups = await prisma.image.groupBy({
      by: ["regionId"],
      where: { status: "WAITING", source: "COPY", deletedAt: null },
      _count: { _all: true },
    });
    return Object.fromEntries(groups.map((group) => [group.regionId ?? "", group._count._all]));
  });
}

function openSubscriptionsPlugin(registry: Registry): Plugin {
  const open = new Gauge({ ...SERIES.subscriptionsOpen, registers: [registry] });
  for (const transport of ["http-sse", "graphql-ws"] as const) open.set({ transport }, 0);
  return {
    onSubscribe({ args }) {
      const transport = transportOf(args.contextValue);
      return {
        onSubscribeResult({ result }) {
          if (!result || typeof result !== "object" || !(Symbol.asyncIterator in result)) return;
          open.inc({ transport });
          let ended = false;
          return {
            onEnd() {
              if (ended) return;
              ended = true;
              open.dec({ transport });
            },
          };
        },
      };
    },
  };
}

/** Refusals in mutation payloads (`userErrors`), by code: not GraphQL errors, but what users hit. */
function userErrorsPlugin(registry: Registry, operation: OperationLabel): Plugin {
  const refused = new Counter({ ...SERIES.userErrors, registers: [registry] });
  const code = boundedLabel(MAX_ERROR_CODES);
  return {
    onExecute({ args }) {
      const operationName = operation(getOperationAST(args.document, args.operationName)?.name?.value);
      return {
        onExecuteDone({ result }) {
          if (!result || Symbol.asyncIterator in result) return;
          for (const userError of userErrorsOf(result)) {
            refused.inc({ operationName, code: code(String(userError.code ?? "UNKNOWN")) });
          }
        },
      };
    },
  };
}

/**
 * Requests refused before their document was parsed (no key, a document too
 * large to parse): the envelop plugin never sees them, so they are counted from the HTTP result.
 */
function refusedBeforeParsePlugin(registry: Registry): Plugin {
  const refused = new Counter({ ...SERIES.refusedRequests, registers: [registry] });
  const code = boundedLabel(MAX_ERROR_CODES);
  const parsed = new WeakSet<Request>();
  return {
    onParse({ context }) {
      const request = (context as { request?: Request }).request;
      if (request) parsed.add(request);
    },
    onResultProcess({ request, result }) {
      if (parsed.has(request) || Array.isArray(result) || Symbol.asyncIterator in result) return;
      for (const error of result.errors ?? []) refused.inc({ code: code(errorCode(error)) });
    },
  };
}

/** The response cache's size, read when Prometheus scrapes. */
function registerCacheGauges(registry: Registry, cache: NonNullable<MetricsDeps["responseCache"]>): void {
  new Gauge({
    ...SERIES.responseCacheBytes,
    registers: [registry],
    collect() {
      this.set(cache.bytes);
    },
  });
  new Gauge({
    ...SERIES.responseCacheEntries,
    registers: [registry],
    collect() {
      this.set(cache.size);
    },
  });
}

export function createMetrics({
  prisma,
  token,
  queueDepth,
  responseCache,
  maxOperationNames = DEFAULT_MAX_OPERATION_NAMES,
}: MetricsDeps): GatewayMetrics {
  const registry = new Registry();
  registry.registerMetric(engineStepSeconds);
  registerDatabaseGauges(registry, prisma);
  if (responseCache) registerCacheGauges(registry, responseCache);
  if (queueDepth) {
    scrapedGauge(registry, SERIES.queueDepth, queueDepth);
  }
  // One table of operation names for every series that carries them.
  const operation = operationLabel(maxOperationNames);
  return {
    registry,
    plugins: [
      graphqlMetricsPlugin(registry, operation),
      openSubscriptionsPlugin(registry),
      userErrorsPlugin(registry, operation),
      refusedBeforeParsePlugin(registry),
    ],
    handle(req, res) {
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { allow: "GET, HEAD" }).end();
        return;
      }
      if (token && !tokenMatches(req.headers.authorization, token)) {
        res.writeHead(401, { "content-type": "text/plain; charset=utf-8", "www-authenticate": "Bearer" });
        res.end("GET /metrics needs the header Authorization: Bearer <METRICS_TOKEN>.\n");
        return;
      }
      registry.metrics().then(
        (body) => {
          res.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" });
          res.end(req.method === "HEAD" ? undefined : body);
        },
        (error: unknown) => {
          res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
          res.end(`metrics could not be collected: ${(error as Error).message}\n`);
        },
      );
    },
  };
}
