/**
 * The gateway under benchmark, in a process of its own so the load generator's CPU and memory are
 * not counted as the server's. The parent (bench/run.ts) drives it over IPC: the clock, engine
 * ticks, SQL statement counts, CPU and memory readings.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { writeHeapSnapshot } from "node:v8";
import { loadConfig } from "../src/config.ts";
import { loadLimitsConfig } from "../src/config-limits.ts";
import { StatementRecorder } from "../src/db/statement-recorder.ts";
import { ManualClock } from "../src/domain/clock.ts";
import { startApp } from "../src/server/app.ts";

export type ServerRequest =
  | { type: "advance"; ms: number }
  | { type: "tick" }
  | { type: "statements" }
  | { type: "resetStatements" }
  | { type: "usage" }
  | { type: "quota"; perRegion: number }
  | { type: "heapSnapshot"; path: string }
  | { type: "profileStart" }
  | { type: "profileStop"; path: string }
  | { type: "close" };

const clock = new ManualClock();
const statements = new StatementRecorder();
const app = await startApp(
  {
    ...loadConfig({}),
    port: 0,
    host: "127.0.0.1",
    databaseUrl: process.env.BENCH_DATABASE_URL ?? "",
    logLevel: "error",
    // The engine moves only when the bench ticks it, so every figure is reproducible.
    progressIntervalMs: 3_600_000,
    snapshotGibPerSecond: Number(process.env.BENCH_SNAPSHOT_GIB_PER_SECOND ?? 8),
    limits: {
      ...loadLimitsConfig({}),
      // The bench measures the gateway's work, not its throttle: the clock only moves when the
      // bench advances it, so the cost bucket would never refill, and the fan-out opens thousands
      // of sockets at once.
      rateLimitBucket: 1e15,
      rateLimitRestorePerSecond: 1e12,
      maxConnections: 100_000,
    },
  },
  { clock, onStatement: statements.record },
);

const gc = (globalThis as { gc?: () => void }).gc;
/** The CPU profiler, started and stopped around one phase of the bench (--profile). */
let profiler: Session | undefined;

async function handle(request: ServerRequest): Promise<unknown> {
  switch (request.type) {
    case "advance":
      clock.advance(request.ms);
      return null;
    case "tick": {
      const publishedAt = Date.now();
      await app.engine.tick();
      return { publishedAt, tickMs: Date.now() - publishedAt };
    }
    case "statements":
      return statements.statements.length;
    case "resetStatements":
      statements.reset();
      return null;
    case "usage": {
      gc?.();
      gc?.();
      return { cpu: process.cpuUsage(), memory: process.memoryUsage() };
    }
    case "quota":
      await app.prisma.account.updateMany({ data: { imageQuotaPerRegion: request.perRegion } });
      return null;
    case "heapSnapshot":
      gc?.();
      return writeHeapSnapshot(request.path);
    case "profileStart":
      profiler = new Session();
      profiler.connect();
      await profiler.post("Profiler.enable");
      await profiler.post("Profiler.start");
      return null;
    case "profileStop": {
      if (!profiler) throw new Error("no profile was started");
      const { profile } = await profiler.post("Profiler.stop");
      profiler.disconnect();
      profiler = undefined;
      writeFileSync(request.path, JSON.stringify(profile));
      return request.path;
    }
    case "close":
      await app.close();
      setImmediate(() => process.exit(0));
      return null;
  }
}

process.on("message", (message: { id: number; request: ServerRequest }) => {
  handle(message.request).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: Error) => process.send?.({ id: message.id, error: error.stack ?? String(error) }),
  );
});
process.send?.({ ready: app.origin });
// The bench that started this process is gone: so is the reason to run.
process.on("disconnect", () => process.exit(0));
