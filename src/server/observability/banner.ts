import { type Config, DEFAULT_DEMO_API_KEY } from "../../config.ts";

/** What the gateway serves, for the start-up log line and the banner: addresses only, never a secret. */
export function servedEndpoints(config: Config, origin: string): Record<string, string> {
  const graphql = `${origin}/graphql`;
  return {
    console: `${origin}/console`,
    graphql,
    websocket: graphql.replace(/^http/, "ws"),
    ...(config.development ? { graphiql: graphql } : {}),
    metrics: `${origin}/metrics${config.metricsToken ? " (bearer METRICS_TOKEN)" : ""}`,
    health: `${origin}/healthz`,
    readiness: `${origin}/readyz`,
  };
}

/**
 * How to authenticate, for the banner. Only the well-known development key is ever shown: a key the
 * operator chose (DEMO_API_KEY) is a secret, and production has no demo key by default.
 */
export function demoKeyHint(config: Config): string {
  if (config.demoApiKey === undefined) {
    return "no demo account (NODE_ENV=production); create one with npm run account:create -- --name <name>";
  }
  if (config.development && config.demoApiKey === DEFAULT_DEMO_API_KEY) {
    return `${DEFAULT_DEMO_API_KEY}  (header  Authorization: Bearer ${DEFAULT_DEMO_API_KEY})`;
  }
  return "the DEMO_API_KEY you set";
}

export function bannerText(config: Config, origin: string): string {
  const served = servedEndpoints(config, origin);
  const lines = [
    `Console:       ${served.console}`,
    served.graphiql ? `GraphiQL:      ${served.graphiql}` : `GraphQL:       ${served.graphql}`,
    `WebSocket:     ${served.websocket}`,
    `Metrics:       ${served.metrics}`,
    `Demo API key:  ${demoKeyHint(config)}`,
  ];
  return `\n${lines.map((line) => `  ${line}`).join("\n")}\n\n`;
}
