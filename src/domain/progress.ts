import type { SnapshotStatus } from "../generated/prisma/client.ts";
import type { BlockStorage } from "../storage/block-storage.ts";

/** The columns a snapshot's progress is derived from: the storage provider works at a known rate. */
export interface SnapshotProgressColumns {
  status: SnapshotStatus;
  sourceDiskSizeGiB: number;
  startedAt: Date | null;
  gibPerSecond: number;
  progress: number;
}

export interface Progress {
  /** 0 to 100; 100 only once ACCOMPLISHED. */
  progress: number;
  /** Seconds left while PROGRESSING, null otherwise. */
  remainingSeconds: number | null;
}

/**
 * A snapshot's progress as the API shows it, from the storage provider's answer (the one source
 * the engine uses too): final rows keep what they stored; one not yet started (a copy that waits)
 * has the whole job ahead of it.
 */
export function snapshotProgress(storage: BlockStorage, row: SnapshotProgressColumns, now: Date): Progress {
  if (row.status === "ACCOMPLISHED") return { progress: 100, remainingSeconds: null };
  if (row.status === "FAILED") return { progress: row.progress, remainingSeconds: null };
  const job = { sizeGiB: row.sourceDiskSizeGiB, gibPerSecond: row.gibPerSecond };
  // A start still ahead (or none yet) is the whole job ahead.
  const startedAt = row.startedAt && row.startedAt <= now ? row.startedAt : now;
  const status = storage.status({ ...job, startedAt }, now);
  if (!row.startedAt || row.startedAt > now) {
    return { progress: 0, remainingSeconds: Math.ceil(status.remainingMs / 1000) };
  }
  // 100 is kept for the ACCOMPLISHED transition, so a reader never sees 100 on a snapshot still PROGRESSING.
  return { progress: Math.min(99, status.progress), remainingSeconds: Math.ceil(status.remainingMs / 1000) };
}

/** An image's progress: its snapshots' progress weighted by their size. */
export function imageProgress(
  storage: BlockStorage,
  snapshots: readonly SnapshotProgressColumns[],
  now: Date,
): Progress {
  if (snapshots.length === 0) return { progress: 0, remainingSeconds: null };
  let weighted = 0;
  let total = 0;
  let remaining: number | null = null;
  for (const snapshot of snapshots) {
    const p = snapshotProgress(storage, snapshot, now);
    weighted += p.progress * snapshot.sourceDiskSizeGiB;
    total += snapshot.sourceDiskSizeGiB;
    if (p.remainingSeconds !== null) remaining = Math.max(remaining ?? 0, p.remainingSeconds);
  }
  return { progress: Math.floor(weighted / total), remainingSeconds: remaining };
}
