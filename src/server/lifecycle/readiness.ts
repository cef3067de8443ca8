import type { IncomingMessage, ServerResponse } from "node:http";
import { json } from "../transport/http.ts";

/** A backing service that hangs this long is as unready as one that refuses. */
export const READY_TIMEOUT_MS = 2_000;

export interface Readiness {
  /** GET /healthz: 200 while the process is up. */
  health(req: IncomingMessage, res: ServerResponse): void;
  /** GET /readyz: 200 when every check answers in time, 503 otherwise and once shutdown began. */
  ready(req: IncomingMessage, res: ServerResponse): void;
  /** From now on the process is not ready: load balancers stop sending it new work. */
  stop(): void;
}

/**
 * The probes. `check` asks every backing service (the database, and Redis where configured); it
 * resolves true when all answer. (Yoga's useReadinessCheck was not used: it matches any URL that
 * ends with the endpoint, query string included, so `GET /graphql?x=/readyz` would be a probe.)
 */
export function createReadiness(check: () => Promise<boolean>): Readiness {
  let stopped = false;
  const answer = (res: ServerResponse, ok: boolean) =>
    json(res, ok ? 200 : 503, { status: ok ? "ready" : "unavailable" });
  return {
    health: (_req, res) => json(res, 200, { status: "ok" }),
    ready(_req, res) {
      if (stopped) return answer(res, false);
      const timeout = new Promise<boolean>((resolve) =>
        setTimeout(() => resolve(false), READY_TIMEOUT_MS).unref(),
      );
      Promise.race([check(), timeout]).then(
        (ok) => answer(res, ok),
        () => answer(res, false),
      );
    },
    stop() {
      stopped = true;
    },
  };
}
