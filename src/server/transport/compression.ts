import type { IncomingMessage, ServerResponse } from "node:http";
import compression from "compression";

/** Responses smaller than this go out as they are: compressing them saves less than it costs. */
export const COMPRESS_ABOVE_BYTES = 1024;

/** Streams that must reach the client event by event: compressing them would buffer events. */
const STREAMING = /^(text\/event-stream|multipart\/mixed)/i;

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * gzip or br (as the client's Accept-Encoding prefers) for responses above COMPRESS_ABOVE_BYTES,
 * through the `compression` middleware on the node:http response. Server-sent events and multipart
 * streams pass through untouched, so every event is written as it happens; responses that already
 * carry a Content-Encoding (precompressed static assets) are left as they are.
 */
export function compressResponses(): Middleware {
  const middleware = compression({
    threshold: COMPRESS_ABOVE_BYTES,
    filter: (req, res) => {
      if (STREAMING.test(String(res.getHeader("content-type") ?? ""))) return false;
      return compression.filter(req, res);
    },
  });
  return middleware as unknown as Middleware;
}
