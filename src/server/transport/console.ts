import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { CONSOLE_CSP, pageHeaders } from "./security-headers.ts";

/** Where `npm run console:build` (run by postinstall) writes the console. */
export const CONSOLE_DIST = fileURLToPath(new URL("../../console/dist/", import.meta.url));

export const CONSOLE_PREFIX = "/console";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

interface Asset {
  body: Buffer;
  etag: string;
  mtimeMs: number;
}

export interface ConsoleOptions {
  dist?: string;
  /** Offered on the sign-in page (development only). */
  demoApiKey?: string;
  /** Serve the bundle's source maps (development only: they hold the console's whole source). */
  sourceMaps?: boolean;
}

export function isConsolePath(path: string | undefined): boolean {
  if (path === undefined) return false;
  return path === CONSOLE_PREFIX || path.startsWith(`${CONSOLE_PREFIX}/`);
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * Serves the built console: files under /console/, index.html for every other path (client
 * routes). Vite's hashed assets (/console/assets/*) never change, so browsers may keep them
 * forever; index.html is revalidated on every load so a new build is picked up at once.
 */
export function createConsoleHandler(options: ConsoleOptions = {}) {
  const dist = options.dist ?? CONSOLE_DIST;
  const cache = new Map<string, Asset>();
  const meta = options.demoApiKey
    ? `<meta name="demo-api-key" content="${escapeAttribute(options.demoApiKey)}">`
    : "";

  async function load(file: string): Promise<Asset | null> {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    const cached = cache.get(file);
    if (cached && cached.mtimeMs === info.mtimeMs) return cached;
    let body = await readFile(file);
    if (file.endsWith(".html") && meta)
      body = Buffer.from(body.toString("utf8").replace("</head>", `${meta}</head>`));
    const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
    const asset = { body, etag, mtimeMs: info.mtimeMs };
    cache.set(file, asset);
    return asset;
  }

  function send(req: IncomingMessage, res: ServerResponse, asset: Asset, file: string, immutable: boolean) {
    res.setHeader("content-type", CONTENT_TYPES[extname(file)] ?? "application/octet-stream");
    res.setHeader("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    res.setHeader("etag", asset.etag);
    res.setHeader("x-content-type-options", "nosniff");
    if (req.headers["if-none-match"] === asset.etag) {
      res.writeHead(304);
      res.end();
      return;
    }
    res.setHeader("content-length", asset.body.length);
    res.writeHead(200);
    res.end(req.method === "HEAD" ? undefined : asset.body);
  }

  function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) {
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
    res.end(text);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== "GET" && req.method !== "HEAD") {
      return plain(res, 405, "The console answers GET and HEAD only.", { allow: "GET, HEAD" });
    }
    // The URL parser resolves dot segments (also %2e%2e): what is left must still be the console's.
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    if (!isConsolePath(pathname)) return plain(res, 404, "Not found.");
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(CONSOLE_PREFIX.length)).replace(/^\/+/, "");
    } catch {
      return plain(res, 400, "Malformed path.");
    }
    if (!options.sourceMaps && extname(relative) === ".map") return plain(res, 404, "Not found.");
    const file = normalize(join(dist, relative));
    if (file !== dist && !file.startsWith(dist.endsWith(sep) ? dist : dist + sep)) {
      return plain(res, 404, "Not found.");
    }
    const asset = relative === "" ? null : await load(file);
    if (asset) return send(req, res, asset, file, relative.startsWith("assets/"));
    // A missing file with an extension is a missing file; anything else is a client route.
    if (extname(relative) !== "") return plain(res, 404, "Not found.");
    const indexFile = join(dist, "index.html");
    const index = await load(indexFile);
    if (!index) {
      return plain(res, 503, "The console is not built: run `npm run console:build` (npm install runs it).");
    }
    send(req, res, index, indexFile, false);
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    pageHeaders(res, CONSOLE_CSP);
    handle(req, res).catch(() => {
      if (!res.headersSent) plain(res, 500, "Unexpected error.");
      else res.destroy();
    });
  };
}

export type ConsoleHandler = ReturnType<typeof createConsoleHandler>;
