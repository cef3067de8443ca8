import type { Server, ServerOptions } from "node:http";
import type { LimitsConfig } from "../../config-limits.ts";

/**
 * Slow clients (endless headers, a body that never ends or never arrives) get 408 within seconds
 * instead of Node's defaults (60 s for headers, 300 s for the request), checked every second.
 * Responses that stream (SSE) and WebSockets are not bound by these: they only time the request.
 */
export function httpServerOptions(limits: LimitsConfig): ServerOptions {
  const requestTimeout = limits.httpRequestTimeoutMs;
  return {
    requestTimeout,
    headersTimeout: Math.min(limits.httpHeadersTimeoutMs, requestTimeout),
    connectionsCheckingInterval: Math.min(1_000, Math.max(50, Math.floor(requestTimeout / 4))),
  };
}

/** At most `maxConnections` open sockets (HTTP and WebSocket); Node drops the ones above it. */
export function capConnections(server: Server, limits: LimitsConfig): void {
  server.maxConnections = limits.maxConnections;
}
