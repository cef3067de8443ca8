import { createCounter, createHistogram, usePrometheus } from "@graphql-yoga/plugin-prometheus";
import type { Plugin } from "graphql-yoga";
import type { Registry } from "prom-client";
import { boundedLabel, MAX_ERROR_CODES, methodLabel, type OperationLabel } from "./label-bounds.ts";
import { errorCode } from "./result-codes.ts";

interface OperationParams {
  operationName?: string;
  operationType?: string;
}

type Phase = "parse" | "validate" | "context" | "execute" | "subscribe";
type OperationPhase = "execute" | "subscribe";
type OperationLabelName = "operationName" | "operationType";

/**
 * The GraphQL series of `@graphql-yoga/plugin-prometheus`, each declared here so that every label
 * is bounded (README "Metrics"): operation names through `operation` (the first names seen, then
 * "(other)"), error codes likewise, methods to a fixed set. Only the operations' count, duration
 * and errors carry the name; the phase and HTTP histograms are by operation type (HTTP: and method
 * and status), so one name adds at most one counter and one histogram per type. The summary (the
 * same figure as the duration histogram, with quantiles to compute on every scrape) and the
 * deprecated-field counter (no field is deprecated) are off.
 */
export function graphqlMetricsPlugin(registry: Registry, operation: OperationLabel): Plugin {
  const code = boundedLabel(MAX_ERROR_CODES);
  const type = (params: OperationParams) => params.operationType ?? "unknown";
  const byOperation = (params: OperationParams) => ({
    operationName: operation(params.operationName),
    operationType: type(params),
  });
  // The operations' count and duration: by operation name and type, over execute and subscribe.
  const perOperation = {
    registry,
    fillLabelsFn: byOperation,
    phases: ["execute", "subscribe"] as [OperationPhase, ...OperationPhase[]],
  };
  const operationSeries = (name: string, help: string) => ({
    name,
    help,
    labelNames: ["operationName", "operationType"] as OperationLabelName[],
  });
  const phaseHistogram = <P extends Phase>(phase: P, help: string) =>
    createHistogram<P, "operationType">({
      registry,
      histogram: { name: `graphql_envelop_phase_${phase}`, help, labelNames: ["operationType"] },
      fillLabelsFn: (params) => ({ operationType: type(params) }),
      phases: [phase],
    });
  return usePrometheus({
    registry,
    // Served by metrics.ts's handle(), behind METRICS_TOKEN.
    endpoint: false,
    metrics: {
      graphql_envelop_request: createCounter<OperationPhase, OperationLabelName>({
        ...perOperation,
        counter: operationSeries("graphql_envelop_request", "GraphQL operations executed, by operation."),
      }),
      graphql_envelop_request_duration: createHistogram<OperationPhase, OperationLabelName>({
        ...perOperation,
        histogram: operationSeries(
          "graphql_envelop_request_duration",
          "Time spent on a GraphQL operation, from parse to execute, by operation.",
        ),
      }),
      graphql_envelop_request_time_summary: false,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_phase_parse: phaseHistogram(
        "parse",
        'Time spent on GraphQL "parse", by operation type.',
      ),
      graphql_envelop_phase_validate: phaseHistogram(
        "validate",
        'Time spent on GraphQL "validate", by operation type.',
      ),
      graphql_envelop_phase_context: phaseHistogram(
        "context",
        "Time spent building the context, by operation type.",
      ),
      graphql_envelop_phase_execute: phaseHistogram(
        "execute",
        'Time spent on GraphQL "execute", by operation type.',
      ),
      graphql_envelop_phase_subscribe: phaseHistogram(
        "subscribe",
        'Time spent on GraphQL "subscribe", by operation type.',
      ),
      graphql_envelop_error_result: createCounter({
        registry,
        counter: {
          name: "graphql_envelop_error_result",
          help: "GraphQL errors in results, by operation, phase and extensions.code.",
          labelNames: ["operationName", "phase", "code"] as const,
        },
        fillLabelsFn: (params) => ({
          operationName: operation(params.operationName),
          phase: params.errorPhase ?? "execute",
          code: code(errorCode(params.error)),
        }),
      }),
      graphql_yoga_http_duration: createHistogram({
        registry,
        histogram: {
          name: "graphql_yoga_http_duration",
          help: "Time spent on an HTTP request to /graphql, by operation type, method and status.",
          labelNames: ["operationType", "method", "statusCode"] as const,
        },
        fillLabelsFn: (params, { request, response }: { request: Request; response: Response }) => ({
          operationType: type(params),
          method: methodLabel(request.method),
          statusCode: response.status,
        }),
        phases: ["request"],
      }),
    },
  });
}
