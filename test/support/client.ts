import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type ExecutionResult, print } from "graphql";
import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";
import { DEMO_KEY } from "./app.ts";

export interface HttpResult<T> extends ExecutionResult<T> {
  status: number;
}

/** A POST of a GraphQL request body (query, variables, operationName) to the gateway's /graphql, with the account's key if there is one. */
export function postBody(
  origin: string,
  body: object,
  key: string | null = DEMO_KEY,
  accept = "application/json",
): Promise<Response> {
  return fetch(`${origin}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept,
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify(body),
  });
}

/** A POST of `query` to the gateway's /graphql, with the account's key if there is one. */
function post(
  origin: string,
  query: string,
  variables: unknown,
  key: string | null,
  accept: string,
): Promise<Response> {
  return postBody(origin, { query, variables }, key, accept);
}

/** One GraphQL request over HTTP, as a console would send it. */
export async function gql<T, V>(
  origin: string,
  document: TypedDocumentNode<T, V>,
  variables?: V,
  key: string | null = DEMO_KEY,
): Promise<HttpResult<T>> {
  const response = await post(
    origin,
    print(document),
    variables,
    key,
    "application/graphql-response+json, application/json",
  );
  const body = (await response.json()) as ExecutionResult<T>;
  return { ...body, status: response.status };
}

/** Like gql, but fails the test on any GraphQL error and returns data. */
export async function gqlData<T, V>(
  origin: string,
  document: TypedDocumentNode<T, V>,
  variables?: V,
  key: string | null = DEMO_KEY,
): Promise<T> {
  const result = await gql(origin, document, variables, key);
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

export function wsClient(origin: string, key: string | null = DEMO_KEY): Client {
  return createClient({
    url: `${origin.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: key ? { authorization: `Bearer ${key}` } : {},
  });
}

/** Runs one operation over graphql-ws and collects every result until it completes. */
export function wsCollect<T, V>(
  client: Client,
  document: TypedDocumentNode<T, V>,
  variables?: V,
  onResult?: (result: ExecutionResult<T>) => void,
): Promise<ExecutionResult<T>[]> {
  const results: ExecutionResult<T>[] = [];
  return new Promise((resolve, reject) => {
    client.subscribe<T>(
      { query: print(document), variables: variables as Record<string, unknown> | undefined },
      {
        next: (value) => {
          results.push(value as ExecutionResult<T>);
          onResult?.(value as ExecutionResult<T>);
        },
        error: reject,
        complete: () => resolve(results),
      },
    );
  });
}

/** Runs one operation over server-sent events and collects every `next` event until `complete`. */
export async function sseCollect<T, V>(
  origin: string,
  document: TypedDocumentNode<T, V>,
  variables?: V,
  key: string | null = DEMO_KEY,
  onResult?: (result: ExecutionResult<T>) => void,
): Promise<{ status: number; results: ExecutionResult<T>[] }> {
  const response = await post(origin, print(document), variables, key, "text/event-stream");
  const results: ExecutionResult<T>[] = [];
  if (!response.body) return { status: response.status, results };
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of response.body) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    let boundary = buffer.indexOf("\n\n");
    while (boundary >= 0) {
      const message = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      boundary = buffer.indexOf("\n\n");
      const event = /^event: (.*)$/m.exec(message)?.[1];
      const data = /^data: (.*)$/m.exec(message)?.[1];
      if (event === "complete") return { status: response.status, results };
      if (data) {
        const result = JSON.parse(data) as ExecutionResult<T>;
        results.push(result);
        onResult?.(result);
      }
    }
  }
  return { status: response.status, results };
}

/** The raw text of an SSE answer to `query` (any text, valid or not), sent without a key unless given one. */
export async function sseText(origin: string, query: string, key: string | null = null): Promise<string> {
  return (await post(origin, query, undefined, key, "text/event-stream")).text();
}
