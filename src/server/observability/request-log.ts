import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { type DocumentNode, type ExecutionResult, getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Logger } from "../../logger.ts";
import type { Middleware } from "../transport/compression.ts";
import { errorCode, userErrorsOf } from "./result-codes.ts";

export const REQUEST_ID_HEADER = "x-request-id";

/** An incoming request ID is kept when it looks like one (a UUID, a trace ID…); otherwise a new one. */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:/=+-]{0,127}$/;

/** Probes are logged at debug level: a load balancer asking every few seconds is not news. */
const PROBES = new Set(["/healthz", "/readyz"]);

interface RequestRecord {
  requestId: string;
  operationName?: string;
  accountId?: string;
  errorCodes: Set<string>;
  userErrorCodes: Set<string>;
}

export interface RequestLog {
  /** Assigns the request ID (response header too) and writes the line when the response ends. */
  middleware: Middleware;
  /** Tells the line what Yoga learnt: operation name, account, error codes. */
  plugin: Plugin;
  /** The response cache answered the request (Yoga did not run): what the execution would have told. */
  noteCacheHit(req: IncomingMessage, hit: { accountId: string; operationName: string | null }): void;
}

export function requestIdFor(incoming: string | string[] | undefined): string {
  const given = Array.isArray(incoming) ? incoming[0] : incoming;
  return given && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

function collectErrors(record: RequestRecord, result: ExecutionResult): void {
  for (const error of result.errors ?? []) record.errorCodes.add(errorCode(error));
  for (const userError of userErrorsOf(result)) record.userErrorCodes.add(String(userError.code));
}

function isStream(result: unknown): result is AsyncIterable<unknown> {
  return !!result && typeof result === "object" && Symbol.asyncIterator in result;
}

/**
 * One JSON line per HTTP request: request ID, method, path (no query string: it may carry
 * variables), status, duration, operation name, account ID and error codes. Nothing from the
 * request's headers is written, so never an API key or anything derived from one.
 */
export function createRequestLog(logger: Logger): RequestLog {
  const records = new WeakMap<IncomingMessage, RequestRecord>();
  const recordOf = (context: unknown) => {
    const req = (context as { req?: IncomingMessage } | undefined)?.req;
    return req ? records.get(req) : undefined;
  };

  const middleware: Middleware = (req, res, next) => {
    const started = performance.now();
    const record: RequestRecord = {
      requestId: requestIdFor(req.headers[REQUEST_ID_HEADER]),
      errorCodes: new Set(),
      userErrorCodes: new Set(),
    };
    records.set(req, record);
    res.setHeader(REQUEST_ID_HEADER, record.requestId);
    res.once("close", () => write(req, res, record, started));
    next();
  };

  const write = (req: IncomingMessage, res: ServerResponse, record: RequestRecord, started: number) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const fields = {
      requestId: record.requestId,
      method: req.method,
      path,
      status: res.statusCode,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...(record.operationName ? { operationName: record.operationName } : {}),
      ...(record.accountId ? { accountId: record.accountId } : {}),
      ...(record.errorCodes.size ? { errorCodes: [...record.errorCodes] } : {}),
      ...(record.userErrorCodes.size ? { userErrorCodes: [...record.userErrorCodes] } : {}),
      // The client went away before the response was complete (a closed stream, a cancelled fetch).
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    if (PROBES.has(path)) logger.debug("request", fields);
    else if (res.statusCode >= 500) logger.error("request", fields);
    else logger.info("request", fields);
  };

  const learn = (args: { contextValue: unknown; document: DocumentNode; operationName?: string | null }) => {
    const record = recordOf(args.contextValue);
    if (!record) return undefined;
    record.operationName ??= getOperationAST(args.document, args.operationName)?.name?.value;
    record.accountId = (args.contextValue as { account?: { id: string } }).account?.id;
    return record;
  };

  const plugin: Plugin = {
    onParams({ params, context }) {
      const record = recordOf(context);
      if (record && params.operationName) record.operationName = params.operationName;
    },
    onParse({ context }) {
      const record = recordOf(context);
      if (!record) return;
      const requested = (context as { params?: { operationName?: string | null } }).params?.operationName;
      return ({ result }) => {
        if (result && "kind" in result && result.kind === "Document") {
          record.operationName ??= getOperationAST(result, requested)?.name?.value;
        }
      };
    },
    onExecute({ args }) {
      learn(args);
    },
    onSubscribe({ args }) {
      const record = learn(args);
      if (!record) return;
      return {
        onSubscribeResult: () => ({
          onNext: ({ result }) => collectErrors(record, result),
        }),
      };
    },
    onResultProcess({ result, serverContext }) {
      const record = recordOf(serverContext);
      if (!record || isStream(result)) return;
      for (const one of Array.isArray(result) ? result : [result]) collectErrors(record, one);
    },
  };

  const noteCacheHit: RequestLog["noteCacheHit"] = (req, hit) => {
    const record = records.get(req);
    if (!record) return;
    record.accountId = hit.accountId;
    if (hit.operationName) record.operationName = hit.operationName;
  };

  return { middleware, plugin, noteCacheHit };
}
