import type { Plugin } from "graphql-yoga";
import type { Config } from "../../config.ts";
import type { Authenticate } from "../../domain/accounts.ts";
import { corsPolicy } from "../transport/cors.ts";
import { authenticateFirst } from "./auth-first.ts";
import { badRequestPlugin } from "./bad-request.ts";
import { costLimitPlugin } from "./cost-limit.ts";
import { boundedParserCache } from "./document-cache.ts";
import { documentLimitPlugins } from "./limits.ts";
import type { RateLimiter } from "./rate-limit.ts";

/** Yoga options for the limits: the CORS allow-list and a parse cache bounded in bytes. */
export function guardOptions(config: Config) {
  return {
    cors: corsPolicy(config.limits.corsOrigins, config.development),
    parserAndValidationCache: boundedParserCache(),
  };
}

export interface GuardDeps {
  config: Config;
  authenticate: Authenticate;
  unauthenticated: () => Error;
  limiter: RateLimiter;
}

/**
 * In the order they must run: unreadable requests are 400, the key is checked before the
 * document is parsed, documents are sized before parsing and limited in depth when validated,
 * then each operation's cost is checked and taken from its account's bucket.
 */
export function guardPlugins({ config, authenticate, unauthenticated, limiter }: GuardDeps): Plugin[] {
  return [
    badRequestPlugin(),
    authenticateFirst(authenticate, unauthenticated),
    ...documentLimitPlugins({ suggestions: config.development }),
    costLimitPlugin(limiter),
  ];
}
