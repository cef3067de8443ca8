import { hostname } from "node:os";
import { type Job, Queue, WaitingError, Worker } from "bullmq";
import { Redis } from "ioredis";
import type { Db } from "../db/client.ts";
import type { Clock } from "../domain/clock.ts";
import { isIdle, work } from "../domain/work.ts";
import type { Logger } from "../logger.ts";
import type { Dispatch } from "./dispatcher.ts";
import { findInFlight, type Jobs } from "./in-flight.ts";
import type { Scheduler } from "./scheduler.ts";
import { advanceImage, advanceSnapshot, type StepDeps } from "./steps.ts";

export interface BullmqDeps {
  redisUrl: string;
  /** Key prefix of the queue in Redis: replicas that share work share it. */
  prefix: string;
  prisma: Db;
  clock: Clock;
  logger: Logger;
  steps: StepDeps;
  dispatch: Dispatch;
  intervalMs: number;
  /** A job whose replica stops renewing its lock moves to another replica within about twice this. */
  lockMs: number;
  /** How often one replica reconciles the queue with the database. */
  reconcileMs: number;
  /** In-flight images and snapshots one replica drives at once. */
  concurrency: number;
}

type JobName = "image" | "snapshot" | "reconcile";
interface JobData {
  id?: string;
}

const QUEUE = "engine";

/**
 * With Redis: one BullMQ job per in-flight image or standalone snapshot, its ID as the job ID (a
 * second enqueue is a no-op). Any replica's worker takes a job and drives it, a step every
 * PROGRESS_INTERVAL_MS, until it ends. A replica that dies stops renewing its locks: BullMQ's
 * stalled-job check hands its jobs to a live replica within about 2 × ENGINE_LOCK_MS. On shutdown a
 * replica hands its jobs back to the queue at once. Work that exists only in the database (a crash
 * between commit and enqueue) is enqueued by one "reconcile" job that a single worker runs every
 * ENGINE_RECONCILE_MS, and once at start.
 */
export class BullmqScheduler implements Scheduler {
  private queue: Queue<JobData, void, JobName> | null = null;
  private worker: Worker<JobData, void, JobName> | null = null;
  private readonly connections: Redis[] = [];
  private stopping = false;
  private readonly sleepers = new Set<() => void>();
  /** Jobs whose lock this worker failed to renew: another replica may have them now. */
  private readonly lost = new Set<string>();
  readonly name = `${hostname()}:${process.pid}`;

  constructor(private readonly deps: BullmqDeps) {}

  private connection(): Redis {
    // BullMQ's workers block on Redis: they need maxRetriesPerRequest null.
    const connection = new Redis(this.deps.redisUrl, { maxRetriesPerRequest: null });
    connection.on("error", (error: Error) => this.warn("redis", error));
    connection.on("ready", () => {
      this.lastWarning = "";
    });
    this.connections.push(connection);
    return connection;
  }

  private lastWarning = "";
  /** Redis down: each new kind of failure is reported once, not on every retry of every connection. */
  private warn(what: string, error: Error): void {
    if (error.message === this.lastWarning) return;
    this.lastWarning = error.message;
    this.deps.logger.warn(`engine: ${what}: ${error.message}; retrying`);
  }

