/**
 * The block-storage provider that takes and copies snapshots. The gateway asks it how far a job
 * is; the provider keeps working while the gateway is down. Its answer is the one source of
 * progress: the engine (when to complete) and every read (progress, remainingSeconds) use it.
 */
export interface SnapshotJob {
  sizeGiB: number;
  startedAt: Date;
  gibPerSecond: number;
}

export interface JobStatus {
  /** 0 to 100; 100 means done. */
  progress: number;
  done: boolean;
  /** When the job finished, or will finish at the current rate. */
  finishesAt: Date;
  /** Milliseconds left (0 once done). */
  remainingMs: number;
}

export interface BlockStorage {
  status(job: SnapshotJob, now: Date): JobStatus;
}

/** A simulated provider: a job of N GiB takes N / rate seconds from its start. */
export const simulatedBlockStorage: BlockStorage = {
  status(job, now) {
    const durationMs = (job.sizeGiB / job.gibPerSecond) * 1000;
    const finishesAt = new Date(job.startedAt.getTime() + durationMs);
    const elapsed = Math.max(0, now.getTime() - job.startedAt.getTime());
    if (elapsed >= durationMs) return { progress: 100, done: true, finishesAt, remainingMs: 0 };
    return {
      progress: Math.floor((elapsed / durationMs) * 100),
      done: false,
      finishesAt,
      remainingMs: durationMs - elapsed,
    };
  },
};
