/**
 * The reference: a bare node:http server answering every request with the very bytes (and headers)
 * the gateway answered the benchmarked request with. Runs in its own process, like the gateway.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

let body = Buffer.alloc(0);
let contentType = "application/json; charset=utf-8";

const server = createServer((req, res) => {
  // The request body is read (as the gateway must) before answering.
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": contentType, "content-length": body.length });
    res.end(body);
  });
});

process.on("message", (message: { body: string; contentType: string } | "close") => {
  if (message === "close") {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    return;
  }
  body = Buffer.from(message.body);
  contentType = message.contentType;
  process.send?.({ loaded: body.length });
});

server.listen(0, "127.0.0.1", () => {
  process.send?.({ ready: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
// The bench that started this process is gone: so is the reason to run.
process.on("disconnect", () => process.exit(0));
