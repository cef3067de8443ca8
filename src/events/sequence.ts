import type { Redis } from "ioredis";

export type SequenceTopic = "image" | "snapshot";

/** The last event published on a topic: its sequence, the instant its rows were observed at, whether it ended the stream. */
export interface Mark {
  sequence: number;
  at: Date;
  final: boolean;
}

/**
 * Sequence numbers that belong to the resource (an image, a snapshot), not to the subscriber: every
 * event published on a topic takes the next number, so all subscribers of one image see the same
 * numbers and a gap means an event they missed. Shared by every replica (in Redis when configured),
 * so the numbers stay monotonic whoever publishes.
 *
 * A topic with no record (the process restarted without Redis, or a record expired) starts from
 * the milliseconds elapsed since the resource was created: an image publishes a few events per
 * PROGRESS_INTERVAL_MS at most, so that floor is above any number it had before, and numbers stay
 * monotonic across restarts too.
 */
export interface SequenceLedger {
  last(topic: SequenceTopic, id: string): Promise<Mark | null>;
  lastMany(keys: readonly (readonly [SequenceTopic, string])[]): Promise<(Mark | null)[]>;
  /**
   * The mark a new subscriber starts from: the last event's, or (no event yet) one recorded now
   * at the floor, so the next event published is exactly one above what the subscriber was shown.
   */
  current(topic: SequenceTopic, id: string, createdAt: Date, now: Date): Promise<Mark>;
  /**
   * Takes the next number for an event observed at `at`; `createdAt` gives the floor of a topic
   * with no record. Null (publish nothing) when the topic already has a later observation: a
   * slower publisher's older news would otherwise follow newer news. An end always gets a number.
   */
  next(topic: SequenceTopic, id: string, at: Date, createdAt: Date, final: boolean): Promise<number | null>;
}

/** GraphQL's Int is 32-bit: the floor stays well below it (an image 24 days in the making caps there). */
const MAX_FLOOR = 2 ** 31 - 2 ** 24;

/** The number a topic with no record starts from, as of `now`. */
export function sequenceFloor(createdAt: Date, now: Date): number {
  return 1 + Math.min(MAX_FLOOR, Math.max(0, now.getTime() - createdAt.getTime()));
}

/** How long a record outlives its stream's end, so late settlements still see it was published. */
const FINAL_TTL_MS = 10 * 60_000;
const LIVE_TTL_MS = 24 * 3_600_000;

export function memorySequenceLedger(now: () => number = Date.now): SequenceLedger {
  const marks = new Map<string, Mark & { expires: number }>();
  const key = (topic: SequenceTopic, id: string) => `${topic}:${id}`;
  const get = (topic: SequenceTopic, id: string): Mark | null => {
    const mark = marks.get(key(topic, id));
    if (!mark) return null;
    return { sequence: mark.sequence, at: mark.at, final: mark.final };
  };
  let pruned = now();
  const prune = () => {
    const time = now();
    if (time - pruned < 60_000) return;
    pruned = time;
    for (const [k, mark] of marks) if (mark.expires < time) marks.delete(k);
  };
  return {
    last: async (topic, id) => get(topic, id),
    lastMany: async (keys) => keys.map(([topic, id]) => get(topic, id)),
    async current(topic, id, createdAt, at) {
      const existing = get(topic, id);
      if (existing) return existing;
      prune();
      const mark = { sequence: sequenceFloor(createdAt, at), at, final: false };
      marks.set(key(topic, id), { ...mark, expires: now() + LIVE_TTL_MS });
      return mark;
    },
    async next(topic, id, at, createdAt, final) {
      prune();
      const previous = marks.get(key(topic, id));
      if (previous && !final && at < previous.at) return null;
      const sequence = previous ? previous.sequence + 1 : sequenceFloor(createdAt, at);
      const latest = previous && previous.at > at ? previous.at : at;
      marks.set(key(topic, id), {
        sequence,
        at: latest,
        final: final || (previous?.final ?? false),
        expires: now() + (final ? FINAL_TTL_MS : LIVE_TTL_MS),
      });
      return sequence;
    },
  };
}

// One round trip, atomic: the next number, the latest observation instant, the final flag, the expiry.
const NEXT_SCRIPT = `
local s = redis.call('HGET', KEYS[1], 's')
local at = redis.call('HGET', KEYS[1], 'at')
if at and ARGV[3] ~= '1' and tonumber(ARGV[1]) < tonumber(at) then return -1 end
if s then s = tonumber(s) + 1 else s = tonumber(ARGV[2]) end
if (not at) or tonumber(ARGV[1]) > tonumber(at) then redis.call('HSET', KEYS[1], 'at', ARGV[1]) end
redis.call('HSET', KEYS[1], 's', s)
if ARGV[3] == '1' then
  redis.call('HSET', KEYS[1], 'f', '1')
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
else
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
end
return s`;

const CURRENT_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 's', ARGV[2], 'at', ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
return redis.call('HMGET', KEYS[1], 's', 'at', 'f')`;

export function redisSequenceLedger(client: Redis, prefix: string): SequenceLedger {
  const key = (topic: SequenceTopic, id: string) => `${prefix}:seq:${topic}:${id}`;
  const parse = (fields: (string | null)[]): Mark | null => {
    const [s, at, f] = fields;
    if (s === null || s === undefined || at === null || at === undefined) return null;
    return { sequence: Number(s), at: new Date(Number(at)), final: f === "1" };
  };
  return {
    last: async (topic, id) => parse(await client.hmget(key(topic, id), "s", "at", "f")),
    async lastMany(keys) {
      if (keys.length === 0) return [];
      const pipeline = client.pipeline();
      for (const [topic, id] of keys) pipeline.hmget(key(topic, id), "s", "at", "f");
      const results = (await pipeline.exec()) ?? [];
      return results.map(([error, fields]) => {
        if (error) throw error;
        return parse(fields as (string | null)[]);
      });
    },
    async current(topic, id, createdAt, at) {
      const fields = (await client.eval(
        CURRENT_SCRIPT,
        1,
        key(topic, id),
        String(at.getTime()),
        String(sequenceFloor(createdAt, at)),
        String(LIVE_TTL_MS),
      )) as (string | null)[];
      return parse(fields) ?? { sequence: sequenceFloor(createdAt, at), at, final: false };
    },
    async next(topic, id, at, createdAt, final) {
      const result = await client.eval(
        NEXT_SCRIPT,
        1,
        key(topic, id),
        String(at.getTime()),
        String(sequenceFloor(createdAt, at)),
        final ? "1" : "0",
        String(FINAL_TTL_MS),
        String(LIVE_TTL_MS),
      );
      const sequence = Number(result);
      return sequence < 0 ? null : sequence;
    },
  };
}
