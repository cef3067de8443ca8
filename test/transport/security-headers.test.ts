import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSOLE_DIST } from "../../src/server/transport/console.ts";
import { DEMO_KEY, startTestApp, type TestApp } from "../support/app.ts";

/** The console build's source map (vite writes one beside the bundle). */
const SOURCE_MAP = readdirSync(join(CONSOLE_DIST, "assets")).find((name) => name.endsWith(".js.map"));

let development: TestApp;
let production: TestApp;
beforeAll(async () => {
  development = await startTestApp();
  production = await startTestApp({ config: { development: false } });
});
afterAll(async () => {
  await development?.close();
  await production?.close();
});

function expectNoFraming(response: Response) {
  expect(response.headers.get("x-frame-options")).toBe("DENY");
  expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
}

const query = (origin: string) =>
  fetch(`${origin}/graphql`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${DEMO_KEY}`,
      "content-type": "application/json",
      accept: "application/json",
    },
    body: JSON.stringify({ query: "query Headers { regions { id } }" }),
  });

describe("security headers", () => {
  it("/console may not be framed and runs under a CSP, in development and in production", async () => {
    for (const app of [development, production]) {
      for (const path of ["/console", "/console/images", "/console/missing.js"]) {
        const response = await fetch(`${app.origin}${path}`);
        expectNoFraming(response);
        expect(response.headers.get("x-content-type-options")).toBe("nosniff");
        const csp = response.headers.get("content-security-policy") ?? "";
        expect(csp).toContain("default-src 'none'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).not.toContain("unsafe-inline");
        expect(csp).not.toContain("unsafe-eval");
      }
    }
  });

  it("/graphql answers with X-Content-Type-Options: nosniff, executed, cached, refused and as GraphiQL", async () => {
    for (const app of [development, production]) {
      const executed = await query(app.origin);
      expect(executed.status).toBe(200);
      expect(executed.headers.get("x-content-type-options")).toBe("nosniff");
      const cached = await query(app.origin);
      expect(cached.headers.get("x-content-type-options")).toBe("nosniff");
      const refused = await fetch(`${app.origin}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ regions { id } }" }),
      });
      expect(refused.status).toBe(401);
      expect(refused.headers.get("x-content-type-options")).toBe("nosniff");
    }
    const graphiql = await fetch(`${development.origin}/graphql`, { headers: { accept: "text/html" } });
    expect(await graphiql.text()).toContain("GraphiQL");
    expect(graphiql.headers.get("x-content-type-options")).toBe("nosniff");
    // GraphiQL's page inlines its scripts: no script policy for it, but it may not be framed either.
    expectNoFraming(graphiql);
  });

  it("serves the console's source map in development only", async () => {
    expect(SOURCE_MAP, "the console build has a source map").toBeDefined();
    const inDevelopment = await fetch(`${development.origin}/console/assets/${SOURCE_MAP}`);
    expect(inDevelopment.status).toBe(200);
    const inProduction = await fetch(`${production.origin}/console/assets/${SOURCE_MAP}`);
    expect(inProduction.status).toBe(404);
    expect(await inProduction.text()).not.toContain("sourcesContent");
  });
});
