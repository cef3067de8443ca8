import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { ExecutionResult } from "graphql";
import { print } from "graphql";
import type { Client } from "graphql-ws";

/**
 * The events of one subscription as they arrive, with promises for "the next event that…", so
 * tests wait for what they expect instead of sleeping.
 */
export class Stream<T> {
  readonly events: T[] = [];
  errors: unknown[] = [];
  completed = false;
  private waiters: { test: () => boolean; resolve: () => void; reject: (e: unknown) => void }[] = [];
  readonly finished: Promise<T[]>;
  private finish!: () => void;
  private fail!: (error: unknown) => void;

  constructor() {
    this.finished = new Promise<T[]>((resolve, reject) => {
      this.finish = () => resolve(this.events);
      this.fail = reject;
    });
    this.finished.catch(() => undefined);
  }

  push(event: T): void {
    this.events.push(event);
    this.check();
  }

  complete(): void {
    this.completed = true;
    this.finish();
    this.check();
  }

  error(error: unknown): void {
    this.errors.push(error);
    this.fail(error);
    for (const waiter of this.waiters) waiter.reject(error);
    this.waiters = [];
  }

  /** Resolves once some event satisfies `predicate` (or at once if one already has). */
  until(predicate: (event: T, all: T[]) => boolean, timeoutMs = 10_000): Promise<T[]> {
    const test = () => this.events.some((e) => predicate(e, this.events));
    return new Promise<T[]>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`)),
        timeoutMs,
      );
      const waiter = {
        test,
        resolve: () => {
          clearTimeout(timer);
          resolve(this.events);
        },
        reject: (e: unknown) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      if (test()) waiter.resolve();
      else this.waiters.push(waiter);
    });
  }

  private check(): void {
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.test()) return true;
      waiter.resolve();
      return false;
    });
  }
}

export function subscribeWs<T, V>(
  client: Client,
  document: TypedDocumentNode<T, V>,
  variables: V,
): Stream<T> {
  const stream = new Stream<T>();
  client.subscribe<T>(
    { query: print(document), variables: variables as Record<string, unknown> },
    {
      next: (result: ExecutionResult<T>) => {
        if (result.errors?.length) stream.error(result.errors);
        else if (result.data) stream.push(result.data);
      },
      error: (error) => stream.error(error),
      complete: () => stream.complete(),
    },
  );
  return stream;
}
