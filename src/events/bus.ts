import { setMaxListeners } from "node:events";
import { createPubSub } from "graphql-yoga";

/**
 * Typed topics keyed by resource ID. Events carry the rows they describe, so subscribers never
 * read the database per event.
 */
export function createEventBus<T extends { [K in keyof T]: [string, unknown] }>() {
  const eventTarget = new EventTarget();
  // Every subscriber of a topic is a listener; thousands on one image are expected, not a leak.
  setMaxListeners(0, eventTarget);
  return createPubSub<{ [K in keyof T & string]: T[K] }>({ eventTarget });
}
