import { hostname } from "node:os";
import { DelayedError, type Job, Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { closeRedis, failFastRedis } from "../events/redis-client.ts";
import type { Jobs } from "./in-flight.ts";
import { ReconcilingScheduler, runStep, type SchedulerDeps, type StepKind } from "./scheduler.ts";

export interface BullmqDeps extends SchedulerDeps {
  redisUrl: string;
  /** Key prefix of the queue in Redis: replicas that share work share it. */
  prefix: string;
  /** A step whose replica dies mid-way runs again on another replica within about 1.5 × this. */
  lockMs: number;
  /** How often one replica reconciles the queue with the database. */
  reconcileMs: number;
  /** Steps one replica runs at once. */
  concurrency: number;
}

type JobName = StepKind | "reconcile";
interface JobData {
  id?: string;
}

const QUEUE = "engine";

/**
 * With Redis, BullMQ's "process step jobs" pattern: one job per in-flight image or standalone
 * snapshot, its ID as the job ID (a second enqueue is a no-op). One run of the job is ONE step:
 * the worker runs it, then moves the job to the delayed set until the next step is due
 * (`job.moveToDelayed` + `DelayedError`), so no replica holds a job between steps and any
 * replica's worker may run the next one. The last step completes the job (removed). Between
 * steps a job belongs to no replica, so a replica that dies (or shuts down) strands only the
 * steps it was running at that moment: BullMQ's stalled-job check puts those back within about
 * 1.5 × ENGINE_LOCK_MS, and every other job's next step runs on a live replica when it is due.
 * Work that exists only in the database (a crash between commit and enqueue, a hand-off that
 * failed while Redis was away) is enqueued by one "reconcile" job that BullMQ's job scheduler runs
 * on one replica every ENGINE_RECONCILE_MS, once at start, and on every replica whenever its
 * connection to Redis comes back (a Redis that restarted empty lost every job and the scheduler).
 *
 * The queue (the hand-off, the depth, the reconcile scheduler) is on a fail-fast connection
 * (src/events/redis-client.ts): while Redis is away, enqueueing fails at once and the mutation
 * that committed the work answers without it. Only the worker's blocking connection waits for
 * Redis to come back.
 */
export class BullmqScheduler extends ReconcilingScheduler<BullmqDeps> {
  private queue: Queue<JobData, void, JobName> | null = null;
  private worker: Worker<JobData, void, JobName> | null = null;
  private readonly connections: Redis[] = [];
  private stopping = false;
  readonly name = `${hostname()}:${process.pid}`;

  /** The worker's: BullMQ's workers block on Redis and need maxRetriesPerRequest null. */
  private connection(): Redis {
    const connection = new Redis(this.deps.redisUrl, { maxRetriesPerRequest: null });
    connection.on("error", (error: Error) => this.warn("redis", error));
    connection.on("ready", () => {
      this.lastWarning = "";
    });
    this.connections.push(connection);
    return connection;
  }

  /** The queue's: commands fail at once while Redis is away, instead of waiting for it. */
  private producerConnection(): Redis {
    const connection = failFastRedis(this.deps.redisUrl, { onError: (error) => this.warn("redis", error) });
    let connectedBefore = false;
    connection.on("ready", () => {
      this.lastWarning = "";
      // Back after an outage: what the hand-offs missed meanwhile (and, if Redis restarted empty,
      // every job and the reconcile scheduler) comes back from the database.
      if (connectedBefore && !this.stopping) void this.recover("Redis is back");
      connectedBefore = true;
    });
    this.connections.push(connection);
    this.producer = connection;
    return connection;
  }

  private producer: Redis | null = null;

  private lastWarning = "";
  /** Redis down: each new kind of failure is reported once, not on every retry of every connection. */
  private warn(what: string, error: Error): void {
    if (error.message === this.lastWarning) return;
    this.lastWarning = error.message;
    this.deps.logger.warn(`engine: ${what}: ${error.message}; retrying`);
  }

  async start(): Promise<void> {
    const { prefix, lockMs, concurrency, logger } = this.deps;
    this.queue = new Queue<JobData, void, JobName>(QUEUE, {
      connection: this.producerConnection(),
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
      // Checked twice per lock: a step whose replica died runs again within about 1.5 × lockMs.
      stalledInterval: Math.max(500, Math.round(lockMs / 2)),
      // Only a replica that dies or freezes in the middle of a step stalls a job (a step lasts
      // milliseconds). One stall is recovered; a job that stalls again is failed and removed, and
      // the next reconciliation enqueues its image afresh from the database: nothing is lost.
      maxStalledCount: 1,
      drainDelay: 1,
    });
    this.worker.on("stalled", (job: string) =>
      logger.warn("engine: a step's replica died or froze mid-way; the step runs again", { job }),
    );
    this.worker.on("error", (error: Error) => this.warn("worker", error));
    // Not awaited: a replica whose Redis is down still starts (and says so on /readyz); the
    // reconcile job scheduler and the first reconciliation happen once Redis answers.
    void this.recover("start");
  }

  /** (Re)creates the reconcile job scheduler and reconciles once; a failure is left to the next. */
  private async recover(why: string): Promise<void> {
    const { reconcileMs, logger } = this.deps;
    try {
      await this.queue?.upsertJobScheduler(
        "reconcile",
        { every: reconcileMs },
        { name: "reconcile", data: {} },
      );
      await this.reconcile();
      if (why !== "start") logger.info(`engine: ${why}: reconciled with the database`);
    } catch (error) {
      logger.error(`engine: reconciliation (${why}) failed; the reconcile job will retry`, { error });
    }
  }

  async schedule(jobs: Jobs): Promise<void> {
    if (!this.queue) throw new Error("the scheduler is not started");
    const entries = [
      ...jobs.images.map((id) => ({ name: "image" as const, data: { id }, opts: { jobId: id } })),
      ...jobs.snapshots.map((id) => ({ name: "snapshot" as const, data: { id }, opts: { jobId: id } })),
    ];
    if (entries.length === 0) return;
    // Fails at once while Redis is away (BullMQ would otherwise wait for its first connection);
    // the mutation answers, and the reconciliation when Redis is back enqueues the work.
    if (this.producer?.status !== "ready")
      throw new Error("Redis is not connected: the work waits for reconciliation");
    await this.queue.addBulk(entries);
  }

  /** For /metrics: nothing (rather than a failed scrape) while Redis is away. */
  async depth(): Promise<Record<string, number>> {
    if (!this.queue || this.producer?.status !== "ready") return {};
    const counts = await this.queue.getJobCounts("waiting", "active", "delayed").catch(() => null);
    if (!counts) return {};
    return Object.fromEntries(Object.entries(counts).map(([state, count]) => [`${QUEUE}:${state}`, count]));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    // The worker takes no new step and waits for the ones running (milliseconds); each of those
    // hands its job back due at once. Every other job waits in the delayed set, owned by no one.
    // Bounded: with Redis gone nothing can be handed back, and the locks run out by themselves.
    const closed = (async () => {
      await this.worker?.close();
      await this.wakeOthers();
      await this.queue?.close();
    })();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(resolve, this.deps.lockMs)))]);
    clearTimeout(timer);
    for (const connection of this.connections) await closeRedis(connection);
  }

  /**
   * A worker learns when the next step is due from a marker in Redis that one blocked worker pops;
   * the others sleep until the next time they know of (up to 10 s: BullMQ's longest block). When
   * the replica that popped it closes, the earliest delayed job is promoted (run now, a little
   * early; a step is safe to run any time), which wakes another replica at once.
   */
  private async wakeOthers(): Promise<void> {
    try {
      const [next] = (await this.queue?.getDelayed(0, 0)) ?? [];
      await next?.promote();
    } catch {
      // Taken meanwhile by another replica (no longer delayed), or Redis is gone: nothing to wake.
    }
  }

  /** One run of a job: one step, then the job waits in the delayed set until the next is due. */
  private async process(job: Job<JobData, void, JobName>, token?: string): Promise<void> {
    if (job.name === "reconcile") return this.reconcile();
    const id = job.data.id;
    if (!id || !job.id || !token) return;
    const { logger, intervalMs } = this.deps;
    const startedAt = Date.now();
    // Per step, so at debug: these two lines are the record of who ran which step when. The
    // "released" line comes before the job is handed over, so two replicas' lines never overlap.
    const released = (outcome: string) =>
      logger.debug("engine: released", { job: job.id, outcome, replica: this.name });
    logger.debug("engine: driving", { job: job.id, kind: job.name, replica: this.name });
    if (await runStep(this.deps, job.name, id)) {
      released("finished");
      return;
    }
    // The next step is due one interval after this one began; on shutdown, at once elsewhere.
    released(this.stopping ? "handed back" : "stepped");
    try {
      await job.moveToDelayed(this.stopping ? Date.now() : startedAt + intervalMs, token);
    } catch (error) {
      // The lock ran out (this replica froze longer than ENGINE_LOCK_MS): another replica has it.
      logger.warn("engine: a step outlived its lock; another replica runs the job", { job: job.id, error });
    }
    throw new DelayedError();
  }
}
