import { DEMO_KEY, type TestApp } from "../support/app.ts";
import { gql, sseText, wsClient, wsCollect } from "../support/client.ts";
import { ViewerDocument } from "../support/documents/account.ts";
import { ConsoleInstancesDocument } from "../support/documents/instances.ts";
import { beforeAll, describe, expect, it } from "../support/test.ts";

let app: TestApp;
beforeAll(({ server }) => {
  app = server;
});

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${app.origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${DEMO_KEY}`, ...headers },
    body,
  });

describe("endpoints", () => {
  it("answers /healthz and /readyz", async () => {
    const health = await fetch(`${app.origin}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${app.origin}/readyz`);
    expect(ready.status).toBe(200);
  });

  it("serves GraphiQL with the demo key and an example operation preset", async () => {
    const page = await fetch(`${app.origin}/graphql`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("GraphiQL");
    expect(html).toContain(`Bearer ${DEMO_KEY}`);
    expect(html).toContain("createInstance");
    // Its assets are inline: the page works on a machine that reaches no CDN.
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|cdn\./);
  });

  it("answers GET queries too", async () => {
    const query = encodeURIComponent("{ viewer { name } }");
    const response = await fetch(`${app.origin}/graphql?query=${query}`, {
      headers: { authorization: `Bearer ${DEMO_KEY}`, accept: "application/json" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { viewer: { name: "demo" } } });
  });
});

describe("limits", () => {
  it("refuses a body that is not JSON with HTTP 400", async () => {
    const response = await post("{not json");
    expect(response.status).toBe(400);
  });

  it("refuses a body over 1 MiB with HTTP 413", async () => {
    const padding = "x".repeat(1024 * 1024 + 10);
    const response = await post(JSON.stringify({ query: "{ viewer { id } }", variables: { padding } }));
    expect(response.status).toBe(413);
  });

  it("takes chunked bodies (no Content-Length) within the limit, and refuses larger ones with 413", async () => {
    const { request } = await import("node:http");
    const send = (body: string) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request(`${app.origin}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${DEMO_KEY}` },
        });
        req.on("response", (res) => {
          let text = "";
          res.on("data", (chunk) => {
            text += chunk;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on("error", reject);
        // Two writes without a length: Node sends them chunked.
        const half = Math.floor(body.length / 2);
        req.write(body.slice(0, half));
        req.end(body.slice(half));
      });
    const small = await send(JSON.stringify({ query: "{ viewer { name } }" }));
    expect(small.status).toBe(200);
    expect(JSON.parse(small.text)).toMatchObject({ data: { viewer: { name: "demo" } } });
    const large = await send(
      JSON.stringify({ query: "{ viewer { name } }", variables: { pad: "x".repeat(1024 * 1024) } }),
    );
    expect(large.status).toBe(413);
  });

  it("rejects a document 40 levels deep with a GraphQL error and executes nothing", async () => {
    let selection = "id";
    for (let i = 0; i < 19; i++)
      selection = `instance { image { ${selection} } }`.replace("instance {", "sourceInstance {");
    const query = `{ images(first: 1) { edges { node { ${selection} } } } }`;
    const response = await post(JSON.stringify({ query }));
    const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(/depth/i);
  });

  it("rejects a document that is shallow but enormous (cost limit) with a GraphQL error", async () => {
    const block = "instances(first: 100) { edges { node { id name status disks { id device sizeGiB } } } }";
    const query = `{ ${Array.from({ length: 400 }, (_, i) => `a${i}: ${block}`).join(" ")} }`;
    const response = await post(JSON.stringify({ query }));
    const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(/cost/i);
  });

  it("lets the console's real queries through", async () => {
    const result = await gql(app.origin, ConsoleInstancesDocument, { first: 100 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.instances.totalCount).toBe(0);
  });

  it("refuses first above 100 with a GraphQL error", async () => {
    const result = await gql(app.origin, ConsoleInstancesDocument, { first: 101 });
    expect(result.errors?.[0]?.message).toMatch(/first/);
    expect(result.data).toBeNull();
  });
});

describe("authentication", () => {
  it("refuses HTTP without a key: 401 and UNAUTHENTICATED", async () => {
    const result = await gql(app.origin, ViewerDocument, undefined, null);
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a wrong key the same way", async () => {
    const result = await gql(app.origin, ViewerDocument, undefined, "not-a-key");
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("resolves the demo key to the demo account", async () => {
    const result = await gql(app.origin, ViewerDocument);
    expect(result.data?.viewer).toMatchObject({ name: "demo", imageQuotaPerRegion: 100 });
  });

  it("serves queries over graphql-ws with the key in connection_init", async () => {
    const client = wsClient(app.origin);
    const results = await wsCollect(client, ViewerDocument);
    expect(results).toMatchObject([{ data: { viewer: expect.objectContaining({ name: "demo" }) } }]);
    await client.dispose();
  });

  it("answers a malformed document over graphql-ws with a GraphQL error and keeps the socket", async () => {
    const client = wsClient(app.origin);
    const failure = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: "{ viewer { name " },
        { next: () => undefined, error: resolve, complete: () => resolve(null) },
      );
    });
    expect(Array.isArray(failure)).toBe(true);
    expect((failure as { message: string }[])[0]?.message).toMatch(/Syntax Error/);
    const results = await wsCollect(client, ViewerDocument);
    expect(results[0]?.data?.viewer.name).toBe("demo");
    await client.dispose();
  });

  it("closes a WebSocket with a bad key with code 4403", async () => {
    const client = wsClient(app.origin, "wrong");
    const failure = await wsCollect(client, ViewerDocument).catch((error: unknown) => error);
    expect((failure as { code?: number }).code).toBe(4403);
    await client.dispose();
  });

  it("refuses SSE without a key", async () => {
    const text = await sseText(app.origin, "{ viewer { id } }");
    expect(text).toContain("UNAUTHENTICATED");
  });
});
