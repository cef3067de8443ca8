import type { IncomingMessage } from "node:http";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Which browser origins may call the API: the gateway's own (the Origin's host is the request's
 * Host), those in CORS_ORIGINS, and in development any http://localhost or 127.0.0.1 port. An
 * unknown origin gets no CORS headers at all, so the browser keeps the answer from it. Keys travel
 * in a header, never in cookies: no credentials are allowed.
 */
export function isAllowedOrigin(
  origin: string,
  host: string | null,
  allowList: readonly string[],
  development: boolean,
): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false;
  if (host && url.host === host.toLowerCase()) return true;
  if (allowList.includes(origin)) return true;
  return (
    development && (url.protocol === "http:" || url.protocol === "https:") && LOCAL_HOSTS.has(url.hostname)
  );
}

const METHODS = ["GET", "POST", "OPTIONS"];
const ALLOWED_HEADERS = ["authorization", "content-type", "accept"];
const MAX_AGE_SECONDS = 600;

export function corsPolicy(allowList: readonly string[], development: boolean) {
  return (request: Request) => {
    const origin = request.headers.get("origin");
    if (!origin || !isAllowedOrigin(origin, request.headers.get("host"), allowList, development))
      return false;
    return {
      origin,
      credentials: false,
      methods: METHODS,
      allowedHeaders: ALLOWED_HEADERS,
      maxAge: MAX_AGE_SECONDS,
    };
  };
}

/** The CORS headers of one request, decided from its own Origin and Host. */
export type CorsHeaders = (req: IncomingMessage) => Record<string, string>;

/**
 * The headers Yoga's CORS plugin sends under `corsPolicy`, for an answer sent without Yoga (a
 * response-cache hit): a cached answer is stored without them, since "own origin" depends on Host.
 */
export function corsHeaders(allowList: readonly string[], development: boolean): CorsHeaders {
  return (req): Record<string, string> => {
    const origin = req.headers.origin;
    if (!origin || !isAllowedOrigin(origin, req.headers.host ?? null, allowList, development)) return {};
    return {
      "access-control-allow-origin": origin,
      "access-control-allow-methods": METHODS.join(", "),
      "access-control-allow-headers": ALLOWED_HEADERS.join(", "),
      "access-control-max-age": String(MAX_AGE_SECONDS),
    };
  };
}

/** A response's headers without the CORS ones (what the response cache keeps). */
export function withoutCors(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith("access-control-")));
}
