/** The gateway and the raw reference, each in a child process driven over IPC. */
import { type ChildProcess, fork } from "node:child_process";
import { join } from "node:path";
import type { ServerRequest } from "../server.ts";
import { here, profileDir } from "./options.ts";

export interface Child {
  process: ChildProcess;
  origin: string;
}

export function waitReady(child: ChildProcess): Promise<string> {
  return new Promise((resolveReady, reject) => {
    child.once("exit", (code) => reject(new Error(`child exited with ${code} before it was ready`)));
    child.on("message", (message: { ready?: string }) => {
      if (message.ready) resolveReady(message.ready);
    });
  });
}

export async function startGateway(databaseUrl: string): Promise<Child> {
  const execArgv = ["--import", "tsx", "--expose-gc"];
  const child = fork(join(here, "server.ts"), [], {
    execArgv,
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl, BENCH_SNAPSHOT_GIB_PER_SECOND: "1" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return { process: child, origin: await waitReady(child) };
}

/** `work`, with the gateway's CPU profiled into profileDir/NAME.cpuprofile when --profile is given. */
export async function profiled<T>(gateway: Child, name: string, work: () => Promise<T>): Promise<T> {
  if (!profileDir) return work();
  await call(gateway, { type: "profileStart" });
  try {
    return await work();
  } finally {
    await call(gateway, { type: "profileStop", path: join(profileDir, `${name}.cpuprofile`) });
  }
}

export let nextCall = 0;
export function call<T = unknown>(child: Child, request: ServerRequest): Promise<T> {
  const id = ++nextCall;
  return new Promise((resolveCall, reject) => {
    const onMessage = (message: { id?: number; result?: T; error?: string }) => {
      if (message.id !== id) return;
      child.process.off("message", onMessage);
      if (message.error) reject(new Error(message.error));
      else resolveCall(message.result as T);
    };
    child.process.on("message", onMessage);
    child.process.send({ id, request });
  });
}

export async function startRaw(): Promise<Child> {
  const child = fork(join(here, "raw-server.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return { process: child, origin: await waitReady(child) };
}

export function loadRaw(raw: Child, body: string, contentType: string): Promise<void> {
  return new Promise((resolveLoad) => {
    raw.process.once("message", () => resolveLoad());
    raw.process.send({ body, contentType });
  });
}
