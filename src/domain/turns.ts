const tails = new Map<string, Promise<void>>();

/**
 * Runs the image-writing transactions of one account one after another in this process. On
 * PostgreSQL (SERIALIZABLE) two of them read what the other writes (quota, live names), so all but
 * one would fail to serialize and run again, each retry the whole transaction: at 20 in flight a
 * creation cost three times its statements, and some ran out of retries. A lock taken inside the
 * transaction would come too late, after its snapshot. Between replicas the retries still decide.
 */
export function inAccountTurn<T>(accountId: string, run: () => Promise<T>): Promise<T> {
  const previous = tails.get(accountId) ?? Promise.resolve();
  const result = previous.then(run);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  tails.set(accountId, tail);
  void tail.then(() => {
    if (tails.get(accountId) === tail) tails.delete(accountId);
  });
  return result;
}
