import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { createGraphQLError, createYoga, type Plugin, type YogaInitialContext } from "graphql-yoga";
import type { Config } from "../../config.ts";
import { type Authenticate, bearerKey } from "../../domain/accounts.ts";
import type { Account } from "../../generated/prisma/client.ts";
import type { Logger } from "../../logger.ts";
import type { GraphQLContext } from "../../schema/context.ts";
import { schema } from "../../schema/index.ts";
import { createLoaders } from "../../schema/loaders.ts";
import { EXAMPLE_OPERATION } from "../transport/graphiql-example.ts";
import type { HttpAccountContext } from "./auth-first.ts";
import { guardOptions, guardPlugins } from "./guards.ts";
import type { RateLimiter } from "./rate-limit.ts";
import { type ResponseCache, responseCachePlugin } from "./response-cache.ts";
import { sharedEventExecutionPlugin } from "./shared-events.ts";

/** What every request's context shares with the others (its account and loaders are its own). */
type SharedContext = Pick<
  GraphQLContext,
  "prisma" | "clock" | "bus" | "ledger" | "storage" | "afterCommit" | "refreshProgress"
>;

export interface YogaDeps extends SharedContext {
  config: Config;
  authenticate: Authenticate;
  logger: Logger;
  /** Operations plugins (metrics, request log), after the guards. */
  extraPlugins?: Plugin[];
  /** Each account's cost bucket (the response cache's hits draw on it too). */
  limiter: RateLimiter;
  responseCache?: ResponseCache;
}

/** What graphql-ws puts in the initial context: the account it authenticated at connection_init. */
export interface WsInitialContext {
  wsAccount?: Account;
}

export function unauthenticated(): Error {
  return createGraphQLError(
    'A valid API key is required: send the header \'Authorization: Bearer <key>\' (over graphql-ws, the connection_init payload { "authorization": "Bearer <key>" }).',
    { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } },
  );
}

export function createGatewayYoga(deps: YogaDeps) {
  const { config, prisma, authenticate, clock, bus, ledger, storage, afterCommit, refreshProgress, logger } =
    deps;
  const { responseCache } = deps;
  const rates = {
    snapshotGibPerSecond: config.snapshotGibPerSecond,
    copyGibPerSecond: config.copyGibPerSecond,
  };
  return createYoga<WsInitialContext, GraphQLContext>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    maskedErrors: true,
    logging: {
      debug: (...args) => logger.debug(String(args[0]), { args: args.slice(1) }),
      info: (...args) => logger.info(String(args[0]), { args: args.slice(1) }),
      warn: (...args) => logger.warn(String(args[0]), { args: args.slice(1) }),
      error: (...args) => logger.error(String(args[0]), { args: args.slice(1) }),
    },
    graphiql: config.development
      ? {
          title: "image-gateway",
          defaultQuery: EXAMPLE_OPERATION,
          headers: JSON.stringify({ Authorization: `Bearer ${config.demoApiKey}` }, null, 2),
          // Over SSE, subscriptions carry the Headers tab (the API key) like queries do.
          subscriptionsProtocol: "SSE",
          shouldPersistHeaders: false,
        }
      : false,
    // GraphiQL's assets ship in the package: the page works without reaching a CDN.
    renderGraphiQL,
    ...guardOptions(config),
    plugins: [
      ...guardPlugins({ config, authenticate, unauthenticated, limiter: deps.limiter }),
      ...(responseCache ? [responseCachePlugin(responseCache)] : []),
      ...(deps.extraPlugins ?? []),
      sharedEventExecutionPlugin(),
    ],
    context: async (initial: YogaInitialContext & WsInitialContext & HttpAccountContext) => {
      const account =
        initial.wsAccount ??
        initial.httpAccount ??
        (await authenticate(bearerKey(initial.request?.headers.get("authorization"))));
      if (!account) throw unauthenticated();
      return {
        prisma,
        clock,
        account,
        rates,
        bus,
        ledger,
        storage,
        afterCommit,
        refreshProgress,
        loaders: createLoaders(prisma),
      };
    },
  });
}

export type GatewayYoga = ReturnType<typeof createGatewayYoga>;
