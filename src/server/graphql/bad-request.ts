import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_REQUEST", http: { status: 400 } } });
}

/**
 * A request whose parameters cannot be read (GET `variables=%7Bbad`, `extensions=%5B`, a body that
 * is not JSON) is the client's error: HTTP 400 with what is wrong, never a masked 500, and never
 * the parser's internals.
 */
export function badRequestPlugin(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (error instanceof GraphQLError) {
            throw badRequest(error.message.replace(/^(.*?POST body.*?)(?::.*)?$/s, "$1"));
          }
          if (error instanceof SyntaxError) {
            throw badRequest(
              "The request's JSON (body, or the variables and extensions parameters) is malformed.",
            );
          }
          throw error;
        }
      });
    },
  };
}
