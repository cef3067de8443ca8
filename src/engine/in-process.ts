import type { Jobs } from "./in-flight.ts";
import { ReconcilingScheduler, runStep, type StepKind } from "./scheduler.ts";

/** How often (in ticks) the one process re-reads what is in flight: about every 5 s at the default interval. */
const RECONCILE_EVERY = 25;

/**
 * Without Redis: this process runs every in-flight step every PROGRESS_INTERVAL_MS. What it drives
 * is only a list of IDs; the state is in the database, so a restart resumes from there.
 */
export class InProcessScheduler extends ReconcilingScheduler {
  private readonly inFlight: Record<StepKind, Set<string>> = { image: new Set(), snapshot: new Set() };
  private timer: NodeJS.Timeout | null = null;
  private ticks = 0;
  private ticking: Promise<void> | null = null;

  async start(): Promise<void> {
    await this.reconcile();
    this.timer = setInterval(() => void this.tick(), this.deps.intervalMs);
  }

  async schedule(jobs: Jobs): Promise<void> {
    for (const id of jobs.images) this.inFlight.image.add(id);
    for (const id of jobs.snapshots) this.inFlight.snapshot.add(id);
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
    for (const kind of ["image", "snapshot"] as const) {
      const set = this.inFlight[kind];
      for (const id of [...set]) if (await runStep(this.deps, kind, id)) set.delete(id);
    }
  }
}
