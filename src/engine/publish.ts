import type { ImageRow, ProgressBus, SnapshotRow } from "../events/progress.ts";
import type { SequenceLedger } from "../events/sequence.ts";

/**
 * Publishes progress events, each numbered by the resource's own sequence (taken just before);
 * news older than what the topic already published is dropped (src/events/sequence.ts).
 */
export interface Publisher {
  snapshot(row: SnapshotRow, at: Date, done: boolean): Promise<void>;
  image(image: ImageRow, snapshot: SnapshotRow | null, at: Date, done: boolean): Promise<void>;
}

export function createPublisher(bus: ProgressBus, ledger: SequenceLedger): Publisher {
  return {
    async snapshot(row, at, done) {
      const sequence = await ledger.next("snapshot", row.id, at, row.createdAt, done);
      if (sequence === null) return;
      bus.publish("snapshot", row.id, { snapshot: { ...row, observedAt: at }, done, sequence });
    },
    async image(image, snapshot, at, done) {
      const sequence = await ledger.next("image", image.id, at, image.createdAt, done);
      if (sequence === null) return;
      bus.publish("image", image.id, {
        image: { ...image, observedAt: at },
        snapshot: snapshot ? { ...snapshot, observedAt: at } : null,
        done,
        sequence,
      });
    },
  };
}
