import type { Server } from "node:http";

/** In-flight requests get this long to finish once shutdown begins; streams still open are cut. */
export const SHUTDOWN_GRACE_MS = 5_000;

export interface ShutdownSteps {
  server: Server;
  /** Says "not ready" from the first moment (readiness.ts). */
  stopReadiness: () => void;
  /** Makes every response, those in flight included, end its connection (drain.ts). */
  drainConnections: () => void;
  /** Completes every subscription (SSE gets its complete event). */
  closeSubscriptions: () => Promise<void>;
  /** Closes every graphql-ws socket with 1001 and stops accepting new ones. */
  closeSockets: () => Promise<void>;
  /**
   * Run in order once no request is left: a mutation finishing during the drain still hands its
   * work to a running engine, and still has its rate limiter (the engine, Yoga, events, Redis, the
   * database).
   */
  afterRequests: (() => void | Promise<void>)[];
}

/** The graceful close: the first call runs it, every call returns the same promise. */
export function gracefulClose(steps: ShutdownSteps): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => {
    closing ??= (async () => {
      const { server } = steps;
      steps.stopReadiness();
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      steps.drainConnections();
      await steps.closeSubscriptions();
      await steps.closeSockets();
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await drained;
      clearTimeout(grace);
      for (const step of steps.afterRequests) await step();
    })();
    return closing;
  };
}
