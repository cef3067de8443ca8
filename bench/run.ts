/**
 * `npm run bench`: the console's list query and subscription fan-out against an in-process
 * gateway on a fresh SQLite database. Prints a Markdown table; the README keeps the latest figures.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { loadConfig } from "../src/config.ts";
import type { Clock } from "../src/domain/clock.ts";
import { startApp } from "../src/server/app.ts";

const INSTANCES = 500;
const LIST_REQUESTS = 200;
const SUBSCRIBERS = 500;

class BenchClock implements Clock {
  private current = Date.parse("2026-11-27T10:00:00.000Z");
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current += ms;
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "image-gateway-bench-"));
  const clock = new BenchClock();
  const app = await startApp(
    {
      ...loadConfig({}),
      port: 0,
      host: "127.0.0.1",
      databaseUrl: `file:${join(dir, "bench.db")}`,
      logLevel: "error",
      progressIntervalMs: 3_600_000,
    },
    { clock },
  );
  const post = async <T = unknown>(query: string, variables?: object): Promise<T> => {
    const response = await fetch(`${app.origin}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer demo-key" },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const create = `mutation($input: CreateInstanceInput!) { createInstance(input: $input) { instance { id } userErrors { message } } }`;
  for (let i = 0; i < INSTANCES; i++) {
    await post(create, {
      input: {
        regionId: "cn-hangzhou",
        name: `bench-${i}`,
        imageId: "ubuntu_22_04_x64_20G_alibase",
        dataDisks: [{ sizeGiB: 40 }, { sizeGiB: 100 }],
      },
    });
  }

  const list = `query { instances(first: 100) { totalCount edges { node { id name status region { id name } disks { id type device sizeGiB status } } } } }`;
  const latencies: number[] = [];
  app.statementLog.reset();
  const started = performance.now();
  for (let i = 0; i < LIST_REQUESTS; i++) {
    const t0 = performance.now();
    await post(list);
    latencies.push(performance.now() - t0);
  }
  const elapsed = performance.now() - started;
  const statementsPerList = app.statementLog.statements.length / LIST_REQUESTS;
  latencies.sort((a, b) => a - b);

  // Fan-out: many subscribers on one image; one engine tick must reach all without database reads per subscriber.
  type Instances = { instances: { edges: { node: { id: string } }[] } };
  const firstPage = await post<Instances>(`{ instances(first: 1) { edges { node { id } } } }`);
  const instanceId = firstPage.instances.edges[0]!.node.id;
  const image = await post<{ createCustomImage: { image: { id: string } } }>(
    `mutation($input: CreateCustomImageInput!) { createCustomImage(input: $input) { image { id } userErrors { message } } }`,
    { input: { instanceId, name: "bench-image" } },
  );
  const imageId = image.createCustomImage.image.id;
  const clients = Array.from({ length: SUBSCRIBERS }, () =>
    createClient({
      url: `${app.origin.replace("http", "ws")}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: "Bearer demo-key" },
    }),
  );
  const counts = new Array<number>(SUBSCRIBERS).fill(0);
  let waiter: (() => void) | null = null;
  let target = 1;
  const check = () => {
    if (waiter && counts.every((c) => c >= target)) waiter();
  };
  clients.forEach((client, i) => {
    client.subscribe(
      {
        query: `subscription($id: ID!) { imageProgress(imageId: $id) { sequence done image { status progress } snapshot { id progress status } } }`,
        variables: { id: imageId },
      },
      {
        next: () => {
          counts[i]! += 1;
          check();
        },
        error: (e) => console.error(e),
        complete: () => undefined,
      },
    );
  });
  await new Promise<void>((resolve) => {
    waiter = resolve;
    check();
  });
  // One tick moves all three snapshots: three events to every subscriber.
  target = 4;
  app.statementLog.reset();
  const t0 = performance.now();
  const delivered = new Promise<void>((resolve) => {
    waiter = resolve;
  });
  clock.advance(1000);
  await app.engine.tick();
  await delivered;
  const fanoutMs = performance.now() - t0;
  const fanoutStatements = app.statementLog.statements.length;
  await Promise.all(clients.map((c) => c.dispose()));
  await app.close();
  rmSync(dir, { recursive: true, force: true });

  const rows = [
    [
      `instances(first: 100) with disks and region, ${INSTANCES} instances`,
      `p50 ${latencies[Math.floor(LIST_REQUESTS / 2)]!.toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms, ${(LIST_REQUESTS / (elapsed / 1000)).toFixed(0)} req/s sequential, ${statementsPerList.toFixed(1)} SQL statements each`,
    ],
    [
      `one progress tick to ${SUBSCRIBERS} graphql-ws subscribers (3 events each)`,
      `${fanoutMs.toFixed(0)} ms until all received, ${fanoutStatements} SQL statements in all`,
    ],
  ];
  console.log(
    `| benchmark (node ${process.version}, ${new Date().toISOString().slice(0, 10)}) | result |\n|---|---|`,
  );
  for (const [name, result] of rows) console.log(`| ${name} | ${result} |`);
}

await main();
process.exit(0);
