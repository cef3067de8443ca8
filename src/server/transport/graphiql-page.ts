import type { IncomingMessage } from "node:http";
import type { GatewayYoga } from "../graphql/yoga.ts";
import { REVALIDATE, type StaticAsset, staticAsset } from "./static.ts";

/** Yoga's rule for rendering GraphiQL: a GET to the endpoint that accepts text/html. */
export function wantsGraphiql(req: IncomingMessage, endpoint: string): boolean {
  const path = (req.url ?? "/").split("?")[0];
  return (
    (req.method === "GET" || req.method === "HEAD") &&
    (path === endpoint || path === `${endpoint}/`) &&
    (req.headers.accept ?? "").includes("text/html")
  );
}

/**
 * The GraphiQL page (about 9 MB: its assets ship inline) as Yoga renders it, rendered once and
 * served as a static asset: br/gzip compressed once, with an ETag. The page does not depend on the
 * request (the query string is read by the page itself).
 */
export function graphiqlPage(yoga: GatewayYoga): StaticAsset {
  return staticAsset(async () => {
    const response = await yoga.fetch(`http://localhost${yoga.graphqlEndpoint}`, {
      headers: { accept: "text/html" },
    });
    if (response.status !== 200) throw new Error(`GraphiQL rendered with HTTP ${response.status}`);
    return {
      body: Buffer.from(await response.arrayBuffer()),
      contentType: response.headers.get("content-type") ?? "text/html",
    };
  }, REVALIDATE);
}
