import { print } from "graphql";
import type { TestApp } from "../support/app.ts";
import { gql, gqlData, wsClient } from "../support/client.ts";
import { advanceAndStep, ManualClock } from "../support/clock.ts";
import { ViewerDocument } from "../support/documents/account.ts";
import { CopyImageDocument } from "../support/documents/copies.ts";
import { ImageDocument, ImageProgressDocument } from "../support/documents/images.ts";
import { CreateInstanceDocument } from "../support/documents/instances.ts";
import { newImage } from "../support/fixtures.ts";
import { sample, total } from "../support/prometheus.ts";
import { subscribeWs } from "../support/stream.ts";
import { beforeAll, describe, expect, it, useServer } from "../support/test.ts";

const TOKEN = "scrape-secret";
const clock = new ManualClock();
let app: TestApp;

useServer({ clock, config: { progressIntervalMs: 3_600_000, metricsToken: TOKEN } });
beforeAll(({ server }) => {
  app = server;
});

const tick = (ms: number) => advanceAndStep(app, clock, ms);

async function scrape(): Promise<string> {
  const response = await fetch(`${app.origin}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

async function imageFrom(name: string): Promise<string> {
  const created = await newImage(
    app.origin,
    { name },
    {
      name: `${name}-vm`,
      dataDisks: [{ sizeGiB: 40 }],
    },
  );
  return created.id;
}

describe("GET /metrics", () => {
  it("needs METRICS_TOKEN when it is set", async () => {
    expect((await fetch(`${app.origin}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${app.origin}/metrics`, {
      headers: { authorization: "Bearer scrape-secreT" },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toBe("Bearer");
    // The demo API key is not the metrics token.
    expect(
      (await fetch(`${app.origin}/metrics`, { headers: { authorization: "Bearer demo-key" } })).status,
    ).toBe(401);
  });

  it("shows requests, errors, images, snapshots, copies, subscriptions and engine steps while an image is in progress", async () => {
    // A source image, made AVAILABLE, then copied six times to one region: five copy, one waits.
    const source = await imageFrom("metrics-source");
    await tick(13_000);
    expect((await gqlData(app.origin, ImageDocument, { id: source })).image?.status).toBe("AVAILABLE");
    for (let n = 0; n < 6; n += 1) {
      const copy = await gqlData(app.origin, CopyImageDocument, {
        input: { imageId: source, destinationRegionId: "cn-shanghai", name: `metrics-copy-${n}` },
      });
      expect(copy.copyImage.userErrors).toEqual([]);
    }
    const inProgress = await imageFrom("metrics-in-progress");
    const refused = await gql(app.origin, ViewerDocument, undefined, "not-a-key");
    expect(refused.status).toBe(401);

    // One subscriber on each transport.
    const client = wsClient(app.origin);
    const ws = subscribeWs(client, ImageProgressDocument, { imageId: inProgress });
    await ws.until((e) => e.imageProgress.sequence === 1);
    const aborted = new AbortController();
    const sse = await fetch(`${app.origin}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "text/event-stream",
        authorization: "Bearer demo-key",
      },
      body: JSON.stringify({ query: print(ImageProgressDocument), variables: { imageId: inProgress } }),
      signal: aborted.signal,
    });
    const reader = sse.body!.getReader();
    await reader.read();

    const text = await scrape();
    expect(sample(text, "gateway_subscriptions_open", { transport: "graphql-ws" })).toBe(1);
    expect(sample(text, "gateway_subscriptions_open", { transport: "http-sse" })).toBe(1);
    expect(sample(text, "gateway_images", { status: "CREATING" })).toBe(1 + 5);
    expect(sample(text, "gateway_images", { status: "WAITING" })).toBe(1);
    expect(sample(text, "gateway_copies_waiting", { region: "cn-shanghai" })).toBe(1);
    const progressing = await app.prisma.snapshot.count({ where: { status: "PROGRESSING" } });
    expect(progressing).toBeGreaterThan(0);
    expect(sample(text, "gateway_snapshots_in_progress")).toBe(progressing);
    expect(
      total(text, "graphql_envelop_request", {
        operationName: "CreateCustomImage",
        operationType: "mutation",
      }),
    ).toBe(2);
    expect(total(text, "graphql_envelop_request", { operationName: "CopyImage" })).toBe(6);
    expect(total(text, "graphql_envelop_request_duration_count", { operationName: "CopyImage" })).toBe(6);
    expect(total(text, "gateway_refused_requests_total", { code: "UNAUTHENTICATED" })).toBe(1);
    expect(total(text, "gateway_engine_step_duration_seconds_count", { step: "image" })).toBeGreaterThan(0);
    expect(text).not.toContain("demo-key");

    // Subscriptions that end are no longer counted.
    aborted.abort();
    await client.dispose();
    await expect
      .poll(async () => total(await scrape(), "gateway_subscriptions_open"), { timeout: 5_000 })
      .toBe(0);
  });

  it("counts userErrors by code", async () => {
    const refused = await gqlData(app.origin, CreateInstanceDocument, {
      input: { regionId: "cn-hangzhou", name: "x", imageId: "no-such-image" },
    });
    const codes = refused.createInstance.userErrors.map((error) => error.code);
    expect(codes.length).toBeGreaterThan(0);
    const text = await scrape();
    for (const code of new Set(codes)) {
      expect(sample(text, "gateway_user_errors_total", { operationName: "CreateInstance", code })).toBe(
        codes.filter((c) => c === code).length,
      );
    }
  });
});
