import type { Server as HttpServer } from "node:http";
import { type DocumentNode, GraphQLError } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { type Authenticate, bearerKey } from "../domain/accounts.ts";
import type { Account } from "../generated/prisma/client.ts";
import type { GatewayYoga } from "./yoga.ts";

type ConnectionExtra = {
  account?: Account;
};

/**
 * graphql-ws on the same port and path as HTTP. The key is checked once at connection_init;
 * a bad key closes the socket with 4403. Operations go through Yoga's envelop, so they get the
 * same schema, limits and context as HTTP.
 */
export function attachGraphqlWs(httpServer: HttpServer, yoga: GatewayYoga, authenticate: Authenticate) {
  const wsServer = new WebSocketServer({ server: httpServer, path: yoga.graphqlEndpoint });
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
          // A malformed document is the client's error for this operation, not a reason to drop the socket.
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
