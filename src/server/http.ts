import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { MAX_BODY_BYTES } from "./limits.ts";
import type { GatewayYoga } from "./yoga.ts";

export interface HttpDeps {
  yoga: GatewayYoga;
  /** Resolves true when every backing service answers. */
  ready: () => Promise<boolean>;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

/** Refuses bodies over the limit before Yoga reads them (RUNTIME.md: 1 MiB, HTTP 413). */
function bodyRefusal(req: IncomingMessage): { status: number; message: string } | null {
  if (req.method !== "POST") return null;
  const length = req.headers["content-length"];
  if (length === undefined) {
    if (req.headers["transfer-encoding"]) {
      return { status: 411, message: "Send the request with a Content-Length header." };
    }
    return null;
  }
  if (Number(length) > MAX_BODY_BYTES) {
    return { status: 413, message: `The request body is larger than ${MAX_BODY_BYTES} bytes.` };
  }
  return null;
}

export function createHttpServer({ yoga, ready }: HttpDeps) {
  return createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/healthz") return json(res, 200, { status: "ok" });
    if (path === "/readyz") {
      ready().then(
        (ok) => json(res, ok ? 200 : 503, { status: ok ? "ready" : "unavailable" }),
        () => json(res, 503, { status: "unavailable" }),
      );
      return;
    }
    const refusal = bodyRefusal(req);
    if (refusal) {
      res.setHeader("connection", "close");
      return json(res, refusal.status, { errors: [{ message: refusal.message }] });
    }
    yoga(req, res);
  });
}
