import {
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  Lexer,
  type SelectionSetNode,
  Source,
  TokenKind,
  type ValidationRule,
} from "graphql";
import type { Plugin } from "graphql-yoga";

/** Limits the published runtime contract sets (README "Endpoints and limits"). */
export const MAX_DEPTH = 15;
export const MAX_COST = 5_000;
export const MAX_BODY_BYTES = 1024 * 1024;
/** Tokens of one document, counted before it is parsed. */
export const MAX_TOKENS = 15_000;
/** Brackets ({, [, () open at once in one document, counted before it is parsed. */
export const MAX_NESTING = 64;

/** A document refused for its size, depth or cost: HTTP 400, with `limit`, `found` and `measure`. */
export function refusal(code: "QUERY_TOO_DEEP" | "QUERY_TOO_COSTLY", message: string, details: object) {
  return new GraphQLError(message, { extensions: { code, ...details, http: { status: 400 } } });
}

/**
 * One pass of the lexer over the document (it is iterative and skips comments), stopping at the
 * first limit passed: the parser is recursive, so a document nested thousands deep would overflow
 * its stack, and a huge one would cost far more to parse than to refuse. Lexical errors are left
 * for the parser to report. (GraphQL Armor's max-tokens counts inside the parser instead: README
 * "How it works".)
 */
export function checkDocumentSize(text: string): void {
  const lexer = new Lexer(new Source(text));
  let tokens = 0;
  let open = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (++tokens > MAX_TOKENS) {
        throw refusal(
          "QUERY_TOO_COSTLY",
          `The document has more than ${MAX_TOKENS} tokens, the most allowed.`,
          {
            limit: MAX_TOKENS,
            found: tokens,
            measure: "tokens",
          },
        );
      }
      if (OPENING.has(token.kind)) {
        if (++open > MAX_NESTING) {
          throw refusal(
            "QUERY_TOO_DEEP",
            `The document nests more than ${MAX_NESTING} levels of brackets, the most allowed.`,
            { limit: MAX_NESTING, found: open, measure: "nesting" },
          );
        }
      } else if (CLOSING.has(token.kind)) {
        open--;
      }
    }
  } catch (error) {
    if (!(error instanceof GraphQLError) || error.extensions.code) throw error;
  }
}

const OPENING = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/** Selection depth: each field is a level; fragments count where they are spread; introspection is free. */
export const maxDepthRule: ValidationRule = (context) => {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const fragmentDepths = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (set: SelectionSetNode): number => {
    let deepest = 0;
    for (const selection of set.selections) {
      let depth = 0;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith("__")) continue;
        depth = 1 + (selection.selectionSet ? depthOf(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        depth = depthOf(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue; // other rules report these
        if (!fragmentDepths.has(name)) {
          visiting.add(name);
          fragmentDepths.set(name, depthOf(fragment.selectionSet));
          visiting.delete(name);
        }
        depth = fragmentDepths.get(name) ?? 0;
      }
      if (depth > deepest) deepest = depth;
    }
    return deepest;
  };
  return {
    OperationDefinition(node) {
      const found = depthOf(node.selectionSet);
      if (found > MAX_DEPTH) {
        context.reportError(
          new GraphQLError(`The operation's depth is ${found} levels; at most ${MAX_DEPTH} are allowed.`, {
            nodes: [node],
            extensions: { code: "QUERY_TOO_DEEP", limit: MAX_DEPTH, found, measure: "depth" },
          }),
        );
      }
    },
  };
};

const SUGGESTION = /\s*Did you mean .*\?$/;

/** "Did you mean …" tells a caller the schema's names: production answers without it. */
function withoutSuggestion(error: Error): Error {
  if (!(error instanceof GraphQLError) || !SUGGESTION.test(error.message)) return error;
  return new GraphQLError(error.message.replace(SUGGESTION, ""), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: error.extensions,
  });
}

export interface DocumentLimitOptions {
  suggestions: boolean;
}

/** Refuses abusive documents before they are parsed (size), validated (depth) or run. */
export function documentLimitPlugins({ suggestions }: DocumentLimitOptions): Plugin[] {
  return [
    {
      onParse({ params }) {
        checkDocumentSize(typeof params.source === "string" ? params.source : params.source.body);
      },
      onValidate({ addValidationRule }) {
        addValidationRule(maxDepthRule);
        if (suggestions) return;
        return ({ result, setResult }) => {
          if (result.length > 0) setResult(result.map(withoutSuggestion));
        };
      },
    },
  ];
}
