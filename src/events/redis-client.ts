import { Redis } from "ioredis";

/**
 * How long one command may wait for a Redis that holds the connection open but does not answer
 * (a frozen server, a lost host). A Redis that is down (refused, closed) fails a command at once.
 */
export const REDIS_COMMAND_TIMEOUT_MS = 1_000;

export interface FailFastOptions {
  /** Per command; see REDIS_COMMAND_TIMEOUT_MS. */
  commandTimeoutMs?: number;
  /** Connection problems (each reconnection attempt reports one); ioredis reconnects by itself. */
  onError?: (error: Error) => void;
}

/**
 * A Redis connection for the commands a request (or a step) waits on: the queue hand-off, the
 * sequence numbers, event publishing, the rate-limit bucket. ioredis by default keeps every
 * command sent while the connection is down in its offline queue until it reconnects (or, with
 * maxRetriesPerRequest, for that many reconnection attempts: seconds, growing with the outage),
 * so a request waits for the outage. Here:
 *
 * - no offline queue once connected: while the connection is down a command fails at once (the
 *   caller carries on without Redis; reconciliation or the next step makes up for it). Until the
 *   first connection, commands wait for it (bounded by the timeout), so a process that has just
 *   started does not fail what a moment's wait would do.
 * - a command in flight when the connection breaks fails at once (maxRetriesPerRequest 0) and is
 *   never sent again after the reconnection (one that failed must not run later: a sequence
 *   number taken twice, a job added after its image ended).
 * - a command Redis does not answer fails after `commandTimeoutMs`, and the connection is made
 *   again: until Redis answers, the commands after it fail at once.
 *
 * Not for BullMQ's workers (they block and need maxRetriesPerRequest null) nor for a subscriber
 * connection (its SUBSCRIBEs must wait for the reconnection).
 */
export function failFastRedis(url: string, options: FailFastOptions = {}): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: true,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    commandTimeout: options.commandTimeoutMs ?? REDIS_COMMAND_TIMEOUT_MS,
  });
  // ioredis reads the option on every command: queued until the first connection, failing fast after.
  client.once("ready", () => {
    client.options.enableOfflineQueue = false;
  });
  client.on("error", (error: Error) => options.onError?.(error));
  // A command Redis did not answer in time: the connection is dropped and made again, so that the
  // next commands fail at once (it is not ready) until Redis answers the reconnection, instead of
  // each one waiting out its own timeout on a Redis that holds the socket open and says nothing.
  const send = client.sendCommand.bind(client);
  client.sendCommand = ((...args: Parameters<Redis["sendCommand"]>) => {
    const reply = send(...args) as Promise<unknown>;
    reply.catch((error: Error) => {
      if (error.message === "Command timed out" && client.status === "ready") client.disconnect(true);
    });
    return reply;
  }) as Redis["sendCommand"];
  return client;
}

/** Closes a connection: QUIT when connected (replies first), else at once (QUIT would wait for none). */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === "ready") await client.quit().catch(() => client.disconnect());
  else client.disconnect();
}
