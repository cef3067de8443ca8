import { createSourceEventStream, type ExecutionArgs, type ExecutionResult, execute } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * Subscribers of one event that run the same document with the same variables for the same account
 * share one execution of it: the bus hands every listener the very same event object, so the
 * results are remembered per event object (a WeakMap: gone with the event). A subscriber's first
 * event (its current state) is an object of its own and is executed for it alone. The account is
 * part of the key, so no result reaches another account; an event only reaches subscribers whose
 * stream was opened for that resource after their access was checked.
 */
export function sharedEventExecutionPlugin(): Plugin {
  const results = new WeakMap<object, Map<string, Promise<ExecutionResult> | ExecutionResult>>();
  const documentIds = new WeakMap<object, number>();
  let nextDocumentId = 0;

  const keyOf = (args: ExecutionArgs): string | null => {
    const account = (args.contextValue as { account?: { id: string } } | undefined)?.account?.id;
    if (!account) return null;
    let documentId = documentIds.get(args.document);
    if (documentId === undefined) {
      documentId = nextDocumentId++;
      documentIds.set(args.document, documentId);
    }
    return JSON.stringify([account, documentId, args.operationName ?? null, args.variableValues ?? null]);
  };

  const executeShared = (args: ExecutionArgs, key: string | null, payload: unknown) => {
    const own = () => execute({ ...args, rootValue: payload });
    if (key === null || typeof payload !== "object" || payload === null) return own();
    let byKey = results.get(payload);
    if (!byKey) {
      byKey = new Map();
      results.set(payload, byKey);
    }
    let result = byKey.get(key);
    if (!result) {
      result = own();
      byKey.set(key, result);
    }
    return result;
  };

  const subscribe = async (args: ExecutionArgs) => {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source as ExecutionResult;
    const key = keyOf(args);
    const iterator = (source as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    const mapped: AsyncIterableIterator<ExecutionResult> = {
      [Symbol.asyncIterator]: () => mapped,
      async next() {
        const step = await iterator.next();
        if (step.done) return { done: true, value: undefined };
        return { done: false, value: await executeShared(args, key, step.value) };
      },
      async return() {
        await iterator.return?.();
        return { done: true, value: undefined };
      },
      async throw(error) {
        await iterator.return?.();
        throw error;
      },
    };
    return mapped;
  };

  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(subscribe as never);
    },
  };
}
