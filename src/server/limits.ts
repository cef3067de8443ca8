import { costLimitPlugin } from "@escape.tech/graphql-armor-cost-limit";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";

/** RUNTIME.md "Limits". */
export const MAX_DEPTH = 15;
export const MAX_COST = 20_000;
export const MAX_BODY_BYTES = 1024 * 1024;

/** Validation rules, so an abusive document is refused before anything executes. */
export function documentLimitPlugins() {
  return [
    maxDepthPlugin({ n: MAX_DEPTH, ignoreIntrospection: true, flattenFragments: true }),
    costLimitPlugin({ maxCost: MAX_COST, ignoreIntrospection: true }),
  ];
}
