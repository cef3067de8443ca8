import type { Plugin } from "graphql-yoga";
import { type Authenticate, bearerKey } from "../../domain/accounts.ts";
import type { Account } from "../../generated/prisma/client.ts";

/** Where the HTTP transports leave the account for the context factory. */
export interface HttpAccountContext {
  httpAccount?: Account;
}

/**
 * HTTP and SSE: the key is checked once the request's parameters are read, before the document is
 * parsed, validated or cached, so a caller without a key costs a hash and a map lookup.
 * (graphql-ws authenticates at connection_init, before any operation.)
 */
export function authenticateFirst(authenticate: Authenticate, unauthenticated: () => Error): Plugin {
  return {
    async onParams({ request, context, setResult }) {
      const account = await authenticate(bearerKey(request.headers.get("authorization")));
      if (account) (context as HttpAccountContext).httpAccount = account;
      else setResult({ errors: [unauthenticated() as never] });
    },
  };
}
