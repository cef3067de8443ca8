import {
  type ExecutionArgs,
  type ExecutionResult,
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
import type { Clock } from "../../domain/clock.ts";
import type { GraphQLContext } from "../../schema/context.ts";
import { operationCost } from "./cost.ts";
import { checkVariablesText } from "./input-text.ts";
import {
  type CostReport,
  costReport,
  memoryRateLimiter,
  type RateLimiter,
  redisRateLimiter,
} from "./rate-limit.ts";

/** Limits the published runtime contract sets (README "Endpoints and limits"). */
export const MAX_DEPTH = 15;
export const MAX_COST = 5_000;
export const MAX_BODY_BYTES = 1024 * 1024;
/** Tokens of one document, counted before it is parsed. */
export const MAX_TOKENS = 15_000;
/** Brackets ({, [, () open at once in one document, counted before it is parsed. */
export const MAX_NESTING = 64;

function refusal(code: "QUERY_TOO_DEEP" | "QUERY_TOO_COSTLY", message: string, details: object) {
  return new GraphQLError(message, { extensions: { code, ...details, http: { status: 400 } } });
}

/**
 * One pass of the lexer over the document (it is iterative and skips comments), stopping at the
 * first limit passed: the parser is recursive, so a document nested thousands deep would overflow
 * its stack, and a huge one would cost far more to parse than to refuse. Lexical errors are left
 * for the parser to report.
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

export interface CostLimitOptions {
  capacity: number;
  restorePerSecond: number;
  clock: Clock;
  redisUrl?: string;
  redisKeyPrefix?: string;
}

/** Each account's cost bucket: in memory, or in Redis so that replicas share it. */
export function createRateLimiter(options: CostLimitOptions): RateLimiter {
  return options.redisUrl
    ? redisRateLimiter({ ...options, redisUrl: options.redisUrl, keyPrefix: options.redisKeyPrefix })
    : memoryRateLimiter(options);
}

/** Takes a cost from an account's bucket: the report to attach, or null when the bucket cannot pay. */
export async function chargeAccount(
  limiter: RateLimiter,
  accountId: string,
  cost: number,
): Promise<CostReport | null> {
  const { allowed, available } = await limiter.take(accountId, cost);
  return allowed ? costReport(limiter, cost, available) : null;
}

type WithCost = ExecutionResult & { extensions?: Record<string, unknown> };

function addCost<T extends WithCost>(result: T, cost: CostReport): T {
  return { ...result, extensions: { ...result.extensions, cost } };
}

/**
 * Every operation's cost (src/server/graphql/cost.ts, with its variables) is checked against MAX_COST, then
 * taken from its account's bucket; queries and mutations report `extensions.cost`, subscriptions
 * pay when they start and report it on their first event.
 */
export function costLimitPlugin(limiter: RateLimiter): Plugin {
  /** The refusal, or the report to attach to the result. */
  const charge = async (
    args: ExecutionArgs,
  ): Promise<{ refused: ExecutionResult } | { report: CostReport }> => {
    try {
      checkVariablesText(args.variableValues);
    } catch (error) {
      return { refused: { errors: [error as GraphQLError] } };
    }
    const cost = operationCost(args.schema, args.document, args.operationName, args.variableValues);
    const account = (args.contextValue as Partial<GraphQLContext>).account;
    if (cost > MAX_COST) {
      // Nothing is taken; the response still tells the bucket's state (a take of 0 reads it).
      const available = account ? (await limiter.take(account.id, 0)).available : limiter.capacity;
      return {
        refused: {
          errors: [
            refusal("QUERY_TOO_COSTLY", `The operation costs ${cost}; at most ${MAX_COST} is allowed.`, {
              limit: MAX_COST,
              found: cost,
              measure: "cost",
            }),
          ],
          extensions: { cost: costReport(limiter, cost, available) },
        },
      };
    }
    if (!account) return { report: costReport(limiter, cost, limiter.capacity) };
    const { allowed, available } = await limiter.take(account.id, cost);
    const report = costReport(limiter, cost, available);
    if (allowed) return { report };
    const retryAfter = Math.max(1, Math.ceil((cost - available) / limiter.restorePerSecond));
    return {
      refused: {
        errors: [
          new GraphQLError(
            `Throttled: the operation costs ${cost} and the account's bucket has ${Math.floor(available)} of ${limiter.capacity} points; it gets ${limiter.restorePerSecond} back per second.`,
            {
              extensions: {
                code: "THROTTLED",
                http: { status: 429, headers: { "retry-after": String(retryAfter) } },
              },
            },
          ),
        ],
        extensions: { cost: report },
      },
    };
  };

  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const outcome = await charge(args);
      if ("refused" in outcome) {
        setResultAndStopExecution(outcome.refused);
        return;
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (!(Symbol.asyncIterator in result)) setResult(addCost(result, outcome.report));
        },
      };
    },
    async onSubscribe({ args, setResultAndStopExecution }) {
      const outcome = await charge(args);
      if ("refused" in outcome) {
        setResultAndStopExecution(outcome.refused);
        return;
      }
      let first = true;
      return {
        onSubscribeResult({ result, setResult }) {
          if (!(Symbol.asyncIterator in result)) {
            setResult(addCost(result, outcome.report));
            return;
          }
          return {
            onNext({ result: next, setResult: setNext }) {
              if (!first) return;
              first = false;
              setNext(addCost(next, outcome.report));
            },
          };
        },
      };
    },
    onDispose: () => limiter.close(),
  };
}
