import type { ServerResponse } from "node:http";

/**
 * The console's Content-Security-Policy: its own scripts, styles and API only (the bundle is one
 * module script and one stylesheet, the favicon a data: URL; graphql-ws reaches the same origin,
 * which `'self'` covers for ws: and wss:), and no page may frame it.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Only the framing rule: GraphiQL's page inlines its scripts and styles. */
export const NO_FRAMING_CSP = "frame-ancestors 'none'";

/** Every response: a browser never guesses a content type (an answer read as a script, say). */
export function noSniff(res: ServerResponse): void {
  res.setHeader("x-content-type-options", "nosniff");
}

/** A page that no other page may frame (clickjacking), under `policy`. */
export function pageHeaders(res: ServerResponse, policy: string): void {
  res.setHeader("x-frame-options", "DENY");
  res.setHeader("content-security-policy", policy);
}
