/**
 * `npm run bench`: the gateway (a child process on a fresh SQLite database) against references
 * measured in the same run, so that a noisy shared machine moves both sides alike. Prints a table
 * and writes the figures as JSON (bench/latest.json, or --json PATH).
 *
 * Flags: --duration S (seconds per load round, default 3), --rounds N (A/B pairs, default 4),
 * --connections N (32), --subscribers N (2000), --ticks N (fan-out engine ticks, 6),
 * --mutations N (200), --in-flight N (20), --quick (1 s rounds, 2 rounds, 500 subscribers, 100
 * mutations), --profile DIR (a CPU profile of the gateway for each measured phase, DIR/PHASE.cpuprofile:
 * list-hits, list-misses, instances, fanout, create-instance, create-custom-image), --only list|fanout|mutations,
 * --heap-snapshots DIR (the gateway's heap before and after the fan-out's subscribers connect),
 * --database postgresql://USER@HOST:PORT/ (or BENCH_DATABASE_URL): run on PostgreSQL instead of a
 * SQLite file; the bench creates a database of its own named bench_… on that server (the one the URL
 * names is left alone) and drops it at the end.
 *
 * The load generator sends no Accept-Encoding, so the gateway answers it uncompressed, as the raw
 * reference does: the figures compare the same bytes on the wire.
 *
 * This file is the runner: the setup, the scenarios (bench/scenarios/) in order, the JSON and the
 * table. bench/lib/ holds what the scenarios share: the child processes, HTTP and the mutations that
 * make the data, the A/B load with its checks of every body, the statistics, the database, the table.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { createBenchDatabase } from "./lib/database.ts";
import { createImage, createInstance } from "./lib/http.ts";
import {
  CONNECTIONS,
  DURATION,
  FANOUT_IMAGES,
  flags,
  IN_FLIGHT,
  MUTATIONS,
  profileDir,
  ROUNDS,
  run,
  SUBSCRIBERS,
  TICKS,
} from "./lib/options.ts";
import { call, startGateway, startRaw } from "./lib/processes.ts";
import { round } from "./lib/stats.ts";
import { printTable } from "./lib/table.ts";
import { fanOut } from "./scenarios/fanout.ts";
import { instanceList } from "./scenarios/instances.ts";
import { consoleList } from "./scenarios/list.ts";
import { createCustomImages, createInstances } from "./scenarios/mutations.ts";
import { statementsPerPage } from "./scenarios/statements.ts";

async function main() {
  const started = performance.now();
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const database = await createBenchDatabase();
  const gateway = await startGateway(database.url).catch(async (error) => {
    await database.drop();
    throw error;
  });
  const raw = await startRaw();
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    database: database.provider,
    ...(database.version ? { postgresVersion: database.version } : {}),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    loadAverageAtStart: loadavg().map((l) => round(l)),
    settings: { DURATION, ROUNDS, CONNECTIONS, SUBSCRIBERS, TICKS, MUTATIONS, IN_FLIGHT },
  };
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    await call(gateway, { type: "quota", perRegion: 100_000 });
    // The console's data: 20 AVAILABLE images of 3 disks in cn-hangzhou.
    log("setup: 20 images of 3 disks");
    for (let i = 0; i < 20; i++) {
      const instanceId = await createInstance(gateway.origin, "cn-hangzhou", `console-${i}`);
      await createImage(gateway.origin, instanceId, `console-image-${i}`);
    }
    await call(gateway, { type: "advance", ms: 3_600_000 });
    await call(gateway, { type: "tick" });

    // The instances made here are the custom images' sources at the end (and the instance list's rows).
    let instanceIds: string[] | undefined;
    if (run("mutations") || run("list")) {
      log(`createInstance: ${MUTATIONS} at ${IN_FLIGHT} in flight`);
      const created = await createInstances(gateway, MUTATIONS);
      results.createInstance = created.figures;
      results.instanceIds = created.instanceIds.length;
      instanceIds = created.instanceIds;
    }
    const instanceCount = 20 + (instanceIds?.length ?? 0);

    if (run("list")) {
      const list = await consoleList(gateway, raw, log);
      results.consoleList = list.hits;
      results.consoleListMiss = list.misses;
      results.consoleListAlone = list.alone;
      if (instanceCount >= 100) {
        log("instances(first: 100)");
        results.instanceList = await instanceList(gateway, raw, instanceCount);
      }
      results.statementsConsole = await statementsPerPage(gateway, {
        regionId: "cn-hangzhou",
        ownerAlias: ["SELF"],
      });
    }

    if (run("fanout")) {
      log(`fan-out: ${SUBSCRIBERS} subscribers on ${FANOUT_IMAGES} images`);
      results.fanOut = await fanOut(gateway);
    }

    if (run("mutations") && instanceIds) {
      log(`createCustomImage: ${instanceIds.length} at ${IN_FLIGHT} in flight`);
      results.createCustomImage = await createCustomImages(gateway, instanceIds);
      // Pages of 1, 20 and 100 over the account's images, most of them in flight now.
      results.statementsInFlight = await statementsPerPage(gateway, { ownerAlias: ["SELF"] });
    }
  } finally {
    await call(gateway, { type: "close" }).catch(() => undefined);
    raw.process.send("close");
    await new Promise((r) => gateway.process.once("exit", r));
    await database.drop();
  }
  results.totalSeconds = round((performance.now() - started) / 1000);
  results.loadAverageAtEnd = loadavg().map((l) => round(l));
  writeFileSync(flags.json!, `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
  log(`JSON: ${flags.json}`);
}

await main();
process.exit(0);
