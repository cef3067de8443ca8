import type { Db } from "../db/client.ts";
import type { Clock } from "../domain/clock.ts";
import { startWaitingCopies } from "../domain/copies.ts";
import { snapshotProgress } from "../domain/progress.ts";
import {
  FINAL_IMAGE_STATUSES,
  type ImageRow,
  type ProgressBus,
  type SnapshotRow,
} from "../events/progress.ts";
import type { Logger } from "../logger.ts";
import { timeEngineStep } from "../server/metrics.ts";
import type { BlockStorage } from "../storage/block-storage.ts";

export interface EngineDeps {
  prisma: Db;
  clock: Clock;
  bus: ProgressBus;
  storage: BlockStorage;
  intervalMs: number;
  logger: Logger;
}

/** How often (in ticks) the engine re-reads what is in flight: about every 5 s at the default interval. */
const RECONCILE_EVERY = 25;

interface Tracked {
  image: ImageRow | null;
  /** Snapshots still PROGRESSING, with the progress last published for each. */
  snapshots: Map<string, { row: SnapshotRow; published: number }>;
}

/**
 * Drives in-flight snapshots and images. Every interval it asks the storage provider how far each
 * snapshot is and publishes what changed; completions are conditional updates (PROGRESSING →
 * ACCOMPLISHED, CREATING → AVAILABLE), so a retry, a second process or a crash in between never
 * completes anything twice. The database is written on transitions only.
 */
export class ProgressEngine {
  /** Keyed by image ID, or by snapshot ID for snapshots taken on their own. */
  private readonly tracked = new Map<string, Tracked>();
  private timer: NodeJS.Timeout | null = null;
  private ticks = 0;
  private ticking: Promise<void> | null = null;

  constructor(private readonly deps: EngineDeps) {}

  /** Picks up everything in flight, including what finished while the process was down. */
  async start(): Promise<void> {
    await this.reconcile();
    this.timer = setInterval(() => void this.tick(), this.deps.intervalMs);
  }

  /**
   * Brings the in-memory picture in line with the database: work a crash, a restart or a failed
   * hand-off left untracked is picked up, and regions with waiting copies get their free slots.
   * Runs at start and every RECONCILE_EVERY ticks.
   */
  async reconcile(): Promise<void> {
    const { prisma } = this.deps;
    const creating = await prisma.image.findMany({ where: { status: "CREATING" }, select: { id: true } });
    for (const { id } of creating) if (!this.tracked.has(id)) await this.trackImage(id);
    const standalone = await prisma.snapshot.findMany({ where: { status: "PROGRESSING", imageId: null } });
    for (const row of standalone) if (!this.tracked.has(row.id)) this.trackStandalone(row);
    const waiting = await prisma.image.findMany({
      where: { status: "WAITING" },
      distinct: ["regionId"],
      select: { regionId: true },
    });
    for (const { regionId } of waiting) if (regionId) await this.startCopies(regionId);
  }

  /** A new image in progress: CREATING ones are driven at once, WAITING copies when their region has room. */
  async imageStarted(imageId: string): Promise<void> {
    const image = await this.deps.prisma.image.findUnique({ where: { id: imageId } });
    if (image?.status === "CREATING") await this.trackImage(imageId);
    else if (image?.status === "WAITING" && image.regionId) await this.startCopies(image.regionId);
  }

