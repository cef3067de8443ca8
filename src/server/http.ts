import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Clock } from "../domain/clock.ts";
import { MAX_BODY_BYTES } from "./limits.ts";
import { newTicket, type ResponseCache, responseCacheKey, TICKET } from "./response-cache.ts";
import type { GatewayYoga } from "./yoga.ts";

export interface HttpDeps {
  yoga: GatewayYoga;
  /** Resolves true when every backing service answers. */
  ready: () => Promise<boolean>;
  /** Serves repeated identical queries from memory (see response-cache.ts). */
  cache?: { responses: ResponseCache; clock: Clock };
}

function json(res: ServerResponse, status: number, body: unknown): void {
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
  { yoga, cache }: HttpDeps,
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
  if (hit) {
    res.writeHead(200, { ...hit.headers, "content-length": hit.body.length });
    res.end(hit.body);
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
    cache.responses.set(key, ticket, bytes, responseHeaders);
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

function keyOf(req: IncomingMessage, body: Buffer): string {
  return responseCacheKey(req.headers.authorization, req.headers.accept, body);
}

export function createHttpServer(deps: HttpDeps) {
  const { yoga, ready } = deps;
  return createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/healthz") return json(res, 200, { status: "ok" });
    if (path === "/readyz") {
      // A backing service that hangs is as unready as one that refuses.
      const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_000).unref());
      Promise.race([ready(), timeout]).then(
        (ok) => json(res, ok ? 200 : 503, { status: ok ? "ready" : "unavailable" }),
        () => json(res, 503, { status: "unavailable" }),
      );
      return;
    }
    if (req.method === "POST") {
      const length = req.headers["content-length"];
      // Refused before Yoga reads it (RUNTIME.md: 1 MiB, HTTP 413).
      if (length !== undefined && Number(length) > MAX_BODY_BYTES) {
        res.setHeader("connection", "close");
        return json(res, 413, { errors: [{ message: TOO_LARGE }] });
      }
      const chunked = length === undefined && req.headers["transfer-encoding"];
      if (chunked || (deps.cache && path === "/graphql")) {
        handleBuffered(deps, req, res).catch(() => {
          if (!res.headersSent) json(res, 500, { errors: [{ message: "Unexpected error." }] });
          else res.destroy();
        });
        return;
      }
    }
    yoga(req, res);
  });
}
