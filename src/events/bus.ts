import { createPubSub } from "graphql-yoga";

/**
 * Typed topics keyed by resource ID. Events carry the rows they describe, so subscribers never
 * read the database per event.
 */
export type Topics = Record<string, [string, unknown]>;

export function createEventBus<T extends { [K in keyof T]: [string, unknown] }>() {
  return createPubSub<{ [K in keyof T & string]: T[K] }>();
}