  /** Starts waiting copies of a region while it has free slots, and announces each start. */
  async startCopies(regionId: string): Promise<void> {
    const started = await startWaitingCopies(this.deps.prisma, regionId, this.deps.clock.now());
    for (const imageId of started) {
      await this.trackImage(imageId);
      const tracked = this.tracked.get(imageId);
      if (tracked?.image) this.publishImage(tracked.image, null, this.deps.clock.now());
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
  }

  async trackImage(imageId: string): Promise<void> {
    const image = await this.loadImage(imageId);
    if (image?.status !== "CREATING") return;
    this.tracked.set(imageId, { image, snapshots: this.inFlight(image.snapshots) });
  }

  trackStandalone(row: SnapshotRow): void {
    this.tracked.set(row.id, { image: null, snapshots: this.inFlight([row]) });
  }

  /** An image ended outside the engine (forced instance change, cancellation): publish its last state. */
  async imageEnded(imageId: string): Promise<void> {
    this.tracked.delete(imageId);
    const image = await this.loadImage(imageId);
    if (!image) return;
    if (image.source === "COPY" && image.regionId) await this.startCopies(image.regionId);
    const now = this.deps.clock.now();
    for (const snapshot of image.snapshots) {
      this.deps.bus.publish("snapshot", snapshot.id, {
        snapshot: { ...snapshot, observedAt: now },
        done: true,
      });
    }
    this.publishImage(image, null, now);
  }

  /** A snapshot was deleted (on its own, or with a cancelled copy): its stream ends where it stood. */
  snapshotDeleted(row: SnapshotRow, reason = "The snapshot was deleted."): void {
    this.tracked.delete(row.id);
    const now = this.deps.clock.now();
    const { progress } = snapshotProgress(row, now);
    this.deps.bus.publish("snapshot", row.id, {
      snapshot: { ...row, status: "FAILED", progress, failureReason: reason, observedAt: now },
      done: true,
    });
  }

  /** One pass over everything in flight; exposed so tests and shutdown can run it on demand. */
  tick(): Promise<void> {
    this.ticking ??= timeEngineStep("tick", () => this.advanceAll()).finally(() => {
      this.ticking = null;
    });
    return this.ticking;
  }

  private inFlight(rows: SnapshotRow[]) {
    return new Map(
      rows.filter((row) => row.status === "PROGRESSING").map((row) => [row.id, { row, published: -1 }]),
    );
  }

  private async loadImage(imageId: string): Promise<ImageRow | null> {
    return this.deps.prisma.image.findUnique({
      where: { id: imageId },
      include: { snapshots: { orderBy: { device: "asc" } } },
    });
  }

  private async advanceAll(): Promise<void> {
    this.ticks += 1;
    if (this.ticks % RECONCILE_EVERY === 0) {
      await this.reconcile().catch((error: unknown) =>
        this.deps.logger.error("progress engine: reconciling failed; retrying later", { error }),
      );
    }
    for (const [key, tracked] of [...this.tracked]) {
      try {
        await this.advance(key, tracked);
      } catch (error) {
        this.deps.logger.error("progress engine: advancing failed; retrying next tick", { key, error });
      }
    }
  }

  private async advance(key: string, tracked: Tracked): Promise<void> {
    const now = this.deps.clock.now();
    const due: { row: SnapshotRow; finishedAt: Date }[] = [];
    const moved: SnapshotRow[] = [];
    for (const entry of tracked.snapshots.values()) {
      const { row } = entry;
      if (!row.startedAt) continue;
      const status = this.deps.storage.status(
        { sizeGiB: row.sourceDiskSizeGiB, startedAt: row.startedAt, gibPerSecond: row.gibPerSecond },
        now,
      );
      if (status.done) due.push({ row, finishedAt: status.finishesAt });
      else if (status.progress > entry.published) {
        entry.published = status.progress;
        moved.push(row);
      }
    }
    if (tracked.image) {
      for (const row of moved) this.publishSnapshot(tracked.image, row, now);
    } else {
      for (const row of moved)
        this.deps.bus.publish("snapshot", row.id, { snapshot: { ...row, observedAt: now }, done: false });
    }
    if (due.length === 0) return;
    await this.complete(key, tracked, due, now);
  }

  /** Snapshot transitions and, when the last one lands, the image's, in one transaction. */
  private async complete(
    key: string,
    tracked: Tracked,
    due: { row: SnapshotRow; finishedAt: Date }[],
    now: Date,
  ): Promise<void> {
    const { prisma, bus } = this.deps;
    const imageId = tracked.image?.id ?? null;
    await prisma.$transaction(async (tx) => {
      for (const { row, finishedAt } of due) {
        await tx.snapshot.updateMany({
          where: { id: row.id, status: "PROGRESSING" },
          data: { status: "ACCOMPLISHED", progress: 100, completedAt: finishedAt },
        });
      }
      if (!imageId) return;
      const unfinished = await tx.snapshot.count({ where: { imageId, status: { not: "ACCOMPLISHED" } } });
      if (unfinished > 0) return;
      const latest = due.reduce((a, b) => (a.finishedAt > b.finishedAt ? a : b)).finishedAt;
      const finished = await tx.image.updateMany({
        where: { id: imageId, status: "CREATING" },
        data: { status: "AVAILABLE", availableAt: latest },
      });
      if (finished.count === 1) {
        await tx.instance.updateMany({
          where: { lockedByImageId: imageId },
          data: { lockedByImageId: null },
        });
      }
    });

    if (!imageId) {
      this.tracked.delete(key);
      const row = await prisma.snapshot.findUnique({ where: { id: key } });
      if (row) bus.publish("snapshot", row.id, { snapshot: { ...row, observedAt: now }, done: true });
      return;
    }
    const image = await this.loadImage(imageId);
    if (!image) {
      this.tracked.delete(key);
      return;
    }
    tracked.image = image;
    const ended = image.status !== "CREATING";
    if (ended) this.tracked.delete(key);
    if (ended && image.source === "COPY" && image.regionId) await this.startCopies(image.regionId);
    due.forEach(({ row }, index) => {
      tracked.snapshots.delete(row.id);
      const fresh = image.snapshots.find((s) => s.id === row.id);
      // Only the last event of the batch ends the image's stream.
      if (fresh) this.publishSnapshot(image, fresh, now, ended && index === due.length - 1);
    });
  }

  private publishSnapshot(image: ImageRow, row: SnapshotRow, now: Date, imageDone = false): void {
    const snapshotDone = row.status !== "PROGRESSING";
    this.deps.bus.publish("snapshot", row.id, { snapshot: { ...row, observedAt: now }, done: snapshotDone });
    this.publishImage(image, row, now, imageDone);
  }

  private publishImage(
    image: ImageRow,
    snapshot: SnapshotRow | null,
    now: Date,
    done = FINAL_IMAGE_STATUSES.includes(image.status),
  ): void {
    this.deps.bus.publish("image", image.id, {
      image: { ...image, observedAt: now },
      snapshot: snapshot ? { ...snapshot, observedAt: now } : null,
      done,
    });
  }
}
