import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The console is served by the gateway at /console (src/server/transport/console.ts); `npm run console:build`
// writes it to src/console/dist, which postinstall runs.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/console/",
  // React's automatic JSX runtime, without @vitejs/plugin-react: a build needs no fast refresh.
  oxc: { jsx: { runtime: "automatic" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
  },
  logLevel: "warn",
});
