import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_KEY, startTestApp, type TestApp } from "../support/app.ts";

let app: TestApp;
beforeAll(async () => {
  // An hour-long interval: the answer stays in the response cache for the whole test.
  app = await startTestApp({ config: { progressIntervalMs: 3_600_000 } });
});
afterAll(() => app?.close());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** The same bytes each time but for Host and Origin: node:http sends the Host it is given. */
function post(host: string, origin: string): Promise<Answer> {
  const body = JSON.stringify({ query: "query CorsProbe { regions { id } }" });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: app.port,
        path: "/graphql",
        method: "POST",
        headers: {
          host,
          origin,
          authorization: `Bearer ${DEMO_KEY}`,
          "content-type": "application/json",
          accept: "application/json",
          "content-length": Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("CORS with the response cache", () => {
  it("decides CORS for each request: an answer primed under another Host does not carry that Host's origin", async () => {
    const realHost = `127.0.0.1:${app.port}`;
    const primed = await post("evil.example", "http://evil.example");
    expect(primed.status).toBe(200);
    // For that Host, http://evil.example is the gateway's own origin.
    expect(primed.headers["access-control-allow-origin"]).toBe("http://evil.example");
    expect(app.responseCache?.size).toBe(1);

    const replayed = await post(realHost, "http://evil.example");
    expect(replayed.status).toBe(200);
    expect(JSON.parse(replayed.body).data).toEqual(JSON.parse(primed.body).data);
    // Served from the cache (still one entry), but without the other Host's CORS decision.
    expect(app.responseCache?.size).toBe(1);
    expect(replayed.headers["access-control-allow-origin"]).toBeUndefined();
    expect(Object.keys(replayed.headers).filter((name) => name.startsWith("access-control-"))).toEqual([]);
  });

  it("still allows the gateway's own origin on a cached answer", async () => {
    const realHost = `127.0.0.1:${app.port}`;
    const own = `http://${realHost}`;
    const first = await post(realHost, own);
    const again = await post(realHost, own);
    expect(first.headers["access-control-allow-origin"]).toBe(own);
    expect(again.headers["access-control-allow-origin"]).toBe(own);
    expect(again.headers["access-control-allow-methods"]).toBe(first.headers["access-control-allow-methods"]);
    expect(again.headers["access-control-allow-headers"]).toBe(first.headers["access-control-allow-headers"]);
  });
});
