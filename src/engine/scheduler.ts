import type { Jobs } from "./in-flight.ts";

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
