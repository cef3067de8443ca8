import type { Db } from "../db/client.ts";
import type { Clock } from "../domain/clock.ts";
import { isIdle, work } from "../domain/work.ts";
import type { Logger } from "../logger.ts";
import type { Dispatch } from "./dispatcher.ts";
import { findInFlight, type Jobs } from "./in-flight.ts";
import { advanceImage, advanceSnapshot, type StepDeps } from "./steps.ts";

/**
 * Decides who runs the steps (src/engine/steps.ts): in this process on a timer, or BullMQ on
 * Redis where any replica's worker may take a job. Both reconcile with the database, so work a
 * crash left only in the database is found again.
 */
export interface Scheduler {
  /** Picks up what is in flight and starts driving. */
  start(): Promise<void>;
  /** Images and snapshots to drive until they end; scheduling one already scheduled is a no-op. */
  schedule(jobs: Jobs): Promise<void>;
  /** Schedules whatever the database says is in flight, and starts waiting copies where slots are free. */
  reconcile(): Promise<void>;
  /** Jobs by state (waiting, active, delayed) where the work is queued on Redis; absent in process. */
  depth?(): Promise<Record<string, number>>;
  /** Hands the work back (or lets it be) and stops; the database keeps what it needs to resume. */
  stop(): Promise<void>;
}

/** What every scheduler needs: the database, the time, the steps and the dispatcher they report to. */
export interface SchedulerDeps {
  prisma: Db;
  clock: Clock;
  logger: Logger;
  steps: StepDeps;
  dispatch: Dispatch;
  /** PROGRESS_INTERVAL_MS: how often each in-flight image or snapshot is stepped. */
  intervalMs: number;
}

export type StepKind = "image" | "snapshot";

/**
 * The one reconciliation, for both schedulers: whatever the database says is in flight is
 * scheduled, and regions with waiting copies get their free slots filled.
 */
export async function reconcileWithDatabase(
  deps: SchedulerDeps,
  schedule: (jobs: Jobs) => Promise<void>,
): Promise<void> {
  const inFlight = await findInFlight(deps.prisma);
  await schedule(inFlight);
  await deps.dispatch(work({ regionsWithFreeSlots: inFlight.regionsWithWaitingCopies }));
}

/** What both schedulers share: their deps, and the one reconciliation through their own schedule(). */
export abstract class ReconcilingScheduler<D extends SchedulerDeps = SchedulerDeps> implements Scheduler {
  constructor(protected readonly deps: D) {}
  abstract start(): Promise<void>;
  abstract schedule(jobs: Jobs): Promise<void>;
  abstract stop(): Promise<void>;

  reconcile(): Promise<void> {
    return reconcileWithDatabase(this.deps, (jobs) => this.schedule(jobs));
  }
}

/**
 * One step of one image or snapshot, its work handed to the dispatcher. Returns whether it ended;
 * a step that fails is logged and counts as not ended (the next one retries).
 */
export async function runStep(deps: SchedulerDeps, kind: StepKind, id: string): Promise<boolean> {
  const step = kind === "image" ? advanceImage : advanceSnapshot;
  try {
    const result = await step(deps.steps, id, deps.clock.now());
    if (!isIdle(result.work)) await deps.dispatch(result.work);
    return result.final;
  } catch (error) {
    deps.logger.error("engine: a step failed; retrying next interval", { kind, id, error });
    return false;
  }
}
