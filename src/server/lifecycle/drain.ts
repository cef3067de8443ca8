import type { Server, ServerResponse } from "node:http";

/**
 * A graceful close waits for every connection to end, and a client's keep-alive connection that is
 * idle after its response would hold it for the whole grace period. Returns what starts the drain:
 * from then on each response, those in flight included, ends its connection.
 */
export function connectionDrainer(server: Server): () => void {
  const open = new Set<ServerResponse>();
  let draining = false;
  const endConnectionAfter = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader("connection", "close");
  };
  server.on("request", (_req, res: ServerResponse) => {
    if (draining) return endConnectionAfter(res);
    open.add(res);
    res.once("close", () => open.delete(res));
  });
  return () => {
    draining = true;
    for (const res of open) endConnectionAfter(res);
  };
}
