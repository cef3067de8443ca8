/** Load: A (the gateway) and B (the raw node:http server) alternately, every body checked. */
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { check, postRaw } from "./http.ts";
import { CONNECTIONS, DURATION, KEY, ROUNDS } from "./options.ts";
import { type Child, loadRaw, profiled } from "./processes.ts";
import { median, percentile, round } from "./stats.ts";

/**
 * Whether a body is the expected answer: the same `data`, byte for byte, and an `extensions.cost`
 * of the same shape and cost. Only the bucket's `currentlyAvailable` may differ (every request,
 * cache hits too, takes its cost from the account's bucket).
 */
export function sameAnswer(expected: string): (body: string) => boolean {
  const at = expected.lastIndexOf(',"extensions":{"cost":');
  if (at < 0) return (body) => body === expected;
  const data = expected.slice(0, at);
  const escaped = expected.slice(at).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const tail = new RegExp(`^${escaped.replace(/"currentlyAvailable":\d+/, '"currentlyAvailable":\\d+')}$`);
  return (body) => body.startsWith(data) && tail.test(body.slice(at));
}

export interface LoadRun {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  wrong: number;
}

export async function load(
  origin: string,
  query: string,
  variables: object | undefined,
  expected: string,
  options: { unique: boolean; connections: number; duration: number },
): Promise<LoadRun> {
  let wrong = 0;
  let counter = 0;
  const body = JSON.stringify({ query, variables });
  const same = sameAnswer(expected);
  const result = await autocannon({
    url: `${origin}/graphql`,
    connections: options.connections,
    duration: options.duration,
    requests: [
      {
        method: "POST",
        // No Accept-Encoding: the gateway answers uncompressed, byte for byte what the raw server sends.
        headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` },
        body,
        // A variable no operation declares (graphql-js ignores it) makes every request's cache key
        // its own: each one is a miss and reaches the database.
        ...(options.unique
          ? {
              setupRequest: (request: autocannon.Request) => ({
                ...request,
                body: JSON.stringify({ query, variables: { ...variables, benchMiss: ++counter } }),
              }),
            }
          : {}),
        onResponse: (status, responseBody) => {
          if (status !== 200 || !same(responseBody)) wrong += 1;
        },
      },
    ],
  });
  return {
    rps: result.requests.total / (result.duration || options.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    wrong: wrong + result.errors + result.timeouts,
  };
}

export interface Comparison {
  what: string;
  connections: number;
  durationSeconds: number;
  bodyBytes: number;
  rounds: { gatewayRps: number; rawRps: number; ratio: number; p50: number; p99: number }[];
  medianRatio: number;
  gatewayRps: number;
  rawRps: number;
  p50: number;
  p99: number;
  wrongBodies: number;
  requests: number;
}

export async function compare(
  profileName: string,
  what: string,
  gateway: Child,
  raw: Child,
  query: string,
  variables: object | undefined,
  unique: boolean,
  checkBody: (text: string) => void,
): Promise<Comparison> {
  const reference = await postRaw(gateway.origin, query, variables);
  check(reference.status === 200, `${what}: HTTP ${reference.status}`);
  checkBody(reference.text);
  await loadRaw(raw, reference.text, reference.contentType);
  const options = { unique, connections: CONNECTIONS, duration: DURATION };
  // Warm-up: JIT, caches, connections.
  await load(gateway.origin, query, variables, reference.text, options);
  const rounds: Comparison["rounds"] = [];
  let wrong = 0;
  let requests = 0;
  await profiled(gateway, profileName, async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const a = await load(gateway.origin, query, variables, reference.text, options);
      const b = await load(raw.origin, query, variables, reference.text, { ...options, unique: false });
      check(b.wrong === 0, `${what}: the raw server answered wrongly`);
      wrong += a.wrong;
      requests += a.requests;
      rounds.push({
        gatewayRps: round(a.rps, 0),
        rawRps: round(b.rps, 0),
        ratio: round(a.rps / b.rps, 4),
        p50: a.p50,
        p99: a.p99,
      });
    }
  });
  return {
    what,
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    bodyBytes: Buffer.byteLength(reference.text),
    rounds,
    medianRatio: round(median(rounds.map((r) => r.ratio)), 4),
    gatewayRps: round(median(rounds.map((r) => r.gatewayRps)), 0),
    rawRps: round(median(rounds.map((r) => r.rawRps)), 0),
    p50: median(rounds.map((r) => r.p50)),
    p99: Math.max(...rounds.map((r) => r.p99)),
    wrongBodies: wrong,
    requests,
  };
}

export async function sequential(origin: string, query: string, variables: object, count: number) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const response = await postRaw(origin, query, { ...variables, benchMiss: i });
    times.push(performance.now() - t0);
    check(
      response.status === 200,
      `sequential request: HTTP ${response.status} ${response.text.slice(0, 300)}`,
    );
  }
  return { p50: round(percentile(times, 0.5), 2), p99: round(percentile(times, 0.99), 2) };
}
