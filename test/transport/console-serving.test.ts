import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSOLE_DIST, createConsoleHandler } from "../../src/server/transport/console.ts";
import { startTestApp } from "../support/app.ts";

const dist = mkdtempSync(join(tmpdir(), "console-dist-"));
mkdirSync(join(dist, "assets"));
writeFileSync(
  join(dist, "index.html"),
  '<!doctype html><html><head><title>c</title></head><body><script src="/console/assets/app-abc123.js"></script></body></html>',
);
writeFileSync(join(dist, "assets", "app-abc123.js"), "console.log('app');");

async function serve(options: {
  demoApiKey?: string;
  dist?: string;
}): Promise<{ server: Server; origin: string }> {
  const handler = createConsoleHandler({ dist, ...options });
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let dev: { server: Server; origin: string };
let production: { server: Server; origin: string };
beforeAll(async () => {
  dev = await serve({ demoApiKey: "demo-key" });
  production = await serve({});
});
afterAll(() => {
  dev.server.close();
  production.server.close();
  rmSync(dist, { recursive: true, force: true });
});

describe("the console's files", () => {
  it("serves index.html at /console and for client routes, revalidated on every load", async () => {
    for (const path of [
      "/console",
      "/console/",
      "/console/images?region=cn-shanghai",
      "/console/instances/extra",
    ]) {
      const response = await fetch(`${dev.origin}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("no-cache");
      expect(await response.text()).toContain("/console/assets/app-abc123.js");
    }
  });

  it("offers the demo key in development only", async () => {
    expect(await (await fetch(`${dev.origin}/console/`)).text()).toContain(
      '<meta name="demo-api-key" content="demo-key">',
    );
    expect(await (await fetch(`${production.origin}/console/`)).text()).not.toContain("demo-api-key");
  });

  it("lets browsers keep hashed assets forever and revalidates with ETag", async () => {
    const asset = await fetch(`${dev.origin}/console/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const etag = asset.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fetch(`${dev.origin}/console/assets/app-abc123.js`, {
      headers: { "if-none-match": etag! },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");

    const index = await fetch(`${dev.origin}/console/`);
    const revalidated = await fetch(`${dev.origin}/console/images`, {
      headers: { "if-none-match": index.headers.get("etag")! },
    });
    expect(revalidated.status).toBe(304);
  });

  it("answers HEAD without a body and refuses other methods", async () => {
    const head = await fetch(`${dev.origin}/console/assets/app-abc123.js`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe("19");
    const post = await fetch(`${dev.origin}/console/`, { method: "POST", body: "x" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });

  it("answers 404 for a missing file and for paths that climb out of the console", async () => {
    expect((await fetch(`${dev.origin}/console/assets/missing-1234.js`)).status).toBe(404);
    for (const path of [
      "/console/%2e%2e/package.json",
      "/console/..%2f..%2fpackage.json",
      "/console/%2e%2e%2fsrc%2fmain.ts",
    ]) {
      expect((await fetch(`${dev.origin}${path}`)).status, path).toBe(404);
    }
  });

  it("says how to build it when the build is missing", async () => {
    const unbuilt = await serve({ dist: join(dist, "nowhere") });
    const response = await fetch(`${unbuilt.origin}/console/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("npm run console:build");
    unbuilt.server.close();
  });
});

describe("the gateway", () => {
  // npm install builds the console (postinstall); without the build this fails and says so.
  it("serves the built console in production too, without the demo key, while GraphiQL is off", async () => {
    expect(existsSync(join(CONSOLE_DIST, "index.html")), "the console is built (npm run console:build)").toBe(
      true,
    );
    const app = await startTestApp({ config: { development: false } });
    try {
      const page = await fetch(`${app.origin}/console/images`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toMatch(/<script type="module" crossorigin src="\/console\/assets\/index-[\w-]+\.js">/);
      expect(html).not.toContain("demo-api-key");
      const script = html.match(/src="(\/console\/assets\/[^"]+)"/)?.[1];
      const asset = await fetch(`${app.origin}${script}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get("cache-control")).toContain("immutable");
      const graphiql = await fetch(`${app.origin}/graphql`, { headers: { accept: "text/html" } });
      expect(await graphiql.text()).not.toContain("GraphiQL");
    } finally {
      await app.close();
    }
  });
});
