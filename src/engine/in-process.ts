import type { Db } from "../db/client.ts";
import type { Clock } from "../domain/clock.ts";
import { isIdle, work } from "../domain/work.ts";
import type { Logger } from "../logger.ts";
import type { Dispatch } from "./dispatcher.ts";
import { findInFlight, type Jobs } from "./in-flight.ts";
import type { Scheduler } from "./scheduler.ts";
import { advanceImage, advanceSnapshot, type StepDeps } from "./steps.ts";

export interface InProcessDeps {
  prisma: Db;
  clock: Clock;
  logger: Logger;
  steps: StepDeps;
  dispatch: Dispatch;
  intervalMs: number;
}

/** How often (in ticks) the one process re-reads what is in flight: about every 5 s at the default interval. */
const RECONCILE_EVERY = 25;

/**
 * Without Redis: this process runs every in-flight step every PROGRESS_INTERVAL_MS. What it drives
 * is only a list of IDs; the state is in the database, so a restart resumes from there.
 */
export class InProcessScheduler implements Scheduler {
  private readonly images = new Set<string>();
  private readonly snapshots = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private ticks = 0;
  private ticking: Promise<void> | null = null;

  constructor(private readonly deps: InProcessDeps) {}

  async start(): Promise<void> {
    await this.reconcile();
    this.timer = setInterval(() => void this.tick(), this.deps.intervalMs);
  }

  async schedule(jobs: Jobs): Promise<void> {
    for (const id of jobs.images) this.images.add(id);
    for (const id of jobs.snapshots) this.snapshots.add(id);
  }

  async reconcile(): Promise<void> {
    const inFlight = await findInFlight(this.deps.prisma);
    await this.schedule(inFlight);
    await this.deps.dispatch(work({ regionsWithFreeSlots: inFlight.regionsWithWaitingCopies }));
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
  }

  /** One step of everything in flight; exposed so tests (with a manual clock) can run it on demand. */
  tick(): Promise<void> {
    this.ticking ??= this.advanceAll().finally(() => {
      this.ticking = null;
    });
    return this.ticking;
  }

  private async advanceAll(): Promise<void> {
    this.ticks += 1;
    if (this.ticks % RECONCILE_EVERY === 0) {
      await this.reconcile().catch((error: unknown) =>
        this.deps.logger.error("engine: reconciling failed; retrying later", { error }),
      );
    }
    const run = async (set: Set<string>, id: string, step: typeof advanceImage) => {
      try {
        const result = await step(this.deps.steps, id, this.deps.clock.now());
        if (result.final) set.delete(id);
        if (!isIdle(result.work)) await this.deps.dispatch(result.work);
      } catch (error) {
        this.deps.logger.error("engine: a step failed; retrying next tick", { id, error });
      }
    };
    for (const id of [...this.images]) await run(this.images, id, advanceImage);
    for (const id of [...this.snapshots]) await run(this.snapshots, id, advanceSnapshot);
  }
}
