import { loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";
import { startApp } from "./server/app.ts";

const config = loadConfig();
const logger = createLogger(config.logLevel);

try {
  const app = await startApp(config, { logger });
  const graphiql = `${app.origin}/graphql`;
  logger.info("image-gateway is listening", {
    console: `${app.origin}/console`,
    graphql: graphiql,
    graphiql: config.development ? graphiql : "disabled (NODE_ENV=production)",
    websocket: graphiql.replace(/^http/, "ws"),
    demoApiKey: config.demoApiKey,
  });
  if (process.stdout.isTTY || process.env.CI === undefined) {
    process.stdout.write(
      `\n  Console:       ${app.origin}/console\n  GraphiQL:      ${graphiql}\n  Demo API key:  ${config.demoApiKey}  (header  Authorization: Bearer ${config.demoApiKey})\n\n`,
    );
  }
  const shutdown = (signal: string) => {
    logger.info("shutting down", { signal });
    app.close().then(
      () => process.exit(0),
      (error) => {
        logger.error("shutdown failed", { error });
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
} catch (error) {
  logger.error("image-gateway failed to start", { error });
  process.exit(1);
}
