import { loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";
import { startApp } from "./server/app.ts";
import { bannerText, servedEndpoints } from "./server/observability/banner.ts";

const config = loadConfig();
const logger = createLogger(config.logLevel);

try {
  if (!config.development && config.demoApiKey !== undefined) {
    logger.warn("DEMO_API_KEY is set with NODE_ENV=production: the demo account accepts that key");
  }
  const app = await startApp(config, { logger });
  logger.info("image-gateway is listening", servedEndpoints(config, app.origin));
  if (process.stdout.isTTY || process.env.CI === undefined) {
    process.stdout.write(bannerText(config, app.origin));
  }
  let shuttingDown = false;
  const shutdown = (signal: string) => {
    // A second signal must not kill the shutdown under way: under `npm start` the signal reaches the
    // whole process group and npm forwards it again (and Ctrl-C in a terminal does the same).
    if (shuttingDown) return;
    shuttingDown = true;
    const started = Date.now();
    logger.info("shutting down", { signal });
    app.close().then(
      () => {
        logger.info("shut down", { signal, durationMs: Date.now() - started });
        process.exit(0);
      },
      (error) => {
        logger.error("shutdown failed", { error });
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
} catch (error) {
  logger.error("image-gateway failed to start", { error });
  process.exit(1);
}
