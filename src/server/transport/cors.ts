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

export function corsPolicy(allowList: readonly string[], development: boolean) {
  return (request: Request) => {
    const origin = request.headers.get("origin");
    if (!origin || !isAllowedOrigin(origin, request.headers.get("host"), allowList, development))
      return false;
    return {
      origin,
      credentials: false,
      methods: ["GET", "POST", "OPTIONS"],
      allowedHeaders: ["authorization", "content-type", "accept"],
      maxAge: 600,
    };
  };
}
