import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { connect } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { print } from "graphql";
import { COMPRESS_ABOVE_BYTES } from "../../src/server/transport/compression.ts";
import { chooseEncoding } from "../../src/server/transport/static.ts";
import { DEMO_KEY, startTestApp, type TestApp } from "../support/app.ts";
import { advanceAndStep, ManualClock } from "../support/clock.ts";
import { ViewerDocument } from "../support/documents/account.ts";
import { ImageProgressDocument, RegionsAndSystemImagesDocument } from "../support/documents/images.ts";
import { newImage } from "../support/fixtures.ts";
import { beforeAll, describe, expect, it, useServer } from "../support/test.ts";

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A request whose response bytes are read as sent (fetch would decompress them out of sight). */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? "GET", headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

function graphqlPost(app: TestApp, body: unknown, headers: Record<string, string> = {}): Promise<Raw> {
  return raw(`${app.origin}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json",
      authorization: `Bearer ${DEMO_KEY}`,
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

const clock = new ManualClock();
let app: TestApp;

useServer({ clock, config: { progressIntervalMs: 3_600_000 } });
beforeAll(({ server }) => {
  app = server;
});

describe("the GraphiQL page", () => {
  const page = () => `${app.origin}/graphql?query=${encodeURIComponent("{ viewer { id } }")}`;

  it("is sent br or gzip compressed, under 3 MB, with an ETag and Cache-Control", async () => {
    const plain = await raw(page(), { headers: { accept: "text/html" } });
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toContain("<html");
    expect(plain.body.length).toBeGreaterThan(3_000_000);

    const br = await raw(page(), {
      headers: { accept: "text/html", "accept-encoding": "gzip, deflate, br" },
    });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.body.length).toBeLessThan(3_000_000);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);

    const gzip = await raw(page(), { headers: { accept: "text/html", "accept-encoding": "gzip" } });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.body.length).toBeLessThan(3_000_000);
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);

    for (const response of [plain, br, gzip]) {
      expect(response.headers["cache-control"]).toBe("no-cache");
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(response.headers.etag).toBe(plain.headers.etag);
    }
    expect(plain.headers.etag).toMatch(/^"[\w-]+"$/);
  });

  it("answers 304 with no body to a client that has it", async () => {
    const first = await raw(page(), { headers: { accept: "text/html" } });
    const again = await raw(page(), {
      headers: { accept: "text/html", "if-none-match": String(first.headers.etag) },
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(first.headers.etag);
  });

  it("chooses the encoding by Accept-Encoding and its q-values", () => {
    expect(chooseEncoding(undefined)).toBe("identity");
    expect(chooseEncoding("gzip, br")).toBe("br");
    expect(chooseEncoding("br;q=0.5, gzip")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0")).toBe("identity");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("identity")).toBe("identity");
  });
});

describe("JSON responses", () => {
  it("are compressed above a small size, and small ones are not", async () => {
    const large = await graphqlPost(
      app,
      { query: print(RegionsAndSystemImagesDocument), variables: { first: 50 } },
      { "accept-encoding": "gzip" },
    );
    expect(large.status).toBe(200);
    expect(large.headers["content-encoding"]).toBe("gzip");
    const json = gunzipSync(large.body);
    expect(json.length).toBeGreaterThan(COMPRESS_ABOVE_BYTES);
    expect(JSON.parse(json.toString("utf8")).data.regions.length).toBeGreaterThan(0);

    const brotli = await graphqlPost(
      app,
      { query: print(RegionsAndSystemImagesDocument), variables: { first: 50 } },
      { "accept-encoding": "br" },
    );
    expect(brotli.headers["content-encoding"]).toBe("br");
    // The same data; extensions.cost tells the rate bucket, which the first request drew on.
    const data = (body: Buffer) => JSON.parse(body.toString("utf8")).data;
    expect(data(brotliDecompressSync(brotli.body))).toEqual(data(json));

    const small = await graphqlPost(app, { query: print(ViewerDocument) }, { "accept-encoding": "gzip, br" });
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.body.length).toBeLessThan(COMPRESS_ABOVE_BYTES);
    expect(JSON.parse(small.body.toString("utf8")).data.viewer.name).toBe("demo");
  });
});

describe("server-sent events", () => {
  it("are never compressed or buffered: each event arrives as it happens", async () => {
    const created = await newImage(
      app.origin,
      { name: "sse-image" },
      {
        name: "sse-vm",
      },
    );
    const imageId = created.id;
    const events: string[] = [];
    let headers: IncomingHttpHeaders = {};
    let onEvent: () => void = () => undefined;
    const req = httpRequest(`${app.origin}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "text/event-stream",
        "accept-encoding": "gzip, br",
        authorization: `Bearer ${DEMO_KEY}`,
      },
    });
    const done = new Promise<void>((resolve, reject) => {
      req.on("response", (res) => {
        headers = res.headers;
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          events.push(chunk);
          onEvent();
        });
        res.on("end", resolve);
      });
      req.on("error", reject);
    });
    const nextEvent = (test: () => boolean) =>
      new Promise<void>((resolve) => {
        onEvent = () => test() && resolve();
        if (test()) resolve();
      });
    req.end(JSON.stringify({ query: print(ImageProgressDocument), variables: { imageId } }));

    // The first event (sequence 1) reaches the client while the image is still in progress.
    await nextEvent(() => events.join("").includes('"sequence":1'));
    // Yoga marks the stream "none" so that proxies leave it alone too.
    expect([undefined, "none"]).toContain(headers["content-encoding"]);
    expect(headers["content-type"]).toMatch(/^text\/event-stream/);
    await advanceAndStep(app, clock, 60_000);
    await nextEvent(() => events.join("").includes("event: complete"));
    await done;
    expect(events.join("")).toContain('"done":true');
  });
});

describe("readiness during shutdown", () => {
  it("answers 503 as soon as shutdown begins, on a connection that was already open", async () => {
    const own = await startTestApp({ clock, config: { progressIntervalMs: 3_600_000 } });
    expect((await fetch(`${own.origin}/readyz`)).status).toBe(200);
    const socket = connect(own.port, "127.0.0.1");
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    let response = "";
    socket.setEncoding("utf8");
    const answered = new Promise<void>((resolve) => {
      socket.on("data", (chunk: string) => {
        response += chunk;
        if (response.includes("}")) resolve();
      });
    });
    // The request's last line is sent once shutdown has begun.
    socket.write("GET /readyz HTTP/1.1\r\nHost: gateway\r\n");
    await new Promise((resolve) => setImmediate(resolve));
    const closed = own.close();
    socket.write("\r\n");
    await answered;
    socket.destroy();
    await closed;
    expect(response).toMatch(/^HTTP\/1\.1 503 /);
    expect(response).toContain('"status":"unavailable"');
  });
});
