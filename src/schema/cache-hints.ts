import type { Clock } from "../domain/clock.ts";

/**
 * What one HTTP request learns while it executes: its account, the account's generation when
 * execution began, and whether the operation was a query that may be cached.
 */
export interface CacheTicket {
  startedAt: number;
  accountId: string | null;
  /** The operation's name, for the request log line of a later hit. */
  operationName: string | null;
  generation: number | null;
  cacheable: boolean;
  /** The instant a value in the response changes by the clock alone (see `validUntil`). */
  validUntil: number;
}

export function newTicket(clock: Clock): CacheTicket {
  return {
    startedAt: clock.now().getTime(),
    accountId: null,
    operationName: null,
    generation: null,
    cacheable: false,
    validUntil: Number.POSITIVE_INFINITY,
  };
}

/** The context field the HTTP layer passes its ticket in (Yoga's server context). */
export const TICKET = "responseCacheTicket";

/**
 * For resolvers of values derived from the clock: the value holds until `until` (null: it is
 * moving, the response must not be reused at all).
 */
export function validUntil(context: object, until: Date | null): void {
  const ticket = (context as { [TICKET]?: CacheTicket })[TICKET];
  if (ticket)
    ticket.validUntil = Math.min(ticket.validUntil, until ? until.getTime() : Number.NEGATIVE_INFINITY);
}
