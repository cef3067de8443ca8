import { parse, print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.ts";
import { postBody, wsClient, wsCollect } from "../support/client.ts";
import { ViewerDocument } from "../support/documents/account.ts";
import { total } from "../support/prometheus.ts";

/** The README's bound: operation names kept as label values per process (METRICS_MAX_OPERATION_NAMES). */
const MAX_NAMES = 100;
const NAMES_SENT = 2_000;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

async function post(body: object): Promise<number> {
  const response = await postBody(app.origin, body);
  await response.arrayBuffer();
  return response.status;
}

/** Runs `count` requests, `parallel` at a time. */
async function flood(count: number, parallel: number, send: (n: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) await send(next++);
    }),
  );
}

/** Every series of a scrape: its name and its labels (comment lines left out). */
function series(text: string): { name: string; labels: string }[] {
  return text
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? \S+$/.exec(line);
      return { name: match?.[1] ?? line, labels: match?.[2] ?? "" };
    });
}

function operationNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const { labels } of series(text)) {
    const name = /operationName="((?:[^"\\]|\\.)*)"/.exec(labels)?.[1];
    if (name !== undefined) names.add(name);
  }
  return names;
}

describe("/metrics with client-chosen operation names", () => {
  it(`keeps ${NAMES_SENT} distinct operation names to a bounded number of series`, {
    timeout: 180_000,
  }, async () => {
    // Names the gateway saw first keep their own series.
    expect(await post({ query: print(ViewerDocument) })).toBe(200);
    await flood(NAMES_SENT, 16, async (n) =>
      expect(await post({ query: `query Op${n} { __typename }` })).toBe(200),
    );
    // A name that is no operation of the document (an error), and a name too long to be a label.
    await flood(100, 8, (n) => post({ query: "query A { __typename }", operationName: `Ghost${n}` }));
    expect(await post({ query: `query ${"L".repeat(5_000)} { __typename }` })).toBe(200);
    // graphql-ws counts the same way.
    const client = wsClient(app.origin);
    for (let n = 0; n < 50; n++) {
      const [result] = await wsCollect(client, parse(`query WsOp${n} { __typename }`));
      expect(result?.errors).toBeUndefined();
    }
    await client.dispose();

    // The time of a scrape is reported, not asserted (the bound on its size is).
    const times: number[] = [];
    let text = "";
    for (let n = 0; n < 5; n++) {
      const started = performance.now();
      text = await (await fetch(`${app.origin}/metrics`)).text();
      times.push(performance.now() - started);
    }
    const scrapeMs = times.sort((a, b) => a - b)[2] ?? 0;
    const lines = series(text);
    const names = operationNames(text);
    console.log(
      `metrics after ${NAMES_SENT + 151} names: ${lines.length} series, ${text.length} bytes, ` +
        `${names.size} operationName values, median scrape ${scrapeMs.toFixed(1)} ms of 5`,
    );

    // At most MAX_NAMES names of their own, plus the one that stands for every other, plus Anonymous.
    expect(names.size).toBeLessThanOrEqual(MAX_NAMES + 2);
    expect(names).toContain("Viewer");
    expect(names).toContain("(other)");
    expect([...names].every((name) => name.length <= 64)).toBe(true);
    // Every execution is still counted, under its own name or under (other).
    expect(total(text, "graphql_envelop_request", { operationType: "query" })).toBeGreaterThanOrEqual(
      NAMES_SENT + 50 + 2,
    );
    expect(total(text, "graphql_envelop_request", { operationName: "(other)" })).toBeGreaterThan(
      NAMES_SENT - MAX_NAMES,
    );
    // A scrape stays small: a few thousand series, whatever clients call their operations.
    expect(lines.length).toBeLessThanOrEqual(3_000);
    expect(text.length).toBeLessThanOrEqual(500_000);
  });
});
