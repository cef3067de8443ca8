import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

/** Cache-Control for a page whose content changes with a deploy: always revalidated, by ETag. */
export const REVALIDATE = "no-cache";
/** Cache-Control for a file whose name changes with its content (a hashed bundle). */
export const IMMUTABLE = "public, max-age=31536000, immutable";

export interface AssetContent {
  body: Buffer;
  contentType: string;
}

export interface StaticAsset {
  serve(req: IncomingMessage, res: ServerResponse): void;
}

type Encoding = "br" | "gzip" | "identity";

interface Prepared {
  etag: string;
  contentType: string;
  bodies: Record<Encoding, Buffer>;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

async function prepare(content: AssetContent): Promise<Prepared> {
  const [br, gz] = await Promise.all([
    brotliAsync(content.body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 9,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.body.length,
      },
    }),
    gzipAsync(content.body, { level: 9 }),
  ]);
  const etag = `"${createHash("sha256").update(content.body).digest("base64url").slice(0, 27)}"`;
  return { etag, contentType: content.contentType, bodies: { br, gzip: gz, identity: content.body } };
}

/** The client's preferred encoding among br, gzip and none (Accept-Encoding with q-values). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (name: string) => weights.get(name) ?? weights.get("*") ?? 0;
  const best = (["br", "gzip"] as const).filter((name) => weight(name) > 0);
  best.sort((a, b) => weight(b) - weight(a));
  return best[0] ?? "identity";
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === etag || tag === "*");
}

/**
 * One file or page served with an ETag (a 304 when the client has it), Cache-Control, and gzip/br
 * variants compressed once, when it is first asked for, instead of on every request. Content is
 * loaded once: an asset that changes needs a new StaticAsset (a restart, for a deploy).
 */
export function staticAsset(load: () => Promise<AssetContent>, cacheControl: string): StaticAsset {
  let prepared: Promise<Prepared> | null = null;
  const ready = () => {
    prepared ??= load().then(prepare);
    // A failed load is retried on the next request.
    prepared.catch(() => {
      prepared = null;
    });
    return prepared;
  };
  return {
    serve(req, res) {
      ready().then(
        (asset) => {
          const headers = { etag: asset.etag, "cache-control": cacheControl, vary: "Accept-Encoding" };
          if (matches(req.headers["if-none-match"], asset.etag)) {
            res.writeHead(304, headers).end();
            return;
          }
          const encoding = chooseEncoding(req.headers["accept-encoding"]);
          const body = asset.bodies[encoding];
          res.writeHead(200, {
            ...headers,
            "content-type": asset.contentType,
            "content-length": body.length,
            ...(encoding === "identity" ? {} : { "content-encoding": encoding }),
          });
          res.end(req.method === "HEAD" ? undefined : body);
        },
        () => {
          res
            .writeHead(500, { "content-type": "text/plain; charset=utf-8" })
            .end("The page could not be loaded.\n");
        },
      );
    },
  };
}
