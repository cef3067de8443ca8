const KEY = "image-gateway.apiKey";

/** The API key lives for the browser session only; everything else the console shows comes from the API. */
export const session = {
  get: (): string | null => sessionStorage.getItem(KEY),
  set: (key: string) => sessionStorage.setItem(KEY, key),
  clear: () => sessionStorage.removeItem(KEY),
};

/** The gateway offers its demo key in development (a meta tag it adds to index.html). */
export function demoApiKey(): string | null {
  return document.querySelector<HTMLMetaElement>('meta[name="demo-api-key"]')?.content || null;
}
