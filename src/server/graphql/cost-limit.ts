import { type ExecutionArgs, type ExecutionResult, GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { GraphQLContext } from "../../schema/context.ts";
import { operationCost } from "./cost.ts";
import { checkVariablesText } from "./input-text.ts";
import { MAX_COST, refusal } from "./limits.ts";
import { type CostReport, costReport, type RateLimiter } from "./rate-limit.ts";

type WithCost = ExecutionResult & { extensions?: Record<string, unknown> };

function addCost<T extends WithCost>(result: T, cost: CostReport): T {
  return { ...result, extensions: { ...result.extensions, cost } };
}

/**
 * Every operation's cost (cost.ts, with its variables) is checked against MAX_COST, then taken from
 * its account's bucket; queries and mutations report `extensions.cost`, subscriptions
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
