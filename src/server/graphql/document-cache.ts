import type { DocumentNode } from "graphql";
import { LRUCache } from "lru-cache";

/**
 * Yoga keeps parsed documents (and parse errors) keyed by their whole text; its default keeps 1,024
 * of any size, and the AST of a 1 MB document takes tens of MB. This cache keeps documents up to
 * MAX_CACHED_CHARS only, and at most TOTAL_CHARS of them, least recently used first out
 * (`lru-cache`, each entry sized by its text's length).
 */
export const MAX_CACHED_CHARS = 16 * 1024;
export const TOTAL_CHARS = 2 * 1024 * 1024;

export function boundedCache<V extends {}>(maxChars = MAX_CACHED_CHARS, totalChars = TOTAL_CHARS) {
  return new LRUCache<string, V>({
    maxSize: totalChars,
    maxEntrySize: maxChars,
    // lru-cache wants a positive size: the empty text counts as one character.
    sizeCalculation: (_value, key) => Math.max(1, key.length),
  });
}

export function boundedParserCache() {
  return {
    documentCache: boundedCache<DocumentNode>(),
    errorCache: boundedCache<object>(),
    validationCache: true,
  };
}