  async start(): Promise<void> {
    const { prefix, lockMs, concurrency, reconcileMs } = this.deps;
    this.queue = new Queue<JobData, void, JobName>(QUEUE, {
      connection: this.connection(),
      prefix,
      defaultJobOptions: { removeOnComplete: true, removeOnFail: true },
    });
    this.queue.on("error", (error: Error) => this.warn("queue", error));
    this.worker = new Worker<JobData, void, JobName>(QUEUE, (job, token) => this.process(job, token), {
      connection: this.connection(),
      prefix,
      name: this.name,
      concurrency,
      lockDuration: lockMs,
      // Checked twice per lock: a dead replica's job moves within about 1.5 × lockMs of its death.
      stalledInterval: Math.max(500, Math.round(lockMs / 2)),
      // A job that moves between replicas (deaths, shutdowns) is not failed for it.
      maxStalledCount: 1_000_000,
      drainDelay: 1,
    });
    this.worker.on("lockRenewalFailed", (ids: string[]) => {
      for (const id of ids) this.lost.add(id);
    });
    this.worker.on("error", (error: Error) => this.warn("worker", error));
    // Not awaited: a replica whose Redis is down still starts (and says so on /readyz); the
    // reconcile job scheduler and the first reconciliation happen once Redis answers.
    const queue = this.queue;
    void (async () => {
      await queue.upsertJobScheduler("reconcile", { every: reconcileMs }, { name: "reconcile", data: {} });
      await this.reconcile();
    })().catch((error: unknown) =>
      this.deps.logger.error("engine: first reconciliation failed; the reconcile job will retry", { error }),
    );
  }

  async schedule(jobs: Jobs): Promise<void> {
    if (!this.queue) throw new Error("the scheduler is not started");
    const entries = [
      ...jobs.images.map((id) => ({ name: "image" as const, data: { id }, opts: { jobId: id } })),
      ...jobs.snapshots.map((id) => ({ name: "snapshot" as const, data: { id }, opts: { jobId: id } })),
    ];
    if (entries.length === 0) return;
    // Bounded: a mutation does not hang on a Redis that is down; reconciliation enqueues it later.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("enqueueing timed out: Redis does not answer")), 1_000);
    });
    try {
      await Promise.race([this.queue.addBulk(entries), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async depth(): Promise<Record<string, number>> {
    if (!this.queue) return {};
    const counts = await this.queue.getJobCounts("waiting", "active", "delayed");
    return Object.fromEntries(Object.entries(counts).map(([state, count]) => [`${QUEUE}:${state}`, count]));
  }

  async reconcile(): Promise<void> {
    const inFlight = await findInFlight(this.deps.prisma);
    await this.schedule(inFlight);
    await this.deps.dispatch(work({ regionsWithFreeSlots: inFlight.regionsWithWaitingCopies }));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const wake of this.sleepers) wake();
    // Each job loop hands its job back (moveToWait) and returns; then the worker closes. Bounded:
    // with Redis gone nothing can be handed back, and the locks run out by themselves.
    const closed = (async () => {
      await this.worker?.close();
      await this.queue?.close();
    })();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(resolve, this.deps.lockMs)))]);
    clearTimeout(timer);
    for (const connection of this.connections) {
      if (connection.status === "ready") await connection.quit().catch(() => connection.disconnect());
      else connection.disconnect();
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  private async process(job: Job<JobData, void, JobName>, token?: string): Promise<void> {
    if (job.name === "reconcile") return this.reconcile();
    const id = job.data.id;
    if (!id || !job.id) return;
    const step = job.name === "image" ? advanceImage : advanceSnapshot;
    const { logger, steps, clock, dispatch, intervalMs } = this.deps;
    this.lost.delete(job.id);
    logger.info("engine: driving", { job: job.id, kind: job.name, replica: this.name });
    let outcome = "released";
    try {
      while (true) {
        if (this.stopping) {
          // Handed back rather than abandoned: another replica takes it at once.
          await job.moveToWait(token);
          outcome = "handed back";
          throw new WaitingError();
        }
        if (this.lost.has(job.id)) {
          outcome = "lost its lock";
          throw new Error(`engine: the lock of job ${job.id} was lost; another replica drives it`);
        }
        try {
          const result = await step(steps, id, clock.now());
          if (!isIdle(result.work)) await dispatch(result.work);
          if (result.final) {
            outcome = "finished";
            return;
          }
        } catch (error) {
          logger.error("engine: a step failed; retrying next interval", { job: job.id, error });
        }
        await this.sleep(intervalMs);
      }
    } finally {
      logger.info("engine: released", { job: job.id, outcome, replica: this.name });
    }
  }
}
