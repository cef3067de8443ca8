import type { Server as HttpServer } from "node:http";
import { type DocumentNode, GraphQLError } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { type Authenticate, bearerKey } from "../../domain/accounts.ts";
import type { Account } from "../../generated/prisma/client.ts";
import { MAX_BODY_BYTES } from "../graphql/limits.ts";
import type { GatewayYoga } from "../graphql/yoga.ts";

type ConnectionExtra = {
  account?: Account;
};

export interface WsLimits {
  /** Operations in flight on one socket; one more is refused with TOO_MANY_OPERATIONS. */
  maxOperations: number;
}

function tooManyOperations(max: number): GraphQLError {
  return new GraphQLError(
    `This socket already runs ${max} operations, the most one socket may: complete one first, or open another socket.`,
    { extensions: { code: "TOO_MANY_OPERATIONS", limit: max } },
  );
}

/**
 * graphql-ws on the same port and path as HTTP. The key is checked once at connection_init;
 * a bad key closes the socket with 4403. Operations go through Yoga's envelop, so they get the
 * same schema, limits and context as HTTP. A message over 1 MiB (the HTTP body limit) closes the
 * socket with 1009; a refused document is an error for its operation only.
 */
export function attachGraphqlWs(
  httpServer: HttpServer,
  yoga: GatewayYoga,
  authenticate: Authenticate,
  limits: WsLimits = { maxOperations: 100 },
) {
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: yoga.graphqlEndpoint,
    maxPayload: MAX_BODY_BYTES,
  });
  const disposable = useServer<Record<string, unknown> | undefined, ConnectionExtra>(
    {
      execute: (args) => (args.rootValue as { execute: typeof import("graphql").execute }).execute(args),
      subscribe: (args) =>
        (args.rootValue as { subscribe: typeof import("graphql").subscribe }).subscribe(args),
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        const account = await authenticate(bearerKey(typeof header === "string" ? header : null));
        if (!account) return false;
        ctx.extra.account = account;
        return true;
      },
      onSubscribe: async (ctx, _id, params) => {
        // graphql-ws registers the operation before this hook: the count includes it.
        if (Object.keys(ctx.subscriptions).length > limits.maxOperations) {
          return [tooManyOperations(limits.maxOperations)];
        }
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          wsAccount: ctx.extra.account,
        });
        let document: DocumentNode;
        try {
          document = parse(params.query);
        } catch (error) {
          // A malformed or refused document is the client's error for this operation, not a reason to drop the socket.
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        return {
          schema,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
    },
    wsServer,
  );
  return {
    wsServer,
    /** Closes every socket with 1001 (going away) and stops accepting new ones. */
    async close(): Promise<void> {
      for (const client of wsServer.clients) client.close(1001, "Server shutting down");
      await disposable.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
