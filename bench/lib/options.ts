/**
 * The bench's flags (see bench/run.ts) and the settings they give every scenario.
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

/** The bench/ folder (the child processes' scripts, latest.json). */
export const here = dirname(dirname(fileURLToPath(import.meta.url)));
export const { values: flags } = parseArgs({
  options: {
    duration: { type: "string" },
    rounds: { type: "string" },
    connections: { type: "string", default: "32" },
    subscribers: { type: "string" },
    ticks: { type: "string", default: "6" },
    mutations: { type: "string" },
    "in-flight": { type: "string", default: "20" },
    quick: { type: "boolean", default: false },
    profile: { type: "string" },
    json: { type: "string", default: join(here, "latest.json") },
    only: { type: "string" },
    "heap-snapshots": { type: "string" },
    database: { type: "string" },
  },
});
export const quick = flags.quick;
export const DURATION = Number(flags.duration ?? (quick ? 1 : 3));
export const ROUNDS = Number(flags.rounds ?? (quick ? 2 : 4));
export const CONNECTIONS = Number(flags.connections);
export const SUBSCRIBERS = Number(flags.subscribers ?? (quick ? 500 : 2000));
export const TICKS = Number(flags.ticks);
export const MUTATIONS = Number(flags.mutations ?? (quick ? 100 : 200));
export const IN_FLIGHT = Number(flags["in-flight"]);
export const FANOUT_IMAGES = 10;
export const KEY = "demo-key";
/** Whether --only lets this part run. */
export const run = (part: string) => !flags.only || flags.only === part;

/** Where --profile puts the CPU profiles, if it is given. */
export const profileDir = flags.profile ? resolve(flags.profile) : undefined;
