/** The table `npm run bench` prints at the end (markdown, for the README). */

import type { FanOut } from "../scenarios/fanout.ts";
import type { Comparison } from "./load.ts";

export function printTable(r: Record<string, unknown>) {
  const rows: [string, string, string][] = [];
  const cmp = (c: Comparison | undefined) => {
    if (!c) return;
    rows.push([
      `${c.what}, ${c.connections} connections, ${(c.bodyBytes / 1000).toFixed(1)} KB body`,
      `${c.gatewayRps} req/s, p50 ${c.p50} ms, p99 ${c.p99} ms, ${c.wrongBodies} wrong of ${c.requests}`,
      `raw node:http ${c.rawRps} req/s; ratio ${c.medianRatio} (rounds ${c.rounds.map((x) => x.ratio).join(", ")})`,
    ]);
  };
  cmp(r.consoleList as Comparison);
  cmp(r.consoleListMiss as Comparison);
  const alone = r.consoleListAlone as { p50: number; p99: number } | undefined;
  if (alone)
    rows.push(["console list, 1 connection (misses)", `p50 ${alone.p50} ms, p99 ${alone.p99} ms`, ""]);
  cmp(r.instanceList as Comparison);
  for (const key of ["statementsConsole", "statementsInFlight"]) {
    const s = r[key] as Record<string, number> | undefined;
    if (s)
      rows.push([
        key === "statementsConsole"
          ? "SQL statements per console list"
          : "SQL statements per list, images in flight",
        `first 1: ${s.first1}, first 20: ${s.first20}, first 100: ${s.first100}`,
        "target ≤ 4",
      ]);
  }
  const f = r.fanOut as FanOut | undefined;
  if (f) {
    rows.push([
      `fan-out: ${f.subscribers} graphql-ws subscribers on ${f.images} images, ${f.ticks} ticks`,
      `${f.kibPerSubscriberRss} KiB RSS (${f.kibPerSubscriberHeap} KiB heap) per subscriber, ${f.cpuMicrosPerEvent} µs server CPU per event, ${f.delivered} events`,
      `publish→client p50 ${f.spreadP50Ms} ms, p99 ${f.spreadP99Ms} ms; missed ${f.missed} (${f.subscribersMissing} subscribers)`,
    ]);
  }
  for (const key of ["createInstance", "createCustomImage"]) {
    const m = r[key] as
      | {
          count: number;
          inFlight: number;
          perSecond: number;
          failed: number;
          p50: number;
          p99: number;
          statementsEach: number;
          firstFailure?: string;
        }
      | undefined;
    if (m)
      rows.push([
        `${key}, ${m.count} at ${m.inFlight} in flight`,
        `${m.perSecond}/s${m.failed ? `, ${m.failed} of ${m.count} failed` : ""}`,
        `p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.statementsEach} SQL statements each${m.firstFailure ? `; first failure: ${m.firstFailure.replace(/\s+/g, " ").replace(/\|/g, "/")}` : ""}`,
      ]);
  }
  console.log(
    `\nimage-gateway bench, ${r.date}, ${r.database}${r.postgresVersion ? ` ${r.postgresVersion}` : ""}, node ${r.node}, ${r.cpus} cores, ${r.totalSeconds} s, load average ${r.loadAverageAtStart} -> ${r.loadAverageAtEnd}\n`,
  );
  console.log("| what | gateway | reference / detail |\n|---|---|---|");
  for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
}
