import type { Db } from "../db/client.ts";
import type { Clock } from "../domain/clock.ts";
import type { Work } from "../domain/work.ts";
import type { ProgressBus } from "../events/progress.ts";
import type { SequenceLedger } from "../events/sequence.ts";
import type { Logger } from "../logger.ts";
import type { BlockStorage } from "../storage/block-storage.ts";
import { BullmqScheduler } from "./bullmq.ts";
import { createDispatcher } from "./dispatcher.ts";
import { InProcessScheduler } from "./in-process.ts";
import { createPublisher } from "./publish.ts";
import type { Scheduler } from "./scheduler.ts";
import { refreshProgress, type StepDeps } from "./steps.ts";

export interface EngineDeps {
  prisma: Db;
  clock: Clock;
  bus: ProgressBus;
  ledger: SequenceLedger;
  storage: BlockStorage;
  logger: Logger;
  intervalMs: number;
  /** Times each step, for the metrics (src/server/observability/metrics.ts). */
  timeStep?: StepDeps["timeStep"];
  /** Set: BullMQ on this Redis shares the work between replicas; unset: this process drives it all. */
  redis?: { url: string; prefix: string; lockMs: number; reconcileMs: number; concurrency: number };
}

export interface Engine {
  scheduler: Scheduler;
  /** The after-commit dispatcher: what commands return goes here. */
  dispatch(work: Work): Promise<void>;
  /** Publishes what moved since the last event (a new subscriber is about to read the current state). */
  refresh(topic: "image" | "snapshot", id: string): Promise<void>;
  start(): Promise<void>;
  /**
   * One pass at once, for tests and benchmarks that drive time by hand: in process, a step of
   * everything in flight; with BullMQ (which drives on its own), a reconciliation.
   */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/** The engine: stateless steps, one dispatcher, and a scheduler (in process, or BullMQ on Redis). */
export function createEngine(deps: EngineDeps): Engine {
  const steps: StepDeps = {
    prisma: deps.prisma,
    storage: deps.storage,
    ledger: deps.ledger,
    publish: createPublisher(deps.bus, deps.ledger),
    logger: deps.logger,
    timeStep: deps.timeStep,
  };
  let scheduler: Scheduler | null = null;
  const dispatch = createDispatcher({ ...steps, clock: deps.clock, scheduler: () => scheduler! });
  const common = {
    prisma: deps.prisma,
    clock: deps.clock,
    logger: deps.logger,
    steps,
    dispatch,
    intervalMs: deps.intervalMs,
  };
  scheduler = deps.redis
    ? new BullmqScheduler({
        ...common,
        redisUrl: deps.redis.url,
        prefix: deps.redis.prefix,
        lockMs: deps.redis.lockMs,
        reconcileMs: deps.redis.reconcileMs,
        concurrency: deps.redis.concurrency,
      })
    : new InProcessScheduler(common);
  const started = scheduler;
  return {
    scheduler: started,
    dispatch,
    refresh: (topic, id) => refreshProgress(steps, topic, id, deps.clock.now()),
    start: () => started.start(),
    tick: () => (started instanceof InProcessScheduler ? started.tick() : started.reconcile()),
    stop: () => started.stop(),
  };
}
