import { createClient as createWsClient } from "graphql-ws";
import {
  Client,
  type CombinedError,
  cacheExchange,
  fetchExchange,
  mapExchange,
  subscriptionExchange,
} from "urql";

export interface ClientEvents {
  /** A request did not reach the gateway, or live updates were cut (null: all is well again). */
  onNetworkProblem(message: string | null): void;
  /** The gateway no longer accepts the key. */
  onUnauthenticated(): void;
}

const endpoint = () => new URL("/graphql", window.location.href);

function isUnauthenticated(error: CombinedError): boolean {
  return (
    error.response?.status === 401 ||
    error.graphQLErrors.some(
      (e) => (e.extensions as { code?: string } | undefined)?.code === "UNAUTHENTICATED",
    )
  );
}

/** One urql client per API key: HTTP for queries and mutations, graphql-ws for subscriptions. */
export function createGatewayClient(
  apiKey: string,
  events: ClientEvents,
): { client: Client; dispose(): void } {
  const authorization = `Bearer ${apiKey}`;
  const wsUrl = endpoint();
  wsUrl.protocol = wsUrl.protocol === "https:" ? "wss:" : "ws:";
  const ws = createWsClient({
    url: wsUrl.toString(),
    connectionParams: { authorization },
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    on: {
      connected: () => events.onNetworkProblem(null),
      closed: (event) => {
        const code = (event as CloseEvent | undefined)?.code;
        // 1000: the lazy client closed an idle socket; 4401/4403: the key was refused.
        if (code === 4401 || code === 4403) events.onUnauthenticated();
        else if (code !== undefined && code !== 1000) {
          events.onNetworkProblem("Live updates were interrupted; reconnecting…");
        }
      },
    },
  });

  const client = new Client({
    url: endpoint().toString(),
    requestPolicy: "cache-and-network",
    fetchOptions: () => ({ headers: { authorization } }),
    exchanges: [
      mapExchange({
        onResult(result) {
          if (!result.error) events.onNetworkProblem(null);
          return result;
        },
        onError(error) {
          if (isUnauthenticated(error)) events.onUnauthenticated();
          else if (error.networkError) {
            events.onNetworkProblem(`The gateway could not be reached: ${error.networkError.message}`);
          }
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const operation = { ...request, query: request.query ?? "" };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(operation, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return { client, dispose: () => void ws.dispose() };
}
