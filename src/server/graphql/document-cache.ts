/**
 * Yoga keeps parsed documents (and parse errors) keyed by their whole text; its default keeps 1,024
 * of any size, and the AST of a 1 MB document takes tens of MB. This cache keeps documents up to
 * MAX_CACHED_CHARS only, and at most TOTAL_CHARS of them, least recently used first out.
 */
export const MAX_CACHED_CHARS = 16 * 1024;
export const TOTAL_CHARS = 2 * 1024 * 1024;

export function boundedCache<V>(maxChars = MAX_CACHED_CHARS, totalChars = TOTAL_CHARS) {
  const entries = new Map<string, V>();
  let size = 0;
  return {
    get(key: string): V | undefined {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key: string, value: V): void {
      if (key.length > maxChars) return;
      if (entries.has(key)) {
        entries.delete(key);
        size -= key.length;
      }
      entries.set(key, value);
      size += key.length;
      for (const oldest of entries.keys()) {
        if (size <= totalChars) break;
        entries.delete(oldest);
        size -= oldest.length;
      }
    },
  };
}

export function boundedParserCache() {
  return { documentCache: boundedCache<never>(), errorCache: boundedCache<unknown>(), validationCache: true };
}
