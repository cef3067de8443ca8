import { createHash } from "node:crypto";
import type { DefinitionNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Clock } from "../../domain/clock.ts";
import type { ImageEvent, ProgressBus, SnapshotEvent } from "../../events/progress.ts";
import { type CacheTicket, TICKET } from "../../schema/cache-hints.ts";
import type { GraphQLContext } from "../../schema/context.ts";

export { type CacheTicket, newTicket, TICKET } from "../../schema/cache-hints.ts";

/**
 * Whole HTTP responses of queries, served again for identical requests of the same API key.
 *
 * - Never across accounts: the key is the request body plus the Authorization header (and Accept),
 *   and an entry is stored only for the account that the execution itself authenticated.
 * - Never past a change: every mutation of an account, and every engine transition or progress
 *   event of it (`invalidateAccount`), bumps the account's generation; an entry of an older
 *   generation is never served, and a result computed while a change committed is not stored.
 * - Never free: a hit takes the query's cost from the account's rate bucket like an execution, and
 *   reports the bucket as it is now (the http layer stores `data` and adds `extensions.cost`).
 * - Never stale by time: a response holding a value derived from the clock that is still moving
 *   (the progress of a PROGRESSING snapshot, an image in flight) is not stored at all, one that
 *   changes at a known instant (an instance's expiry) lives until then, and none lives longer than
 *   `ttlMs` (PROGRESS_INTERVAL_MS), by the gateway's clock.
 * - Never without bound: an answer above `maxEntryBytes` is not stored, all entries together hold at
 *   most `maxBytes` (and `maxEntries`), least recently used out first, and a sweep frees entries at
 *   their expiry whether or not they are asked for again.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();
  private readonly bounds: CacheBounds;
  private heldBytes = 0;
  /** The earliest `expires` of the entries held (a sweep before it would free nothing). */
  private nextExpiry = Number.POSITIVE_INFINITY;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
    bounds: Partial<CacheBounds> = {},
  ) {
    this.bounds = { ...DEFAULT_CACHE_BOUNDS, ...bounds };
    // An entry past its TTL is freed even if its key is never asked for again.
    this.sweeper = setInterval(() => this.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  generation(accountId: string): number {
    return this.generations.get(accountId) ?? 0;
  }

  get(key: string): Entry | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (
      entry.expires <= this.clock.now().getTime() ||
      entry.generation !== this.generation(entry.accountId)
    ) {
      this.remove(key, entry);
      return null;
    }
    // Least recently used first out: a hit moves to the end (a Map iterates in insertion order).
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Whether an answer of this many bytes may be stored at all (RESPONSE_CACHE_MAX_ENTRY_BYTES). */
  accepts(bytes: number): boolean {
    return bytes <= this.bounds.maxEntryBytes;
  }

  /**
   * Stores a response computed from the account's state as of `generation`, unless it changed since;
   * `cost` is what serving it again takes from the account's rate bucket.
   */
  set(key: string, ticket: CacheTicket, body: Buffer, headers: Record<string, string>, cost = 0): void {
    if (!ticket.accountId || !ticket.cacheable || ticket.generation === null) return;
    if (ticket.generation !== this.generation(ticket.accountId)) return;
    const expires = Math.min(ticket.startedAt + this.ttlMs, ticket.validUntil);
    if (expires <= ticket.startedAt) return;
    const size = entrySize(key, body, headers);
    if (size > this.bounds.maxEntryBytes) return;
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    const full = () =>
      this.entries.size >= this.bounds.maxEntries || this.heldBytes + size > this.bounds.maxBytes;
    // Expired entries make room before live ones are dropped (a whole pass only when full).
    if (full()) this.sweep();
    for (const [oldest, entry] of this.entries) {
      if (!full()) break;
      this.remove(oldest, entry);
    }
    this.entries.set(key, {
      accountId: ticket.accountId,
      operationName: ticket.operationName,
      generation: ticket.generation,
      expires,
      body: ownBuffer(body),
      headers,
      cost,
      size,
    });
    this.heldBytes += size;
    this.nextExpiry = Math.min(this.nextExpiry, expires);
  }

  /** Frees every entry past its expiry (run by a timer, and by a store that finds the cache full). */
  sweep(): void {
    const now = this.clock.now().getTime();
    if (now < this.nextExpiry) return;
    let next = Number.POSITIVE_INFINITY;
    for (const [key, entry] of this.entries) {
      if (entry.expires <= now) this.remove(key, entry);
      else next = Math.min(next, entry.expires);
    }
    this.nextExpiry = next;
  }

  /** Something the account can read changed: none of its cached responses is served again. */
  invalidateAccount(accountId: string): void {
    this.generations.set(accountId, this.generation(accountId) + 1);
  }

  /** Stops the sweep and frees everything (the app is closing). */
  dispose(): void {
    clearInterval(this.sweeper);
    this.entries.clear();
    this.heldBytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** What the entries held take (see entrySize): at most RESPONSE_CACHE_MAX_BYTES. */
  get bytes(): number {
    return this.heldBytes;
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.heldBytes -= entry.size;
  }
}

export interface CacheBounds {
  maxEntries: number;
  /** All entries together (RESPONSE_CACHE_MAX_BYTES). */
  maxBytes: number;
  /** One entry (RESPONSE_CACHE_MAX_ENTRY_BYTES): a larger answer is not stored. */
  maxEntryBytes: number;
}

export const DEFAULT_CACHE_BOUNDS: CacheBounds = {
  maxEntries: 5_000,
  maxBytes: 64 * 1024 * 1024,
  maxEntryBytes: 1024 * 1024,
};

const SWEEP_EVERY_MS = 1_000;

/** The bookkeeping of one entry besides its body and headers: the key, the object, the Map's slot. */
const ENTRY_OVERHEAD_BYTES = 256;

function entrySize(key: string, body: Buffer, headers: Record<string, string>): number {
  let size = ENTRY_OVERHEAD_BYTES + key.length + body.length;
  for (const [name, value] of Object.entries(headers)) size += name.length + value.length;
  return size;
}

/**
 * A small Buffer made from a string is a slice of a shared 8 KiB pool: keeping it would keep the
 * whole slab, more than the entry counts. A copy of its own holds exactly its bytes.
 */
function ownBuffer(body: Buffer): Buffer {
  if (body.byteOffset === 0 && body.buffer.byteLength === body.length) return body;
  const own = Buffer.allocUnsafeSlow(body.length);
  body.copy(own);
  return own;
}

interface Entry {
  accountId: string;
  operationName: string | null;
  generation: number;
  expires: number;
  body: Buffer;
  /** The response's headers but its length. */
  headers: Record<string, string>;
  cost: number;
  /** What it counts towards the cache's byte bound (entrySize). */
  size: number;
}

/**
 * A request's identity: its body, the API key it carries, the response format it accepts and the
 * browser origin it comes from (the stored headers include the CORS headers decided for that origin).
 */
export function responseCacheKey(
  authorization: string | undefined,
  accept: string | undefined,
  body: Buffer,
  origin?: string,
): string {
  return createHash("sha1")
    .update(authorization ?? "")
    .update("\n")
    .update(accept ?? "")
    .update("\n")
    .update(origin ?? "")
    .update("\n")
    .update(body)
    .digest("base64");
}

/**
 * Fills the ticket of a cacheable request, and invalidates an account's responses when one of its
 * mutations has run (over HTTP, SSE or graphql-ws alike).
 */
export function responseCachePlugin(cache: ResponseCache): Plugin<GraphQLContext> {
  return {
    onExecute({ args }) {
      const context = args.contextValue as GraphQLContext & { [TICKET]?: CacheTicket };
      const operation = args.document.definitions.find(
        (d: DefinitionNode) =>
          d.kind === "OperationDefinition" &&
          (args.operationName ? d.name?.value === args.operationName : true),
      );
      const kind = operation?.kind === "OperationDefinition" ? operation.operation : null;
      const accountId = context.account?.id;
      if (kind === "mutation" && accountId) {
        return { onExecuteDone: () => cache.invalidateAccount(accountId) };
      }
      const ticket = context[TICKET];
      if (ticket && kind === "query" && accountId) {
        ticket.accountId = accountId;
        ticket.operationName =
          operation?.kind === "OperationDefinition" ? (operation.name?.value ?? null) : null;
        ticket.generation = cache.generation(accountId);
        return {
          onExecuteDone: ({ result }) => {
            // Only a plain result with no error (not a stream, not a partial failure).
            ticket.cacheable =
              !(Symbol.asyncIterator in (result as object)) &&
              !("errors" in result && result.errors && result.errors.length > 0);
          },
        };
      }
      return undefined;
    },
  };
}

/**
 * The engine publishes every transition and progress change after it commits: each one also ends
 * the cached responses of the account it belongs to.
 */
export function invalidatingBus(bus: ProgressBus, cache: ResponseCache): ProgressBus {
  const publish = (topic: "image" | "snapshot", id: string, event: ImageEvent | SnapshotEvent) => {
    const accountId = "image" in event ? event.image.accountId : event.snapshot.accountId;
    if (accountId) cache.invalidateAccount(accountId);
    (bus.publish as (topic: string, id: string, event: unknown) => void)(topic, id, event);
  };
  return { ...bus, publish: publish as ProgressBus["publish"] };
}
