import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { type LimitsConfig, loadLimitsConfig } from "../../config-limits.ts";
import type { Clock } from "../../domain/clock.ts";
import { MAX_BODY_BYTES } from "../graphql/limits.ts";
import type { CostReport } from "../graphql/rate-limit.ts";
import { newTicket, type ResponseCache, responseCacheKey, TICKET } from "../graphql/response-cache.ts";
import type { GatewayYoga } from "../graphql/yoga.ts";
import { compressResponses, type Middleware } from "./compression.ts";
import { capConnections, httpServerOptions } from "./connection-limits.ts";
import { type ConsoleHandler, isConsolePath } from "./console.ts";
import { type CorsHeaders, withoutCors } from "./cors.ts";
import { wantsGraphiql } from "./graphiql-page.ts";
import { NO_FRAMING_CSP, noSniff, pageHeaders } from "./security-headers.ts";
import type { StaticAsset } from "./static.ts";

export interface HttpDeps {
  yoga: GatewayYoga;
  /** Serves the web console at /console. */
  serveConsole?: ConsoleHandler;
  /** Exact paths served beside GraphQL (the probes, /metrics). */
  routes?: Record<string, (req: IncomingMessage, res: ServerResponse) => void>;
  /** Development: the GraphiQL page, served compressed and cached instead of rendered per request. */
  graphiql?: StaticAsset;
  /** Run in order before everything else (the request log). */
  middleware?: Middleware[];
  /** Timeouts and the connection cap (defaults: loadLimitsConfig's). */
  limits?: LimitsConfig;
  /** Serves repeated identical queries from memory (see response-cache.ts). */
  cache?: {
    responses: ResponseCache;
    clock: Clock;
    /** Takes a hit's cost from the account's bucket: the report to send, or null when it cannot pay. */
    charge: (accountId: string, cost: number) => Promise<CostReport | null>;
    /** A hit's CORS headers, decided for the request at hand (entries are stored without any). */
    cors: CorsHeaders;
    /** A hit answered the request (the request log records its operation and account). */
    onHit?: (req: IncomingMessage, hit: { accountId: string; operationName: string | null }) => void;
  };
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

const TOO_LARGE = `The request body is larger than ${MAX_BODY_BYTES} bytes.`;

/** Reads a body of unknown length (chunked), up to the limit; null when it is larger. */
async function readLimited(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * A body read here (within the limit) is handed to Yoga as a fetch Request, and the response (SSE
 * included) streamed back: for a chunked request, which has no Content-Length to check up front,
 * and for requests the response cache may answer or keep.
 */
async function handleBuffered(
  { yoga, cache }: Pick<HttpDeps, "yoga" | "cache">,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readLimited(req);
  if (!body) {
    res.setHeader("connection", "close");
    json(res, 413, { errors: [{ message: TOO_LARGE }] });
    req.destroy();
    return;
  }
  const key = cache ? keyOf(req, body) : null;
  const hit = key && cache ? cache.responses.get(key) : null;
  // An account whose bucket cannot pay goes on to Yoga, which refuses it with THROTTLED.
  const report = hit && cache ? await cache.charge(hit.accountId, hit.cost) : null;
  if (hit && report && cache) {
    cache.onHit?.(req, hit);
    const bytes = Buffer.from(`{"data":${hit.body},"extensions":${JSON.stringify({ cost: report })}}`);
    res.writeHead(200, { ...hit.headers, ...cache.cors(req), "content-length": bytes.length });
    res.end(bytes);
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === "transfer-encoding") continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const aborted = new AbortController();
  res.on("close", () => aborted.abort());
  const ticket = cache ? newTicket(cache.clock) : null;
  const response = await yoga.fetch(
    new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`),
    { method: req.method, headers, body: new Uint8Array(body), signal: aborted.signal },
    // Yoga's server context: the node request and response, as `yoga(req, res)` would pass them.
    { req, res, ...(ticket ? { [TICKET]: ticket } : {}) } as object,
  );
  const responseHeaders = Object.fromEntries(response.headers);
  const contentType = response.headers.get("content-type") ?? "";
  if (key && cache && ticket?.cacheable && response.status === 200 && contentType.includes("json")) {
    const bytes = Buffer.from(await response.arrayBuffer());
    delete responseHeaders["content-length"];
    // An answer too large to keep is not even parsed for it.
    const stored = cache.responses.accepts(bytes.length) ? storable(bytes) : null;
    if (stored) cache.responses.set(key, ticket, stored.data, withoutCors(responseHeaders), stored.cost);
    res.writeHead(200, { ...responseHeaders, "content-length": bytes.length });
    res.end(bytes);
    return;
  }
  res.writeHead(response.status, responseHeaders);
  if (response.body) {
    for await (const chunk of response.body) res.write(chunk);
  }
  res.end();
}

/** A result's `data` and cost, when `extensions.cost` is all that it carries besides its data. */
function storable(bytes: Buffer): { data: Buffer; cost: number } | null {
  const result = JSON.parse(bytes.toString("utf8")) as {
    data?: unknown;
    extensions?: { cost?: CostReport };
  };
  const extensions = Object.keys(result.extensions ?? {});
  if (Object.keys(result).some((name) => name !== "data" && name !== "extensions")) return null;
  if (extensions.some((name) => name !== "cost")) return null;
  return {
    data: Buffer.from(JSON.stringify(result.data ?? null)),
    cost: result.extensions?.cost?.requestedQueryCost ?? 0,
  };
}

/** Subscriptions over SSE stream from Yoga directly: only plain JSON answers are worth buffering. */
function wantsEventStream(req: IncomingMessage): boolean {
  return (req.headers.accept ?? "").includes("text/event-stream");
}

function keyOf(req: IncomingMessage, body: Buffer): string {
  return responseCacheKey(req.headers.authorization, req.headers.accept, body, req.headers.origin);
}

export function createHttpServer({
  yoga,
  serveConsole,
  routes = {},
  graphiql,
  middleware = [],
  limits = loadLimitsConfig({}),
  cache,
}: HttpDeps) {
  const compress = compressResponses();
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    noSniff(res);
    const path = (req.url ?? "/").split("?")[0];
    const route = Object.hasOwn(routes, path ?? "") ? routes[path ?? ""] : undefined;
    if (route) return route(req, res);
    if (serveConsole && isConsolePath(path)) return serveConsole(req, res);
    if (req.method === "POST") {
      const length = req.headers["content-length"];
      // Refused before Yoga reads it (the runtime contract: 1 MiB, HTTP 413).
      if (length !== undefined && Number(length) > MAX_BODY_BYTES) {
        res.setHeader("connection", "close");
        return json(res, 413, { errors: [{ message: TOO_LARGE }] });
      }
      const chunked = length === undefined && req.headers["transfer-encoding"];
      if (chunked || (cache && path === yoga.graphqlEndpoint && !wantsEventStream(req))) {
        handleBuffered({ yoga, cache }, req, res).catch(() => {
          if (!res.headersSent) json(res, 500, { errors: [{ message: "Unexpected error." }] });
          else res.destroy();
        });
        return;
      }
    }
    if (graphiql && wantsGraphiql(req, yoga.graphqlEndpoint)) {
      pageHeaders(res, NO_FRAMING_CSP);
      return graphiql.serve(req, res);
    }
    yoga(req, res);
  };
  const chain = [...middleware, compress].reduceRight<(req: IncomingMessage, res: ServerResponse) => void>(
    (next, step) => (req, res) => step(req, res, () => next(req, res)),
    handle,
  );
  const server = createServer(httpServerOptions(limits), chain);
  capConnections(server, limits);
  return server;
}
